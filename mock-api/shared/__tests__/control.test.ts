// The /__control endpoint of both emulators over real HTTP: every fault kind, counts and
// matching, reset, config, and the call log (logins included).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../credentials';
import { startExnessEmulator } from '../../exness/server';
import { startHasOffersEmulator } from '../../hasoffers/server';
import {
  createControlClient,
  hasOffersParamsOf,
  loginCalls,
  type ExnessConfig,
  type HasOffersConfig,
} from '../control-client';
import type { RunningEmulator } from '../server';
import { exnessLogin, ho, requestJson, sleep } from './helpers';

let exness: RunningEmulator;
let hasoffers: RunningEmulator;
let token: string;
const ex = () => createControlClient<ExnessConfig>(exness.url);
const hoc = () => createControlClient<HasOffersConfig>(hasoffers.url);

beforeAll(async () => {
  [exness, hasoffers] = await Promise.all([
    startExnessEmulator(),
    startHasOffersEmulator({ rateLimit: { calls: 100_000, windowMs: 10_000 } }),
  ]);
  token = await exnessLogin(exness.url);
});
afterAll(async () => {
  await Promise.all([exness.close(), hasoffers.close()]);
});
beforeEach(async () => {
  await Promise.all([ex().reset(), hoc().reset()]);
});

const GROUPS = '/api/v2/autorebates/groups/';
const listGroups = () =>
  requestJson<{ data: unknown[] }>(`${exness.url}${GROUPS}?limit=1`, {
    headers: { authorization: `JWT ${token}` },
  });
const findList = () =>
  ho(hasoffers.url, { Target: 'Affiliate', Method: 'findList', 'filters[id]': '2' });
const createGroup = (name: string) =>
  ho<string>(
    hasoffers.url,
    {
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name,
      description: '',
      rules_json: '[]',
      affiliate_ids_json: '[]',
    },
    'POST',
  );
const groupNamed = async (name: string): Promise<unknown> =>
  (
    await ho<{ records: unknown[] }>(hasoffers.url, {
      Target: 'CashflowGroup',
      Method: 'findCashflowGroups',
      'filters[name]': name,
    })
  ).json.response.data.records;

describe('faults on the Exness emulator', () => {
  it('http500: a real HTTP 500 with an HTML body', async () => {
    await ex().fault({ fault: 'http500' });
    const res = await listGroups();
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('Server Error (500)');
    expect((await listGroups()).status).toBe(200);
  });

  it('rate-limit: 429 Throttled with Retry-After, 2 s by default or delayMs rounded up', async () => {
    await ex().fault({ fault: 'rate-limit' });
    const res = await listGroups();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.json).toEqual({
      code: 'Throttled',
      message: 'Request was throttled. Expected available in 2 seconds.',
    });
    await ex().fault({ fault: 'rate-limit', delayMs: 3200 });
    const longer = await listGroups();
    expect(longer.headers.get('retry-after')).toBe('4');
    expect(longer.json).toMatchObject({ message: expect.stringContaining('in 4 seconds') });
  });

  it('token-expired: 401 TokenExpired even with a valid token, then normal again', async () => {
    await ex().fault({ fault: 'token-expired', match: { path: GROUPS } });
    const res = await listGroups();
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 'TokenExpired' });
    expect((await listGroups()).status).toBe(200);
  });

  it('permission-denied: 403 PermissionDenied', async () => {
    await ex().fault({ fault: 'permission-denied' });
    const res = await listGroups();
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      code: 'PermissionDenied',
      message: 'You do not have permission to perform this action.',
    });
  });

  it('count: the next N matching calls get the fault, only those that match', async () => {
    await ex().fault({ fault: 'http500', count: 2, match: { method: 'GET', path: GROUPS } });
    // A POST on the path and a login do not match: they pass and do not use up the fault.
    const post = await requestJson(`${exness.url}${GROUPS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: '{}',
    });
    expect(post.status).toBe(400);
    await exnessLogin(exness.url);
    expect((await listGroups()).status).toBe(500);
    expect((await listGroups()).status).toBe(500);
    expect((await listGroups()).status).toBe(200);
  });

  it('reset-connection: the socket is destroyed without an answer', async () => {
    await ex().fault({ fault: 'reset-connection' });
    await expect(listGroups()).rejects.toThrow();
    const [call] = await ex().calls();
    expect(call).toMatchObject({ fault: 'reset-connection', path: GROUPS });
    expect(call?.status).toBeUndefined();
  });

  it('delay: answers normally after delayMs', async () => {
    await ex().fault({ fault: 'delay', delayMs: 300 });
    const started = Date.now();
    const res = await listGroups();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(1);
  });

  it('hang: no answer until the client gives up', async () => {
    await ex().fault({ fault: 'hang' });
    await expect(
      fetch(`${exness.url}${GROUPS}`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    const [call] = await ex().calls();
    expect(call).toMatchObject({ fault: 'hang' });
    expect(call?.status).toBeUndefined();
    expect((await listGroups()).status).toBe(200);
  });

  it('refuses a malformed fault with 400', async () => {
    const res = await requestJson(`${exness.url}/__control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: 'explode' }),
    });
    expect(res.status).toBe(400);
    await expect(ex().fault({ fault: 'delay', count: 0 })).rejects.toThrow(/400/);
  });
});

