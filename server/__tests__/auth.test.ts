// The dashboard's sign-in over real HTTP: the 401 gate (upstreams never called), the session
// cookie, expiry, sign-out, throttling of wrong passwords, dev auto sign-in, and quiet logs.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WRONG_CREDENTIALS_MESSAGE } from '../auth/routes';
import {
  call,
  control,
  postForm,
  postJson,
  signIn,
  startBff,
  startTestEmulators,
  testConfig,
  testUser,
  type Emulators,
  type RunningBff,
} from './harness';

const GROUPS = '/api/exness/api/v2/autorebates/groups/';
const FIND = '/api/hasoffers?Target=Affiliate&Method=findAll&limit=1';
const MINUTE = 60_000;

let emulators: Emulators;
let exness: ReturnType<typeof control>;
let hasoffers: ReturnType<typeof control>;
let bff: RunningBff;
/** The BFF's clock (sessions and throttle): tests move it instead of waiting. */
let now = 1_800_000_000_000;

beforeAll(async () => {
  emulators = await startTestEmulators();
  exness = control(emulators.exnessUrl);
  hasoffers = control(emulators.hasOffersUrl);
  const users = await Promise.all([
    testUser('alice', 'correct horse battery'),
    testUser('bob', 'bob-password-2'),
  ]);
  bff = await startBff(
    {
      ...testConfig(emulators, { auth: { users, devAutoSignIn: undefined } }),
      allowedHosts: ['dashboard.example.com'],
      logLevel: 'trace',
    },
    { auth: { now: () => now } },
  );
});

afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});

beforeEach(async () => {
  await Promise.all([exness.reset(), hasoffers.reset()]);
  // A fresh stretch of time: earlier lockouts and sessions do not carry over.
  now += 24 * 60 * MINUTE;
});

const session = () => `${bff.url}/api/session`;
const signInAnswer = (username: string, password: string, headers: Record<string, string> = {}) =>
  postJson(session(), { username, password }, headers);

function cookieAttributes(setCookie: string | null): { pair: string; attrs: string[] } {
  const [pair = '', ...attrs] = (setCookie ?? '').split(';').map((s) => s.trim());
  return { pair, attrs };
}

