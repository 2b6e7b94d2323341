// IdempotencyStore: one run per key, replays, conflicts, failures forgotten, bounded.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors';
import {
  IdempotencyStore,
  fingerprintParams,
  isValidIdempotencyKey,
} from '../hasoffers/idempotency-store';

const keepAll = () => true;

describe('IdempotencyStore', () => {
  it('runs once per key and replays the stored result', async () => {
    const store = new IdempotencyStore<string>({ ttlMs: 1000, maxEntries: 10 });
    let runs = 0;
    const fn = async () => `created ${++runs}`;
    expect(await store.run('k', 'fp', fn, keepAll)).toEqual({
      result: 'created 1',
      replayed: false,
    });
    expect(await store.run('k', 'fp', fn, keepAll)).toEqual({
      result: 'created 1',
      replayed: true,
    });
    expect(runs).toBe(1);
  });

  it('a concurrent duplicate waits for the first and shares its result', async () => {
    const store = new IdempotencyStore<string>({ ttlMs: 1000, maxEntries: 10 });
    let release: (v: string) => void = () => undefined;
    let runs = 0;
    const fn = () => {
      runs++;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    const first = store.run('k', 'fp', fn, keepAll);
    const second = store.run('k', 'fp', fn, keepAll);
    release('the group');
    expect(await first).toEqual({ result: 'the group', replayed: false });
    expect(await second).toEqual({ result: 'the group', replayed: true });
    expect(runs).toBe(1);
  });

  it('the same key with another body is a 422', async () => {
    const store = new IdempotencyStore<string>({ ttlMs: 1000, maxEntries: 10 });
    await store.run('k', 'fp-1', async () => 'x', keepAll);
    const err = await store.run('k', 'fp-2', async () => 'y', keepAll).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).statusCode).toBe(422);
    expect((err as HttpError).code).toBe('IdempotencyKeyReused');
  });

  it('forgets failures (thrown or not kept) so the client may retry with the same key', async () => {
    const store = new IdempotencyStore<string>({ ttlMs: 1000, maxEntries: 10 });
    await expect(
      store.run('k', 'fp', () => Promise.reject(new Error('down')), keepAll),
    ).rejects.toThrow('down');
    expect(
      await store.run(
        'k',
        'fp',
        async () => 'refused',
        () => false,
      ),
    ).toEqual({
      result: 'refused',
      replayed: false,
    });
    expect(await store.run('k', 'fp', async () => 'created', keepAll)).toEqual({
      result: 'created',
      replayed: false,
    });
  });

  it('expires entries and keeps at most maxEntries', async () => {
    let now = 0;
    const store = new IdempotencyStore<string>({ ttlMs: 100, maxEntries: 2, now: () => now });
    await store.run('a', 'fp', async () => 'a1', keepAll);
    await store.run('b', 'fp', async () => 'b1', keepAll);
    await store.run('c', 'fp', async () => 'c1', keepAll);
    expect(store.size).toBe(2);
    expect((await store.run('a', 'fp', async () => 'a2', keepAll)).result).toBe('a2');
    now = 1000;
    expect((await store.run('c', 'fp', async () => 'c2', keepAll)).result).toBe('c2');
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
