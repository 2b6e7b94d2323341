// The storage module on every engine it supports: embedded PGlite always, PostgreSQL whenever one
// is given (TEST_DATABASE_URL, or the local `test` database). Prints which engines ran.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StorageOpenError, openStorage, type Storage } from '../db';
import {
  describeTestPostgres,
  memoryTestStorage,
  postgresTestStorage,
  testPostgresUrl,
} from '../test-engines';
import { StorageUnavailableError } from '../unavailable';

interface Engine {
  name: string;
  /** A fresh, empty storage, and a second handle on the same data (another "process"). */
  pair(): Promise<[Storage, Storage]>;
}

const postgresUrl = await testPostgresUrl();
const opened: Storage[] = [];
const track = <T extends Storage>(s: T): T => {
  opened.push(s);
  return s;
};

const engines: Engine[] = [
  {
    name: 'embedded PGlite',
    // One PGlite serves one process: the second handle is the same storage.
    pair: async () => {
      const s = track(await memoryTestStorage());
      return [s, s];
    },
  },
];
if (postgresUrl !== undefined) {
  engines.push({
    name: describeTestPostgres(postgresUrl),
    pair: async () => {
      const a = track(await postgresTestStorage(postgresUrl));
      // Its own pool on the same schema: what a second BFF process has.
      const b = track(await postgresTestStorage(postgresUrl, { schema: a.schema }));
      return [a, b];
    },
  });
}

const failed = new Set<string>();
beforeAll(async () => {
  // The first PGlite of a process compiles its WebAssembly: seconds on a busy machine.
  opened.push(await memoryTestStorage());
}, 60_000);
beforeEach((ctx) => {
  ctx.onTestFailed(() => {
    const suite = ctx.task.suite?.name ?? '';
    for (const e of engines) if (suite.includes(e.name)) failed.add(e.name);
  });
});
afterAll(async () => {
  // Joiners first: the first handle of a pair drops the schema.
  for (const s of opened.reverse()) await s.close();
  const ran = engines.map((e) => `${e.name} ${failed.has(e.name) ? '✗' : '✓'}`);
  if (postgresUrl === undefined) {
    ran.push('PostgreSQL: not available, skipped (set TEST_DATABASE_URL)');
  }
  console.log(`storage tests: ${ran.join(', ')}`);
});

const LIMITS = { idleMs: 1_000, absoluteMs: 10_000, maxSessions: 3 };

describe.each(engines)('$name', (engine) => {
  it('sessions: a touch restarts the idle clock; idle and absolute expiry; the oldest go past the cap', async () => {
    const [a, b] = await engine.pair();
    const row = (t: number) => ({ user: 'ops', createdAt: t, lastSeenAt: t, auto: false });
    await a.sessions.create('s1', row(0), LIMITS);
    // Seen by the other handle: a session made on one BFF works on the other.
    expect(await b.sessions.touch('s1', 900, LIMITS)).toMatchObject({
      user: 'ops',
      lastSeenAt: 900,
    });
    expect(await a.sessions.touch('s1', 1_800, LIMITS)).toMatchObject({ lastSeenAt: 1_800 });
    expect(await a.sessions.touch('s1', 2_800, LIMITS)).toBeUndefined();
    expect(await a.sessions.count()).toBe(0);
    for (const id of ['x1', 'x2', 'x3', 'x4']) await a.sessions.create(id, row(5_000), LIMITS);
    expect(await a.sessions.count()).toBe(3);
    expect(await a.sessions.touch('x1', 5_001, LIMITS)).toBeUndefined();
    expect(await a.sessions.touch('x4', 5_001, LIMITS)).toBeDefined();
    let t = 5_001;
    for (; t < 15_500; t += 900) await a.sessions.touch('x4', t, LIMITS);
    expect(await a.sessions.touch('x4', t, LIMITS)).toBeUndefined();
  });

  it('call budget: 120 concurrent takes from two handles get exactly the limit; a released slot frees one window after it ended', async () => {
    const [a, b] = await engine.pair();
    const request = { now: 1_000, limit: 10, windowMs: 10_000, leaseMs: 5_000 };
    const grants = await Promise.all(
      Array.from({ length: 120 }, (_, i) => (i % 2 ? a : b).callBudget.take('hasoffers', request)),
    );
    const ids = grants.flatMap((g) => (g.granted ? [g.id] : []));
    expect(ids).toHaveLength(10);
    const refused = grants.find((g) => !g.granted);
    // Nothing can free before one window from now (the running calls' earliest end + window).
    expect(refused).toEqual({ granted: false, frees: [], inFlight: 10, until: 11_000 });
    await a.callBudget.release(ids[0] ?? -1, 3_000, 10_000);
    expect(await b.callBudget.take('hasoffers', { ...request, now: 12_999 })).toMatchObject({
      granted: false,
      frees: [13_000],
      inFlight: 9,
    });
    expect(await b.callBudget.take('hasoffers', { ...request, now: 13_000 })).toMatchObject({
      granted: true,
    });
    // Never released (its process died): the lease ends it, one window later.
    expect(await b.callBudget.take('hasoffers', { ...request, now: 15_999 })).toMatchObject({
      granted: false,
    });
    expect(await b.callBudget.take('hasoffers', { ...request, now: 16_000 })).toMatchObject({
      granted: true,
    });
  });

  it('idempotency: of concurrent claims on one key from two handles exactly one wins; a settled one replays', async () => {
    const [a, b] = await engine.pair();
    const claim = (s: Storage, i: number) =>
      s.idempotency.claim({
        scope: 'ops',
        key: 'k1',
        fingerprint: 'fp',
        claim: `c${i}`,
        now: 1_000,
        ttlMs: 60_000,
        leaseMs: 5_000,
      });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claim(i % 2 ? a : b, i)),
    );
    expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'pending')).toHaveLength(19);
    const winner = outcomes.findIndex((o) => o.kind === 'claimed');
    // Only the holder's claim settles it.
    await b.idempotency.settle('ops', 'k1', 'someone-else', { state: 'done', result: '"no"' });
    await a.idempotency.settle('ops', 'k1', `c${winner}`, { state: 'done', result: '"yes"' });
    expect(await claim(b, 99)).toEqual({ kind: 'done', result: '"yes"' });
    expect(
      await b.idempotency.claim({
        scope: 'ops',
        key: 'k1',
        fingerprint: 'other',
        claim: 'c100',
        now: 1_000,
        ttlMs: 60_000,
        leaseMs: 5_000,
      }),
    ).toEqual({ kind: 'conflict' });
  });

  it('sign-in throttle: concurrent updates of one address are serialised (no lost update)', async () => {
    const [a, b] = await engine.pair();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? a : b).signInThrottle.update('ops', '10.0.0.1', 1_000, (key) => ({
          key: {
            failures: (key?.failures ?? 0) + 1,
            lastFailureAt: 1_000,
            lockedUntil: 0,
            inFlightUntil: 0,
          },
          result: undefined,
        })),
      ),
    );
    const failures = await a.signInThrottle.update('ops', '10.0.0.1', 1_000, (key) => ({
      result: key?.failures,
    }));
    expect(failures).toBe(30);
  });
});