describe('faults on the HasOffers emulator', () => {
  it('http500: a real HTTP 500, not an envelope', async () => {
    await hoc().fault({ fault: 'http500' });
    const res = await findList();
    expect(res.status).toBe(500);
    expect(res.json).toBeUndefined();
  });

  it('rate-limit: the status -1 rate-limit envelope', async () => {
    await hoc().fault({ fault: 'rate-limit' });
    const res = await findList();
    expect(res.status).toBe(200);
    // The message states the limit in force (this instance runs with a roomy one).
    expect(res.json.response).toMatchObject({
      status: -1,
      errorMessage: expect.stringContaining(
        'API usage exceeded rate limit.  Configured: 100000/10s window',
      ),
    });
  });

  it('permission-denied and token-expired: status -1 answers', async () => {
    await hoc().fault({ fault: 'permission-denied' });
    const denied = await findList();
    expect(denied.json.response.status).toBe(-1);
    expect(denied.json.response.errorMessage).toMatch(/permission/i);
    await hoc().fault({ fault: 'token-expired' });
    const expired = await findList();
    expect(expired.json.response.errorMessage).toBe(
      `NetworkToken ${EMULATOR_CREDENTIALS.hasOffersNetworkToken} is not authenticated`,
    );
    expect((await findList()).json.response.status).toBe(1);
  });

  it('matches on target and hoMethod', async () => {
    await hoc().fault({
      fault: 'http500',
      match: { target: 'CashflowGroup', hoMethod: 'createCashflowGroup' },
    });
    expect((await findList()).status).toBe(200);
    expect((await createGroup('Fault target')).status).toBe(500);
    expect(await groupNamed('Fault target')).toEqual([]);
  });

  it('reset-connection: no answer and nothing created', async () => {
    await hoc().fault({ fault: 'reset-connection', match: { hoMethod: 'createCashflowGroup' } });
    await expect(createGroup('Never stored')).rejects.toThrow();
    expect(await groupNamed('Never stored')).toEqual([]);
  });

  it('reset-after-success: the group is created, then the socket dies unanswered', async () => {
    await hoc().fault({ fault: 'reset-after-success', match: { hoMethod: 'createCashflowGroup' } });
    await expect(createGroup('Created but unanswered')).rejects.toThrow();
    expect(await groupNamed('Created but unanswered')).toMatchObject([{ id: '21' }]);
    const [call] = (await hoc().calls()).filter((c) => c.hoMethod === 'createCashflowGroup');
    expect(call).toMatchObject({ fault: 'reset-after-success', status: 200, hoStatus: 1 });
    // A retry with the same name now fails: exactly what idempotency has to handle.
    expect(
      (await createGroup('Created but unanswered')).json.response.errors[0]?.err_msg,
    ).toContain('already exists');
  });

  it('delay: answers normally after delayMs', async () => {
    await hoc().fault({ fault: 'delay', delayMs: 250 });
    const started = Date.now();
    const res = await findList();
    expect(Date.now() - started).toBeGreaterThanOrEqual(230);
    expect(res.json.response.status).toBe(1);
  });
});

