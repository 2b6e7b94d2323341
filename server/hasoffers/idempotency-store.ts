// Remembers each create per (user, Idempotency-Key), so a repeated create does not create twice,
// not even after a failure that left it unknown whether the first one went through, nor after a
// restart, nor when the retry reaches another BFF process: the records live in the database.
import { createHash, randomUUID } from 'node:crypto';
import { HttpError } from '../errors';
import type { IdempotencyRepository } from '../storage/idempotency';

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
 * - a first call whose process died before recording its outcome (a restart mid-call) counts as
 *   unknown once its lease is over; until then a retry elsewhere waits for it.
 * Keys are scoped by the caller (per signed-in user). Records are bounded by count and age.
 */
export const IDEMPOTENCY_DEFAULTS = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxEntries: 10_000,
  /** How long a running first call is waited for before it is taken for dead (unknown). */
  pendingLeaseMs: 60_000,
  /** How often a retry checks on a first call running in another process. */
  pollMs: 200,
};

export interface IdempotencyOptions {
  ttlMs: number;
  maxEntries: number;
  pendingLeaseMs?: number;
  pollMs?: number;
  now?: () => number;
}

/** How a result is written to the database and read back. */
export interface ResultCodec<T> {
  encode: (result: T) => string;
  decode: (text: string) => T;
}

/** For results that are plain JSON values. */
export function jsonCodec<T>(): ResultCodec<T> {
  return { encode: (result) => JSON.stringify(result), decode: (text) => JSON.parse(text) as T };
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

const keyReused = () =>
  new HttpError(
    422,
    'IdempotencyKeyReused',
    'This Idempotency-Key was already used with a different request.',
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class IdempotencyStore<T> {
  /** Runs of this process, so a duplicate here shares the first one's answer at once. */
  private readonly running = new Map<
    string,
    { fingerprint: string; promise: Promise<IdempotentResult<T>> }
  >();
  private readonly options: Required<IdempotencyOptions>;

  constructor(
    private readonly repository: IdempotencyRepository,
    options: IdempotencyOptions,
    private readonly codec: ResultCodec<T> = jsonCodec<T>(),
  ) {
    this.options = {
      pendingLeaseMs: IDEMPOTENCY_DEFAULTS.pendingLeaseMs,
      pollMs: IDEMPOTENCY_DEFAULTS.pollMs,
      now: Date.now,
      ...options,
    };
  }

  async run(
    scope: string,
    key: string,
    fingerprint: string,
    attempt: IdempotentAttempt<T>,
  ): Promise<IdempotentResult<T>> {
    const id = `${scope}\u0000${key}`;
    const local = this.running.get(id);
    if (local) {
      if (local.fingerprint !== fingerprint) throw keyReused();
      return { result: (await local.promise).result, replayed: true };
    }
    const promise = this.execute(scope, key, fingerprint, attempt);
    this.running.set(id, { fingerprint, promise });
    try {
      return await promise;
    } finally {
      if (this.running.get(id)?.promise === promise) this.running.delete(id);
    }
  }

  /** Records stored: for tests and diagnostics. */
  count(): Promise<number> {
    return this.repository.count();
  }

  private async execute(
    scope: string,
    key: string,
    fingerprint: string,
    attempt: IdempotentAttempt<T>,
  ): Promise<IdempotentResult<T>> {
    const { now, ttlMs, pendingLeaseMs, pollMs } = this.options;
    for (;;) {
      const claim = randomUUID();
      const at = now();
      const outcome = await this.repository.claim({
        scope,
        key,
        fingerprint,
        claim,
        now: at,
        ttlMs,
        leaseMs: pendingLeaseMs,
      });
      if (outcome.kind === 'conflict') throw keyReused();
      if (outcome.kind === 'done') {
        return { result: this.codec.decode(outcome.result), replayed: true };
      }
      if (outcome.kind === 'pending') {
        // Another process runs it: wait for its answer, or for its lease to run out.
        await sleep(Math.max(10, Math.min(pollMs, outcome.until - at)));
        continue;
      }
      return this.runClaimed(scope, key, claim, outcome.afterUnknown, attempt);
    }
  }

  private async runClaimed(
    scope: string,
    key: string,
    claim: string,
    afterUnknown: boolean,
    attempt: IdempotentAttempt<T>,
  ): Promise<IdempotentResult<T>> {
    const settle = async (outcome: AttemptOutcome, result?: T): Promise<void> => {
      try {
        await this.repository.settle(
          scope,
          key,
          claim,
          outcome === 'done' && result !== undefined
            ? { state: 'done', result: this.codec.encode(result) }
            : outcome === 'not-done'
              ? { state: 'forget' }
              : { state: 'unknown' },
        );
      } catch {
        // The answer is already here: give it. The record stays pending; once its lease is over
        // a retry reconciles it (recover), so nothing is sent twice.
      }
    };
    let phase: 'recover' | 'send' = afterUnknown ? 'recover' : 'send';
    let result: T;
    let recovered = false;
    try {
      const found = afterUnknown ? await attempt.recover() : undefined;
      if (found !== undefined) {
        result = found;
        recovered = true;
      } else {
        phase = 'send';
        result = await attempt.send();
      }
    } catch (e) {
      // A failed lookup leaves us as unsure as before.
      await settle(phase === 'recover' ? 'unknown' : attempt.classifyError(e));
      throw e;
    }
    await settle(recovered ? 'done' : attempt.classify(result), result);
    // Bounded by age and count; a failure here costs nothing but space.
    await this.repository.prune(this.options.now(), this.options.maxEntries).catch(() => undefined);
    return { result, replayed: recovered };
  }
}