describe('opening and failing', () => {
  it('the embedded engine keeps its data in DATA_DIR across a close and a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storage-'));
    try {
      const first = await openStorage({ engine: 'embedded', dataDir: join(dir, 'data') });
      await first.sessions.create(
        'kept',
        { user: 'ops', createdAt: 1, lastSeenAt: 1, auto: false },
        LIMITS,
      );
      await first.close();
      // Migrations already applied: opening again applies nothing and loses nothing.
      const again = await openStorage({ engine: 'embedded', dataDir: join(dir, 'data') });
      expect(await again.sessions.touch('kept', 2, LIMITS)).toMatchObject({ user: 'ops' });
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('one process per data folder: a second opening is refused while the first is open; a lock left by a dead process is taken over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storage-'));
    const dataDir = join(dir, 'data');
    try {
      const first = await openStorage({ engine: 'embedded', dataDir });
      const second = await openStorage({ engine: 'embedded', dataDir }).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(StorageOpenError);
      expect((second as Error).message).toMatch(/\(DATA_DIR\).*in use by another server process/);
      await first.close();
      // A process that is gone (a pid no process has) left its lock behind.
      await writeFile(join(dataDir, 'server.lock'), '2147483646');
      const third = await openStorage({ engine: 'embedded', dataDir });
      await third.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a DATA_DIR that cannot be a folder fails the opening with a message naming DATA_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storage-'));
    try {
      await writeFile(join(dir, 'file'), 'not a folder');
      const error = await openStorage({ engine: 'embedded', dataDir: join(dir, 'file') }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StorageOpenError);
      expect((error as Error).message).toContain('(DATA_DIR)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an unreachable PostgreSQL fails the opening with a message naming DATABASE_URL, without the password', async () => {
    const error = await openStorage({
      engine: 'postgres',
      url: 'postgres://ops:s3cret-pw@127.0.0.1:1/nowhere',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageOpenError);
    expect((error as Error).message).toContain('(DATABASE_URL)');
    expect((error as Error).message).toContain('PostgreSQL 127.0.0.1:1/nowhere');
    expect((error as Error).message).not.toContain('s3cret-pw');
  });

  it('a database lost mid-run: every repository call throws StorageUnavailableError', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storage-'));
    const storage = await openStorage({ engine: 'embedded', dataDir: join(dir, 'data') });
    await storage.close();
    await expect(storage.sessions.touch('x', 1, LIMITS)).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await expect(
      storage.callBudget.take('hasoffers', { now: 1, limit: 1, windowMs: 1, leaseMs: 1 }),
    ).rejects.toMatchObject({ statusCode: 503, code: 'StorageUnavailable' });
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});