/** fetch() will not send a Host of our choosing; node:http will. */
function rawRequest(
  path: string,
  init: { method: string; host: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${bff.url}${path}`,
      { method: init.method, headers: { Host: init.host, ...init.headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('without a session', () => {
  it('every /api route except sign-in, session status and health answers 401; no upstream sees a call', async () => {
    const forged = 'dashboard-session=' + 'A'.repeat(43);
    const attempts = [
      () => postJson(`${bff.url}${GROUPS}`, { limit: 1 }),
      () => call(`${bff.url}${GROUPS}?limit=1`),
      () => call(`${bff.url}${FIND}`),
      () =>
        postForm(
          `${bff.url}/api/hasoffers`,
          'Target=CashflowGroup&Method=createCashflowGroup&name=x&rules_json=[]&affiliate_ids_json=[]',
          { 'Idempotency-Key': 'k-1' },
        ),
      () => call(`${bff.url}/api/hasoffers?Target=Employee&Method=findAll`),
      () => call(`${bff.url}/api/nope`),
      () => call(`${bff.url}/api`),
      () => call(`${bff.url}/api/exness`, { method: 'DELETE' }),
      () => call(`${bff.url}${FIND}`, { headers: { Cookie: forged } }),
      () => call(`${bff.url}${FIND}`, { headers: { Cookie: 'dashboard-session=short' } }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status, res.text).toBe(401);
      expect(res.json).toEqual({
        code: 'Unauthorized',
        message: 'You are not signed in. Sign in to continue.',
      });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await exness.calls()).toEqual([]);
    expect(await hasoffers.calls()).toEqual([]);

    expect((await call(`${bff.url}/api/health`)).status).toBe(200);
    const status = await call(session());
    expect(status.status).toBe(200);
    expect(status.json).toEqual({ user: null, autoSignIn: false });
  });
});

describe('sign-in', () => {
  it('an unknown user and a wrong password get the very same answer', async () => {
    const wrong = await signInAnswer('alice', 'wrong password');
    const unknown = await signInAnswer('mallory', 'correct horse battery');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ code: 'InvalidCredentials', message: WRONG_CREDENTIALS_MESSAGE });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(unknown.text).toBe(wrong.text);
  });

  it('the right password gets an httpOnly, SameSite=Strict session cookie that opens /api', async () => {
    const res = await signInAnswer('Alice', 'correct horse battery');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ user: { name: 'alice' }, autoSignIn: false });
    const { pair, attrs } = cookieAttributes(res.headers.get('set-cookie'));
    expect(pair).toMatch(/^dashboard-session=[A-Za-z0-9_-]{43}$/);
    expect(attrs).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${12 * 3600}`]),
    );
    // Plain http on loopback: Secure would make the browser drop it.
    expect(attrs).not.toContain('Secure');

    const list = await call(`${bff.url}${GROUPS}?limit=1`, { headers: { Cookie: pair } });
    expect(list.status).toBe(200);
    const status = await call(session(), { headers: { Cookie: pair } });
    expect(status.json).toEqual({ user: { name: 'alice' }, autoSignIn: false });
  });

  it('session ids are 256 random bits, new at every sign-in; a planted id is dropped', async () => {
    const first = await signIn(bff.url, 'alice', 'correct horse battery');
    const second = await signIn(bff.url, 'alice', 'correct horse battery');
    const idOf = (pair: string) => Buffer.from(pair.split('=')[1] ?? '', 'base64url');
    expect(idOf(first)).toHaveLength(32);
    expect(idOf(second)).not.toEqual(idOf(first));
    // Signing in again while holding a session replaces it (no fixation).
    const third = await signInAnswer('alice', 'correct horse battery', { Cookie: second });
    const { pair } = cookieAttributes(third.headers.get('set-cookie'));
    expect(pair).not.toBe(second);
    expect((await call(`${bff.url}${FIND}`, { headers: { Cookie: second } })).status).toBe(401);
    expect((await call(`${bff.url}${FIND}`, { headers: { Cookie: pair } })).status).toBe(200);
  });

  it('outside localhost the cookie is Secure and __Host- prefixed, with HSTS', async () => {
    const res = await rawRequest('/api/session', {
      method: 'POST',
      host: 'dashboard.example.com',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'dashboard' },
      body: JSON.stringify({ username: 'bob', password: 'bob-password-2' }),
    });
    expect(res.status).toBe(200);
    const { pair, attrs } = cookieAttributes(String(res.headers['set-cookie']));
    expect(pair).toMatch(/^__Host-dashboard-session=[A-Za-z0-9_-]{43}$/);
    expect(attrs).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/']),
    );
    expect(attrs.some((a) => a.toLowerCase().startsWith('domain'))).toBe(false);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    // The loopback cookie name means nothing there, and the other way round.
    const withSecure = await rawRequest(FIND, {
      method: 'GET',
      host: 'dashboard.example.com',
      headers: { Cookie: pair },
    });
    expect(withSecure.status).toBe(200);
    const wrongName = await rawRequest(FIND, {
      method: 'GET',
      host: 'dashboard.example.com',
      headers: { Cookie: pair.replace('__Host-', '') },
    });
    expect(wrongName.status).toBe(401);
  });

  it('refuses a malformed body (400), a missing X-Requested-With (403) and another site (403)', async () => {
    expect((await postJson(session(), { username: 'alice' })).status).toBe(400);
    expect((await postJson(session(), { username: 'a', password: 'x'.repeat(2000) })).status).toBe(
      400,
    );
    const noHeader = await fetch(session(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'correct horse battery' }),
    });
    expect(noHeader.status).toBe(403);
    expect(noHeader.headers.get('set-cookie')).toBeNull();
    const crossSite = await signInAnswer('alice', 'correct horse battery', {
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
  });
});

