// Sign-in under a flood: a per-address cap (attempts in flight, failures across user names) and a
// global cap on password hashes. Outcomes only: the time a sign-in takes under a flood is
// measured by `npm run bench` (bench/sign-in-flood.ts), never asserted here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashQueue, HashQueueFullError } from '../auth/hash-queue';
import { postJson, startBff, testConfig, testUser, type RunningBff } from './harness';

// Nothing listens there: these tests never reach an upstream.
const nowhere = { exnessUrl: 'http://127.0.0.1:9', hasOffersUrl: 'http://127.0.0.1:9' };
let bff: RunningBff;
// Documentation addresses (RFC 5737), as X-Forwarded-For values only: no traffic goes there.
const ATTACKER = '198.51.100.7';
const SPRAYER = '198.51.100.8';
const FRIEND = '203.0.113.9';

const signInFrom = (ip: string, username: string, password: string) =>
  postJson(`${bff.url}/api/session`, { username, password }, { 'X-Forwarded-For': ip });

beforeAll(async () => {
  const alice = await testUser('alice', 'correct horse battery');
  bff = await startBff({
    ...testConfig(nowhere, { auth: { users: [alice], devAutoSignIn: undefined } }),
    trustProxy: ['127.0.0.1'],
  });
});

afterAll(async () => {
  await bff?.close();
});

describe('sign-in under a flood', () => {
  it('60 concurrent wrong sign-ins from one address: most refused at once, a friend still gets in', async () => {
    const flood = Array.from({ length: 60 }, (_, i) => signInFrom(ATTACKER, `user${i}`, 'guess'));
    const friend = signInFrom(FRIEND, 'alice', 'correct horse battery');
    const answers = await Promise.all(flood);
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // At most two of the address's attempts are checked at a time: the rest never reach the hasher.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    expect((await friend).status).toBe(200);
  });

  it('one address spraying many user names is locked out after 20 failures, whatever the names', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await signInFrom(SPRAYER, `name${i}`, 'Summer2026!')).status).toBe(401);
    }
    const locked = await signInFrom(SPRAYER, 'alice', 'correct horse battery');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    // Another address is not affected.
    expect((await signInFrom(FRIEND, 'alice', 'correct horse battery')).status).toBe(200);
  });
});

describe('HashQueue', () => {
  it('runs at most `concurrency` hashes at once and refuses past `maxWaiting`', async () => {
    const queue = new HashQueue({ concurrency: 1, maxWaiting: 1 });
    let release!: () => void;
    const first = queue.run(() => new Promise<string>((r) => (release = () => r('first'))));
    const second = queue.run(async () => 'second');
    await Promise.resolve();
    expect(queue.running).toBe(1);
    expect(queue.waiting).toBe(1);
    await expect(queue.run(async () => 'third')).rejects.toBeInstanceOf(HashQueueFullError);
    release();
    expect(await first).toBe('first');
    expect(await second).toBe('second');
  });
});
