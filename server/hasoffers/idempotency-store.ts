// Remembers each create's result per Idempotency-Key, so a repeated create does not create twice.
import { createHash } from 'node:crypto';
import { HttpError } from '../errors';

/**
 * Semantics (after the IETF httpapi "Idempotency-Key" draft, simplified):
 * - same key, same body, first call finished with a stored result → that result again;
 * - same key, same body, first call still running → waits for it and shares its result;
 * - same key, different body → 422 IdempotencyKeyReused;
 * - a first call that did not produce a storable result (a failure: refused, timed out,
 *   unreachable, rate limited) is forgotten, so the client may retry with the same key.
 *   A timeout is ambiguous (the upstream may have created the group anyway): the client's
 *   retry then relies on HasOffers' unique-name check.
 * Keys are global for now; once the dashboard has its own sign-in they must be scoped per user.
 * In memory: one BFF process, entries lost on restart, bounded by count and age.
 */
export const IDEMPOTENCY_DEFAULTS = { ttlMs: 24 * 60 * 60 * 1000, maxEntries: 1000 };

export interface IdempotencyOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

interface Entry<T> {
  fingerprint: string;
  promise: Promise<T>;
  expiresAt: number;
}

/** A header value we accept as a key: 1-255 visible ASCII characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}

/** Order-insensitive digest of form parameters (the body a key is bound to). */
export function fingerprintParams(params: URLSearchParams): string {
  const entries = [...params].sort(([a, av], [b, bv]) =>
    a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1,
  );
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

export class IdempotencyStore<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly options: Required<IdempotencyOptions>;

  constructor(options: IdempotencyOptions) {
    this.options = { now: Date.now, ...options };
  }

  /**
   * Runs `fn` once per key. `keep(result)` says whether the result is final (stored) or a
   * failure to forget; thrown errors are always forgotten.
   */
  async run(
    key: string,
    fingerprint: string,
    fn: () => Promise<T>,
    keep: (result: T) => boolean,
  ): Promise<{ result: T; replayed: boolean }> {
    this.evictExpired();
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new HttpError(
          422,
          'IdempotencyKeyReused',
          'This Idempotency-Key was already used with a different request.',
        );
      }
      return { result: await existing.promise, replayed: true };
    }
    const promise = fn().then((result) => {
      if (!keep(result)) this.forget(key, promise);
      return result;
    });
    promise.catch(() => this.forget(key, promise));
    this.entries.set(key, {
      fingerprint,
      promise,
      expiresAt: this.options.now() + this.options.ttlMs,
    });
    this.evictOverflow();
    return { result: await promise, replayed: false };
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(key: string, promise: Promise<T>): void {
    if (this.entries.get(key)?.promise === promise) this.entries.delete(key);
  }

  private evictExpired(): void {
    const now = this.options.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }

  /** Oldest first (Map keeps insertion order). */
  private evictOverflow(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
