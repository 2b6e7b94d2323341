// The session gate's short in-process memory (SessionStore's cacheMs): it saves the database
// round trip on a burst of requests, and must not stretch any limit a session has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionStore } from '../auth/session-store';
import { openStorage, type Storage } from '../storage/db';
import type { SessionRepository } from '../storage/sessions';

let storage: Storage;
beforeAll(async () => {
  storage = await openStorage({ engine: 'memory' });
});
afterAll(async () => {
  await storage.close();
});

/** The database's repository, counting the round trips the store makes. */
function counted(repository: SessionRepository) {
  const calls = { touch: 0, delete: 0 };
  const spy = Object.create(repository) as SessionRepository;
  spy.touch = (...args) => {
    calls.touch++;
    return repository.touch(...args);
  };
  spy.delete = (...args) => {
    calls.delete++;
    return repository.delete(...args);
  };
  return { spy, calls };
}

function store(repository: SessionRepository, clock: { t: number }, cacheMs = 5_000) {
  return new SessionStore(repository, {
    idleMs: 60_000,
    absoluteMs: 600_000,
    cacheMs,
    now: () => clock.t,
  });
}

describe('SessionStore cache', () => {
  it('answers a burst from memory: one database touch per cacheMs', async () => {
    const clock = { t: 1_000_000 };
    const { spy, calls } = counted(storage.sessions);
    const sessions = store(spy, clock);
    const { id } = await sessions.create('ops');
    for (let i = 0; i < 100; i++) {
      clock.t += 40; // 100 requests over 4 s
      expect(await sessions.touch(id)).toMatchObject({ user: 'ops', lastSeenAt: clock.t });
    }
    expect(calls.touch).toBe(0);
    clock.t += 1_001; // past 5 s since the sign-in: asked again, and the idle clock moves on
    expect(await sessions.touch(id)).toMatchObject({ user: 'ops' });
    expect(calls.touch).toBe(1);
  });

  it('a sign-out through this process ends the session here at once', async () => {
    const clock = { t: 2_000_000 };
    const sessions = store(storage.sessions, clock);
    const { id } = await sessions.create('ops');
    expect(await sessions.touch(id)).toBeDefined();
    await sessions.delete(id);
    expect(await sessions.touch(id)).toBeUndefined();
  });

  it('a sign-out through another process ends it here within cacheMs', async () => {
    const clock = { t: 3_000_000 };
    const here = store(storage.sessions, clock);
    const there = store(storage.sessions, clock);
    const { id } = await here.create('ops');
    expect(await there.touch(id)).toBeDefined();
    await here.delete(id);
    clock.t += 4_999;
    // The documented cost of the cache (SESSION_DEFAULTS.cacheMs).
    expect(await there.touch(id)).toBeDefined();
    clock.t += 5_000;
    expect(await there.touch(id)).toBeUndefined();
  });

  it('never stretches the idle or the absolute limit', async () => {
    const clock = { t: 4_000_000 };
    // A cache longer than the idle limit, so that only the store's own check can refuse.
    const sessions = new SessionStore(storage.sessions, {
      idleMs: 1_000,
      absoluteMs: 10_000,
      cacheMs: 60_000,
      now: () => clock.t,
    });
    const idle = await sessions.create('ops');
    clock.t += 1_000;
    expect(await sessions.touch(idle.id)).toBeUndefined();

    const busy = await sessions.create('ops');
    for (let i = 0; i < 9; i++) {
      clock.t += 999;
      expect(await sessions.touch(busy.id)).toBeDefined();
    }
    clock.t += 1_000; // 9,991 + 1,000 ms after the sign-in: past the absolute limit
    expect(await sessions.touch(busy.id)).toBeUndefined();
  });

  it('cacheMs 0 asks the database every time', async () => {
    const clock = { t: 5_000_000 };
    const { spy, calls } = counted(storage.sessions);
    const sessions = store(spy, clock, 0);
    const { id } = await sessions.create('ops');
    for (let i = 0; i < 5; i++) await sessions.touch(id);
    expect(calls.touch).toBe(5);
  });
});