describe('session lifetime', () => {
  it('sign-out ends the session and clears the cookie', async () => {
    const cookie = await signIn(bff.url, 'alice', 'correct horse battery');
    const out = await call(session(), { method: 'DELETE', headers: { Cookie: cookie } });
    expect(out.status).toBe(204);
    const { pair, attrs } = cookieAttributes(out.headers.get('set-cookie'));
    expect(pair).toBe('dashboard-session=');
    expect(attrs).toContain('Max-Age=0');
    expect((await call(`${bff.url}${FIND}`, { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await call(session(), { headers: { Cookie: cookie } })).json).toEqual({
      user: null,
      autoSignIn: false,
    });
  });

  it('expires after 30 idle minutes; every request restarts the idle clock', async () => {
    const cookie = await signIn(bff.url, 'alice', 'correct horse battery');
    const use = () => call(`${bff.url}${FIND}`, { headers: { Cookie: cookie } });
    now += 29 * MINUTE;
    expect((await use()).status).toBe(200);
    now += 29 * MINUTE;
    expect((await use()).status).toBe(200);
    now += 30 * MINUTE;
    expect((await use()).status).toBe(401);
  });

  it('ends at the absolute cap (12 h) however active', async () => {
    const cookie = await signIn(bff.url, 'alice', 'correct horse battery');
    const use = () => call(`${bff.url}${FIND}`, { headers: { Cookie: cookie } });
    for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
      now += 20 * MINUTE;
      expect((await use()).status, `after ${elapsed} min`).toBe(200);
    }
    now += 20 * MINUTE;
    expect((await use()).status).toBe(401);
  });
});

describe('repeated wrong passwords', () => {
  it('lock the user name from this address for a time that doubles; even the right password waits', async () => {
    for (let i = 0; i < 3; i++)
      expect((await signInAnswer('alice', `guess ${i}`)).status).toBe(401);
    const locked = await signInAnswer('alice', 'correct horse battery');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(locked.json).toMatchObject({ code: 'RateLimited' });
    // Another user is not affected.
    expect((await signInAnswer('bob', 'bob-password-2')).status).toBe(200);

    now += 1_000;
    expect((await signInAnswer('alice', 'guess 3')).status).toBe(401);
    const longer = await signInAnswer('alice', 'correct horse battery');
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');
    now += 2_000;
    expect((await signInAnswer('alice', 'guess 4')).status).toBe(401);
    expect((await signInAnswer('alice', 'x')).headers.get('retry-after')).toBe('4');

    now += 4_000;
    // A success clears the record.
    expect((await signInAnswer('alice', 'correct horse battery')).status).toBe(200);
    expect((await signInAnswer('alice', 'guess again')).status).toBe(401);
  });

  it('unknown user names are throttled exactly like known ones', async () => {
    for (let i = 0; i < 3; i++) expect((await signInAnswer('mallory', `g${i}`)).status).toBe(401);
    const locked = await signInAnswer('mallory', 'g3');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
  });

  it('parallel guesses do not slip in: one at a time per user name and address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => signInAnswer('bob', `parallel ${i}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
  });
});

describe('logs', () => {
  it('never hold a password or a session id', async () => {
    const cookie = await signIn(bff.url, 'alice', 'correct horse battery');
    await signInAnswer('alice', 'a-wrong-password-9');
    await signInAnswer('correct horse battery', 'typed into the name field');
    await call(`${bff.url}${FIND}`, { headers: { Cookie: cookie } });
    const text = bff.logs.join('');
    expect(text).toContain('signed in');
    expect(text).toContain('sign-in failed');
    const id = cookie.split('=')[1] ?? '';
    for (const secret of ['correct horse battery', 'a-wrong-password-9', 'bob-password-2', id]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});

describe('dev auto sign-in (DEV_AUTO_SIGN_IN)', () => {
  let dev: RunningBff;
  beforeAll(async () => {
    dev = await startBff(testConfig(emulators, { auth: { users: [], devAutoSignIn: 'demo' } }));
  });
  afterAll(async () => {
    await dev?.close();
  });

  it('gives a browser without a session a demo session, and says so', async () => {
    const status = await call(`${dev.url}/api/session`);
    expect(status.json).toEqual({ user: { name: 'demo' }, autoSignIn: true });
    const { pair, attrs } = cookieAttributes(status.headers.get('set-cookie'));
    expect(pair).toMatch(/^dashboard-session=/);
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict']));
    const list = await call(`${dev.url}${FIND}`);
    expect(list.status).toBe(200);
    // A held session is kept (no new cookie each time).
    const again = await call(`${dev.url}${FIND}`, { headers: { Cookie: pair } });
    expect(again.headers.get('set-cookie')).toBeNull();
  });
});
