// IdempotencyStore: one run per key and user, replays, conflicts, certain failures forgotten,
// unknown outcomes recovered before anything is sent again, bounded.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../errors';
import {
  IdempotencyStore,
  fingerprintParams,
  isValidIdempotencyKey,
  type AttemptOutcome,
  type IdempotentAttempt,
} from '../hasoffers/idempotency-store';
import type { Storage } from '../storage/db';
import { memoryTestStorage } from '../storage/test-engines';

// Each store gets a database of its own (a schema on the file's embedded engine).
const opened: Storage[] = [];
async function repository() {
  const storage = await memoryTestStorage();
  opened.push(storage);
  return storage.idempotency;
}
beforeAll(async () => {
  // The file's first PGlite compiles its WebAssembly: seconds on a loaded machine, not a test's 5.
  await repository();
}, 60_000);
afterAll(async () => {
  for (const s of opened) await s.close();
});

/** An attempt whose sends return the queued results (or throw the queued errors), counted. */
function attempt(
  results: (string | Error)[],
  options: { recover?: () => Promise<string | undefined> } = {},
) {
  const calls = { send: 0, recover: 0 };
  const a: IdempotentAttempt<string> = {
    send: async () => {
      const next = results[calls.send++];
      if (next instanceof Error) throw next;
      return next ?? 'none';
    },
    // "created …" is done, "refused …" certainly not, anything else unknown.
    classify: (r): AttemptOutcome =>
      r.startsWith('created') ? 'done' : r.startsWith('refused') ? 'not-done' : 'unknown',
    classifyError: (e) => (e instanceof Error && e.message === 'not sent' ? 'not-done' : 'unknown'),
    recover: async () => {
      calls.recover++;
      return options.recover ? options.recover() : undefined;
    },
  };
  return { a, calls };
}

const make = async () =>
  new IdempotencyStore<string>(await repository(), { ttlMs: 1000, maxEntries: 10 });