describe('close() with a hanging call', () => {
  it('destroys held sockets so close resolves and the client sees an error', async () => {
    const em = await startHasOffersEmulator();
    const ctl = createControlClient(em.url);
    await ctl.fault({ fault: 'hang' });
    const pending = fetch(`${em.url}/Apiv3/json?Target=Affiliate&Method=findList`).then(
      () => 'answered',
      () => 'failed',
    );
    for (let i = 0; i < 50 && (await ctl.calls()).length === 0; i += 1) await sleep(20);
    expect(await ctl.calls()).toHaveLength(1);
    await em.close();
    expect(await pending).toBe('failed');
  });
});

describe('reset, config and the call log', () => {
  it('reset restores the seed, clears faults, the log and config', async () => {
    expect((await createGroup('Temporary')).json.response.status).toBe(1);
    await hoc().fault({ fault: 'http500', count: 5 });
    await hoc().config({ rateLimit: { calls: 1, windowMs: 60_000 } });
    await hoc().reset();
    expect(await hoc().calls()).toEqual([]);
    expect(await groupNamed('Temporary')).toEqual([]);
    expect((await findList()).status).toBe(200);
    expect((await findList()).json.response.status).toBe(1);
    const cfg = await requestJson<{ config: HasOffersConfig }>(`${hasoffers.url}/__control/config`);
    expect(cfg.json.config).toEqual({ rateLimit: { calls: 100_000, windowMs: 10_000 } });
    // The next created id is the seed's next id again.
    expect((await createGroup('After reset')).json.response.data).toBe('21');
  });

  it('logs Exness calls with headers as received and parsed bodies, not control calls', async () => {
    await listGroups();
    const calls = await ex().calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      seq: expect.any(Number),
      at: expect.any(String),
      method: 'GET',
      path: GROUPS,
      query: { limit: '1' },
      body: null,
      status: 200,
    });
    expect(calls[0]?.headers.authorization).toBe(`JWT ${token}`);
    await ex().clearCalls();
    expect(await ex().calls()).toEqual([]);
  });

  it('counts logins in the call log', async () => {
    await Promise.all([exnessLogin(exness.url), exnessLogin(exness.url), exnessLogin(exness.url)]);
    await requestJson(`${exness.url}/api/v2/auth/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'x@y.z', password: 'bad' }),
    });
    const calls = await ex().calls();
    expect(loginCalls(calls)).toHaveLength(3);
    expect(loginCalls(calls, false)).toHaveLength(4);
  });

  it('logs HasOffers calls with target, method, parsed params and envelope status', async () => {
    await findList();
    await ho(hasoffers.url, { NetworkToken: 'wrong', Target: 'Affiliate', Method: 'findAll' });
    await createGroup('Logged group');
    const calls = await hoc().calls();
    expect(calls.map((c) => c.seq)).toEqual([...calls.map((c) => c.seq)].sort((a, b) => a - b));
    expect(calls[0]).toMatchObject({
      method: 'GET',
      path: '/Apiv3/json',
      target: 'Affiliate',
      hoMethod: 'findList',
      query: { 'filters[id]': '2' },
      params: { filters: { id: '2' } },
      status: 200,
      hoStatus: 1,
    });
    expect(calls[1]).toMatchObject({ hoStatus: -1 });
    expect(calls[2]).toMatchObject({ method: 'POST', body: { name: 'Logged group' } });
    expect(hasOffersParamsOf(calls, 'CashflowGroup', 'createCashflowGroup')).toEqual([
      expect.objectContaining({ name: 'Logged group', rules_json: '[]' }),
    ]);
  });
});
