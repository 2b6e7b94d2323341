// Remembers each create per (user, Idempotency-Key), so a repeated create does not create twice,
// not even after a failure that left it unknown whether the first one went through.
import { createHash } from 'node:crypto';
import { HttpError } from '../errors';

/**
 * Semantics (after the IETF httpapi "Idempotency-Key" draft):
 * - same key, same body, first call finished → its result again (a replay);
 * - same key, same body, first call still running → waits for it and shares its result;
 * - same key, different body → 422 IdempotencyKeyReused;
 * - a first call that certainly did nothing (refused by the upstream or by our rate limiter)
 *   is forgotten: the client may retry with the same key;
 * - a first call whose outcome is unknown (connection lost after sending, timeout, a 5xx) is
 *   remembered as such. A retry with that key first asks `recover` what happened (for a
 *   cashflow group: is there one with this name?), and only if nothing happened sends the
 *   create again, once.
 * Keys are scoped by the caller (per signed-in user). In memory: one BFF process, entries lost
 * on restart, bounded by count and age.
 */
export const IDEMPOTENCY_DEFAULTS = { ttlMs: 24 * 60 * 60 * 1000, maxEntries: 10_000 };

export interface IdempotencyOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/** What an attempt's result (or error) says about whether the work was done. */
export type AttemptOutcome = 'done' | 'not-done' | 'unknown';

export interface IdempotentAttempt<T> {
  /** Sends the request (once per call of this function). */
  send: () => Promise<T>;
  classify: (result: T) => AttemptOutcome;
  classifyError: (error: unknown) => Exclude<AttemptOutcome, 'done'>;
  /**
   * After an unknown outcome: finds the first attempt's result if the work was done, undefined
   * if it certainly was not. Throws when it cannot tell (the outcome stays unknown).
   */
  recover: () => Promise<T | undefined>;
}

export interface IdempotentResult<T> {
  result: T;
  /** Answered from memory (a replay, or recovered after an unknown outcome), not sent now. */
  replayed: boolean;
}

type Entry<T> =
  | { state: 'pending'; fingerprint: string; expiresAt: number; promise: Promise<Settled<T>> }
  | { state: 'done'; fingerprint: string; expiresAt: number; result: T }
  | { state: 'unknown'; fingerprint: string; expiresAt: number };

interface Settled<T> {
  result: T;
  recovered: boolean;
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

  async run(
    scope: string,
    key: string,
    fingerprint: string,
    attempt: IdempotentAttempt<T>,
  ): Promise<IdempotentResult<T>> {
    this.evictExpired();
    const id = `${scope}\u0000${key}`;
    const existing = this.entries.get(id);
    if (existing && existing.fingerprint !== fingerprint) {
      throw new HttpError(
        422,
        'IdempotencyKeyReused',
        'This Idempotency-Key was already used with a different request.',
      );
    }
    if (existing?.state === 'done') return { result: existing.result, replayed: true };
    if (existing?.state === 'pending') {
      return { result: (await existing.promise).result, replayed: true };
    }

    const afterUnknown = existing?.state === 'unknown';
    const expiresAt = existing?.expiresAt ?? this.options.now() + this.options.ttlMs;
    let phase: 'recover' | 'send' = afterUnknown ? 'recover' : 'send';
    const promise = (async (): Promise<Settled<T>> => {
      if (afterUnknown) {
        const found = await attempt.recover();
        if (found !== undefined) return { result: found, recovered: true };
      }
      phase = 'send';
      return { result: await attempt.send(), recovered: false };
    })();
    this.entries.set(id, { state: 'pending', fingerprint, expiresAt, promise });
    this.evictOverflow();

    const settle = (outcome: AttemptOutcome, result?: T): void => {
      // Only our own entry: eviction may have dropped it meanwhile.
      const current = this.entries.get(id);
      if (current?.state !== 'pending' || current.promise !== promise) return;
      if (outcome === 'done' && result !== undefined) {
        this.entries.set(id, { state: 'done', fingerprint, expiresAt, result });
      } else if (outcome === 'unknown') {
        this.entries.set(id, { state: 'unknown', fingerprint, expiresAt });
      } else {
        this.entries.delete(id);
      }
    };
    try {
      const settled = await promise;
      settle(settled.recovered ? 'done' : attempt.classify(settled.result), settled.result);
      return { result: settled.result, replayed: settled.recovered };
    } catch (e) {
      // A failed lookup leaves us as unsure as before.
      settle(phase === 'recover' ? 'unknown' : attempt.classifyError(e));
      throw e;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private evictExpired(): void {
    const now = this.options.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now && entry.state !== 'pending') this.entries.delete(id);
    }
  }

  /** Oldest first (Map keeps insertion order). */
  private evictOverflow(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries) break;
      if (entry.state !== 'pending') this.entries.delete(id);
    }
  }
}