describe('IdempotencyStore', () => {
  it('runs once per key and replays the stored result', async () => {
    const store = await make();
    const { a, calls } = attempt(['created 1', 'created 2']);
    expect(await store.run('u', 'k', 'fp', a)).toEqual({ result: 'created 1', replayed: false });
    expect(await store.run('u', 'k', 'fp', a)).toEqual({ result: 'created 1', replayed: true });
    expect(calls.send).toBe(1);
  });

  it('scopes keys per user: the same key from another user is another request', async () => {
    const store = await make();
    const { a, calls } = attempt(['created for alice', 'created for bob']);
    expect((await store.run('alice', 'k', 'fp', a)).result).toBe('created for alice');
    expect(await store.run('bob', 'k', 'fp', a)).toEqual({
      result: 'created for bob',
      replayed: false,
    });
    expect(calls.send).toBe(2);
  });

  it('a concurrent duplicate waits for the first and shares its result', async () => {
    const store = await make();
    let release: (v: string) => void = () => undefined;
    let sends = 0;
    const a: IdempotentAttempt<string> = {
      ...attempt([]).a,
      send: () => {
        sends++;
        return new Promise<string>((resolve) => {
          release = resolve;
        });
      },
    };
    const first = store.run('u', 'k', 'fp', a);
    const second = store.run('u', 'k', 'fp', a);
    // The record is written before anything is sent: release once the send is under way.
    await vi.waitFor(() => expect(sends).toBe(1));
    release('created');
    expect(await first).toEqual({ result: 'created', replayed: false });
    expect(await second).toEqual({ result: 'created', replayed: true });
    expect(sends).toBe(1);
  });

  it('two stores on one database (two BFF processes): the second waits for the first, then replays', async () => {
    const shared = await repository();
    const options = { ttlMs: 60_000, maxEntries: 10, pollMs: 20 };
    const one = new IdempotencyStore<string>(shared, options);
    const other = new IdempotencyStore<string>(shared, options);
    let release: (v: string) => void = () => undefined;
    let sends = 0;
    const a: IdempotentAttempt<string> = {
      ...attempt([]).a,
      send: () => {
        sends++;
        return new Promise<string>((resolve) => {
          release = resolve;
        });
      },
    };
    const first = one.run('u', 'k', 'fp', a);
    await vi.waitFor(() => expect(sends).toBe(1));
    const second = other.run('u', 'k', 'fp', a);
    await new Promise((r) => setTimeout(r, 100));
    release('created');
    expect(await first).toEqual({ result: 'created', replayed: false });
    expect(await second).toEqual({ result: 'created', replayed: true });
    expect(sends).toBe(1);
  });

  it('a first run whose process died (lease over) counts as unknown: the next run looks before sending', async () => {
    const shared = await repository();
    let now = 1_000;
    const options = { ttlMs: 60_000, maxEntries: 10, pendingLeaseMs: 5_000, now: () => now };
    const dead = new IdempotencyStore<string>(shared, options);
    // Sent, and never answered: the process is gone before it could record anything.
    void dead.run('u', 'k', 'fp', { ...attempt([]).a, send: () => new Promise<string>(() => {}) });
    await new Promise((r) => setTimeout(r, 50));
    now += 5_000;
    const { a, calls } = attempt(['created again'], { recover: async () => 'created 1 (found)' });
    const next = new IdempotencyStore<string>(shared, options);
    expect(await next.run('u', 'k', 'fp', a)).toEqual({
      result: 'created 1 (found)',
      replayed: true,
    });
    expect(calls).toEqual({ send: 0, recover: 1 });
  });

  it('the same key with another body is a 422', async () => {
    const store = await make();
    await store.run('u', 'k', 'fp-1', attempt(['created']).a);
    const err = await store.run('u', 'k', 'fp-2', attempt(['created']).a).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).statusCode).toBe(422);
    expect((err as HttpError).code).toBe('IdempotencyKeyReused');
  });

  it('forgets certain failures (refused, not sent): the retry sends again, no lookup', async () => {
    const store = await make();
    const { a, calls } = attempt([new Error('not sent'), 'refused: name taken', 'created']);
    await expect(store.run('u', 'k', 'fp', a)).rejects.toThrow('not sent');
    expect((await store.run('u', 'k', 'fp', a)).result).toBe('refused: name taken');
    expect((await store.run('u', 'k', 'fp', a)).result).toBe('created');
    expect(calls).toEqual({ send: 3, recover: 0 });
  });

  it('after an unknown outcome, a retry looks first and answers with what it found', async () => {
    const store = await make();
    const { a, calls } = attempt([new Error('socket reset')], {
      recover: async () => 'created 21 (found)',
    });
    await expect(store.run('u', 'k', 'fp', a)).rejects.toThrow('socket reset');
    expect(await store.run('u', 'k', 'fp', a)).toEqual({
      result: 'created 21 (found)',
      replayed: true,
    });
    // Remembered as done: the next retry neither looks nor sends.
    expect((await store.run('u', 'k', 'fp', a)).result).toBe('created 21 (found)');
    expect(calls).toEqual({ send: 1, recover: 1 });
  });

  it('after an unknown outcome with nothing found, the retry sends once', async () => {
    const store = await make();
    const { a, calls } = attempt(['<html>500</html>', 'created 22']);
    expect((await store.run('u', 'k', 'fp', a)).result).toBe('<html>500</html>');
    expect(await store.run('u', 'k', 'fp', a)).toEqual({ result: 'created 22', replayed: false });
    expect(calls).toEqual({ send: 2, recover: 1 });
  });

  it('a lookup that fails keeps the outcome unknown: the next retry looks again', async () => {
    const store = await make();
    let lookups = 0;
    const { a, calls } = attempt([new Error('timeout')], {
      recover: async () => {
        lookups++;
        if (lookups === 1) throw new Error('lookup failed');
        return 'created 23 (found)';
      },
    });
    await expect(store.run('u', 'k', 'fp', a)).rejects.toThrow('timeout');
    await expect(store.run('u', 'k', 'fp', a)).rejects.toThrow('lookup failed');
    expect((await store.run('u', 'k', 'fp', a)).result).toBe('created 23 (found)');
    expect(calls).toEqual({ send: 1, recover: 2 });
  });

  it('expires entries and keeps at most maxEntries', async () => {
    let now = 0;
    const store = new IdempotencyStore<string>(await repository(), {
      ttlMs: 100,
      maxEntries: 2,
      now: () => now,
    });
    for (const k of ['a', 'b', 'c']) await store.run('u', k, 'fp', attempt([`created ${k}1`]).a);
    expect(await store.count()).toBe(2);
    expect((await store.run('u', 'a', 'fp', attempt(['created a2']).a)).result).toBe('created a2');
    now = 1000;
    expect((await store.run('u', 'c', 'fp', attempt(['created c2']).a)).result).toBe('created c2');
  });
});

describe('fingerprintParams / isValidIdempotencyKey', () => {
  it('ignores parameter order but not values', () => {
    const a = fingerprintParams(new URLSearchParams('name=x&description=y'));
    expect(fingerprintParams(new URLSearchParams('description=y&name=x'))).toBe(a);
    expect(fingerprintParams(new URLSearchParams('description=y&name=z'))).not.toBe(a);
  });

  it('accepts 1-255 visible ASCII characters', () => {
    expect(isValidIdempotencyKey('9b2f-4c1e')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('a b')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(256))).toBe(false);
  });
});
