// /api/exness against the real Exness emulator: allowlist, JWT, re-login, pass-through.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../mock-api/credentials';
import {
  call,
  control,
  expectNoLeak,
  rawCall,
  startBff,
  startTestEmulators,
  testConfig,
  type Emulators,
  type LoggedCall,
  type RunningBff,
} from './harness';

const GROUPS = '/api/v2/autorebates/groups/';
/** The rebate list as the client sends it: GET with query parameters (a POST creates upstream). */
const listGet = (url: string, params: Record<string, string | number> = {}) =>
  call(
    `${url}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`,
  );

const AUTH = '/api/v2/auth/';
const SECRETS = [EMULATOR_CREDENTIALS.exnessLogin, EMULATOR_CREDENTIALS.exnessPassword];

let emulators: Emulators;
let bff: RunningBff;
let exness: ReturnType<typeof control>;
const groupsUrl = () => `${bff.url}/api/exness${GROUPS}`;
const logins = (calls: LoggedCall[]) => calls.filter((c) => c.path === AUTH);

beforeAll(async () => {
  emulators = await startTestEmulators();
  bff = await startBff(testConfig(emulators));
  exness = control(emulators.exnessUrl);
});

afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});

beforeEach(async () => {
  await exness.reset();
});

describe('/api/exness', () => {
  it('lists groups with the server’s JWT; the browser never sees a credential', async () => {
    const res = await listGet(groupsUrl(), { limit: 2, ordering: '-rebate_percent' });
    expect(res.status).toBe(200);
    const body = res.json as { data: unknown[]; totals: { count: number } };
    expect(body.data).toHaveLength(2);
    expect(body.totals.count).toBeGreaterThan(2);

    const calls = await exness.calls();
    const login = logins(calls)[0];
    expect(login?.body).toEqual({
      login: EMULATOR_CREDENTIALS.exnessLogin,
      password: EMULATOR_CREDENTIALS.exnessPassword,
    });
    const list = calls.find((c) => c.path === GROUPS);
    expect(list?.method).toBe('GET');
    expect(list?.query).toEqual({ limit: '2', ordering: '-rebate_percent' });
    const authorization = list?.headers.authorization ?? '';
    expect(authorization).toMatch(/^JWT [\w-]+\.[\w-]+\.[\w-]+$/);
    // Nothing the browser sent besides the body reaches the upstream.
    expect(list?.headers['x-requested-with']).toBeUndefined();

    const jwt = authorization.slice(4);
    expectNoLeak(res.text + JSON.stringify([...res.headers]), [...SECRETS, jwt]);
  });

  it('keeps the query string on GET and reuses the cached token', async () => {
    const res = await call(`${groupsUrl()}?limit=3&group_type=MANUAL`);
    expect(res.status).toBe(200);
    const second = await call(`${groupsUrl()}?limit=1`);
    expect(second.status).toBe(200);
    const calls = await exness.calls();
    const lists = calls.filter((c) => c.path === GROUPS);
    expect(lists.map((c) => c.query)).toEqual([
      { limit: '3', group_type: 'MANUAL' },
      { limit: '1' },
    ]);
    // The BFF logged in at most once (maybe in an earlier test), never per request.
    expect(logins(calls).length).toBeLessThanOrEqual(1);
    expect(lists[0]?.headers.authorization).toBe(lists[1]?.headers.authorization);
  });

  it.each([
    ['DELETE', GROUPS],
    ['PUT', GROUPS],
    ['POST', AUTH],
    ['GET', '/api/v2/autorebates/groups/17/'],
    ['GET', '/api/v2/autorebates/groups'],
    ['GET', '/api/v2/autorebates/groups/%2e%2e/%2e%2e/auth/'],
    ['POST', '/api/v2/autorebates/groups/../../auth/'],
    ['GET', '/api/v2/partner/clients/'],
  ])('refuses %s %s with 403 and never calls the upstream', async (method, path) => {
    const res = await call(`${bff.url}/api/exness${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(method !== 'GET' && { body: '{}' }),
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ code: 'Forbidden' });
    expect(await exness.calls()).toEqual([]);
  });

  it('10 concurrent requests after the token expired: one re-login, all succeed', async () => {
    // A BFF of its own, so its first token is the short-lived one. Get a token that expires
    // almost at once, wait until the emulator refuses it, then restore the normal lifetime so
    // the re-login's token stays good.
    const fresh = await startBff(testConfig(emulators));
    try {
      const url = `${fresh.url}/api/exness${GROUPS}`;
      await exness.config({ tokenTtlMs: 300 });
      const first = await listGet(url, { limit: 1 });
      // It may itself have met the expiry (twice: a 502); either way the BFF now holds a
      // short-lived token.
      expect([200, 502]).toContain(first.status);
      const held = (await exness.calls()).filter((c) => c.path === GROUPS).at(-1)
        ?.headers.authorization;
      expect(held).toBeDefined();
      let expired = false;
      for (let i = 0; i < 100 && !expired; i++) {
        const probe = await fetch(`${emulators.exnessUrl}${GROUPS}`, {
          method: 'POST',
          headers: { Authorization: held ?? '', 'Content-Type': 'application/json' },
          body: '{}',
        });
        expired = probe.status === 401;
        if (!expired) await new Promise((r) => setTimeout(r, 50));
      }
      expect(expired).toBe(true);
      await exness.config({ tokenTtlMs: 3_600_000 });
      // A slow login keeps the re-login in flight while the other requests meet their 401s.
      await exness.fault({ match: { path: AUTH }, fault: 'delay', delayMs: 1000 });
      await exness.clearCalls();

      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => listGet(url, { limit: 1, offset: i })),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      const calls = await exness.calls();
      expect(logins(calls)).toHaveLength(1);
      const lists = calls.filter((c) => c.path === GROUPS);
      // Several requests found the token expired at once (else this would not test much)...
      const expiredCalls = lists.filter((c) => c.status === 401);
      expect(expiredCalls.length).toBeGreaterThanOrEqual(2);
      expect(new Set(expiredCalls.map((c) => c.headers.authorization))).toEqual(new Set([held]));
      // ...and each was retried once, with the one new token.
      const okCalls = lists.filter((c) => c.status === 200);
      expect(okCalls).toHaveLength(10);
      expect(new Set(okCalls.map((c) => c.headers.authorization)).size).toBe(1);
      expect(lists).toHaveLength(10 + expiredCalls.length);
    } finally {
      await fresh.close();
    }
  });

  it('a 401 from token-expired faults: re-login once and retry once, then a 502 (never a 401: that means "signed out" to the browser)', async () => {
    await exness.fault({ match: { path: GROUPS }, fault: 'token-expired', count: 1 });
    const ok = await listGet(groupsUrl(), { limit: 1 });
    expect(ok.status).toBe(200);

    await exness.clearCalls();
    await exness.fault({ match: { path: GROUPS }, fault: 'token-expired', count: 2 });
    const refused = await listGet(groupsUrl(), { limit: 1 });
    expect(refused.status).toBe(502);
    expect(refused.json).toMatchObject({ code: 'UpstreamAuthFailed' });
    const calls = await exness.calls();
    expect(logins(calls)).toHaveLength(1);
    expect(calls.filter((c) => c.path === GROUPS)).toHaveLength(2);
  });

  it('passes upstream errors through: status, JSON body, Retry-After', async () => {
    await exness.fault({ match: { path: GROUPS }, fault: 'permission-denied' });
    const denied = await listGet(groupsUrl(), {});
    expect(denied.status).toBe(403);
    expect(denied.json).toEqual({
      code: 'PermissionDenied',
      message: 'You do not have permission to perform this action.',
    });

    await exness.fault({ match: { path: GROUPS }, fault: 'rate-limit', delayMs: 7000 });
    const throttled = await listGet(groupsUrl(), {});
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.json).toMatchObject({ code: 'Throttled' });

    const invalid = await listGet(groupsUrl(), { limit: 'many' });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toBeTypeOf('object');
  });

  it('an HTML 500 from the upstream becomes a 502 JSON answer', async () => {
    await exness.fault({ match: { path: GROUPS }, fault: 'http500' });
    const res = await listGet(groupsUrl(), {});
    expect(res.status).toBe(502);
    expect(res.json).toEqual({
      code: 'UpstreamInvalidResponse',
      message: 'The Exness API answered in an unexpected form (status 500).',
    });
  });

  it('refuses a body that is not JSON before calling the upstream', async () => {
    const bad = await call(groupsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{limit:',
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 'BadRequest' });
    const form = await call(groupsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'limit=1',
    });
    expect(form.status).toBe(415);
    expect(form.json).toMatchObject({ code: 'UnsupportedMediaType' });
    expect((await exness.calls()).filter((c) => c.path === GROUPS)).toEqual([]);
  });
});

describe('/api/exness with credentials the upstream refuses', () => {
  let wrong: RunningBff;
  beforeAll(async () => {
    wrong = await startBff(
      testConfig(emulators, {
        exness: { login: 'someone@else.example', password: 'not-the-password' },
      }),
    );
  });
  afterAll(async () => {
    await wrong?.close();
  });

  it('answers 502 saying the server’s credentials were refused, without any credential', async () => {
    const res = await listGet(`${wrong.url}/api/exness${GROUPS}`, { limit: 1 });
    expect(res.status).toBe(502);
    const body = res.json as { code: string; message: string };
    expect(body.code).toBe('UpstreamAuthFailed');
    expect(body.message).toMatch(/refused the dashboard server's credentials/);
    expectNoLeak(res.text, [
      'someone@else.example',
      'not-the-password',
      emulators.exnessUrl,
      '127.0.0.1',
    ]);
    const calls = await exness.calls();
    expect(logins(calls)).toHaveLength(1);
    expect(calls.filter((c) => c.path === GROUPS)).toEqual([]);
    expectNoLeak(wrong.logs.join(''), ['someone@else.example', 'not-the-password']);
  });
});

/** The list GET as the browser sends it, read as raw bytes. */
const rawPost = (url: string, params: Record<string, string | number>, acceptEncoding: string) =>
  rawCall(
    `${url}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`,
    { headers: { 'X-Requested-With': 'dashboard', 'Accept-Encoding': acceptEncoding } },
  );

describe('/api/exness answers on the wire', () => {
  it('compresses a list answer the browser can decode: brotli, else gzip, else plain', async () => {
    const body = { limit: 25, ordering: '-created' };
    const br = await rawPost(groupsUrl(), body, 'gzip, deflate, br');
    const gzip = await rawPost(groupsUrl(), body, 'gzip');
    const plain = await rawPost(groupsUrl(), body, 'identity');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const res of [br, gzip, plain]) {
      expect(res.status).toBe(200);
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    }
    const text = plain.body.toString();
    expect((JSON.parse(text) as { data: unknown[] }).data).toHaveLength(25);
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    expect(gunzipSync(gzip.body).toString()).toBe(text);
    expect(br.body.length).toBeLessThan(text.length / 3);
  });

  it('leaves a small answer (under 1 KB) as it is', async () => {
    const small = await rawPost(groupsUrl(), { limit: 1, group_id: '0' }, 'br');
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
