// The limiter shared by every HasOffers call the BFF makes (all users together): a sliding window
// over calls, a short bounded queue, and 429 + Retry-After past it. The slots are kept in a
// ledger: the database's (server/storage/call-budget.ts), shared by every BFF process on it.
import { HttpError } from '../errors';
import type { SlotGrant } from '../storage/call-budget';

/**
 * HasOffers allows 50 calls per 10 s per network, shared by every user of the network (other
 * tools included). 45 leaves a margin. With the database's ledger, every BFF process on one
 * database shares these 45.
 */
export const HASOFFERS_RATE_LIMIT = {
  limit: 45,
  windowMs: 10_000,
  maxQueue: 20,
  // Plus the upstream timeout (15 s by default), this stays within the browser's 20 s.
  maxWaitMs: 3_000,
};

export interface RateLimiterOptions {
  /** Calls allowed per window. */
  limit: number;
  windowMs: number;
  /** Callers that may wait at once; the next one is refused straight away. */
  maxQueue: number;
  /** No caller waits longer than this: refused at once if its slot looks further away, or
   *  refused when this time is up. */
  maxWaitMs: number;
  now?: () => number;
}

/**
 * Where slots are granted. A ledger may answer synchronously (the in-memory one): then a caller
 * is queued before acquire() returns, as the unit tests observe.
 */
export interface SlotLedger {
  take(request: { now: number; limit: number; windowMs: number }): SlotGrant | Promise<SlotGrant>;
  release(id: number, now: number, windowMs: number): void | Promise<void>;
}

/**
 * One process's slots in memory: for the limiter's unit tests (fake timers) and tools without a
 * database. The BFF itself uses the database's ledger.
 */
export class MemorySlotLedger implements SlotLedger {
  private nextId = 1;
  private readonly slots = new Map<number, { endedAt: number | undefined }>();

  take({ now, limit, windowMs }: { now: number; limit: number; windowMs: number }): SlotGrant {
    for (const [id, slot] of this.slots) {
      if (slot.endedAt !== undefined && slot.endedAt + windowMs <= now) this.slots.delete(id);
    }
    if (this.slots.size < limit) {
      const id = this.nextId++;
      this.slots.set(id, { endedAt: undefined });
      return { granted: true, id };
    }
    const ended = [...this.slots.values()].flatMap((s) =>
      s.endedAt === undefined ? [] : [s.endedAt + windowMs],
    );
    const frees = ended.sort((a, b) => a - b);
    return {
      granted: false,
      frees,
      inFlight: this.slots.size - ended.length,
      until: Math.min(frees[0] ?? now + windowMs, now + windowMs),
    };
  }

  release(id: number, now: number): void {
    const slot = this.slots.get(id);
    if (slot && slot.endedAt === undefined) slot.endedAt = now;
  }
}

/** Ends a call: its slot counts for one more window from now, then frees. Idempotent. */
export type ReleaseSlot = () => void;

interface Waiter {
  grant: (release: ReleaseSlot) => void;
  refuse: (error: unknown) => void;
  deadline: ReturnType<typeof setTimeout>;
}

export class RateLimitedError extends HttpError {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(429, 'RateLimited', 'Too many HasOffers calls right now. Try again in a few seconds.', {
      'Retry-After': String(seconds),
    });
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * A call occupies its slot from the moment it is granted until one window after it ended. The
 * upstream sees the call somewhere between those two moments, so however late a call reaches
 * it (a slow network, a busy event loop), the upstream can never count more than `limit` of our
 * calls in any window of its own. (Counting from the start only would let a burst that reached
 * the upstream late overlap the next window's calls.)
 */
export class SlidingWindowLimiter {
  private queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private draining = false;
  /** The ledger's last "no slot" answer: what waiters' estimates are made from. */
  private last: Extract<SlotGrant, { granted: false }> = {
    granted: false,
    frees: [],
    inFlight: 0,
    until: 0,
  };
  private readonly options: Required<RateLimiterOptions>;

  constructor(
    options: RateLimiterOptions,
    private readonly ledger: SlotLedger = new MemorySlotLedger(),
  ) {
    this.options = { now: Date.now, ...options };
  }

  /** Resolves with the slot's release when the caller may call; rejects with a 429. */
  acquire(): Promise<ReleaseSlot> {
    const now = this.options.now();
    // Waiters go first: a newcomer only asks the ledger when nobody here is queued. And not
    // before the ledger's last "no slot" said one could free: a burst past the limit is then
    // answered from that answer, without a database round trip per refused call.
    if (this.queue.length > 0 || now < this.last.until) return this.enqueue(now);
    let grant: SlotGrant | Promise<SlotGrant>;
    try {
      grant = this.ledger.take(this.request(now));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    if (grant instanceof Promise) return grant.then((g) => this.granted(g, now));
    return this.granted(grant, now);
  }

  /** For tests and diagnostics. */
  get waiting(): number {
    return this.queue.length;
  }

  private request(now: number) {
    return { now, limit: this.options.limit, windowMs: this.options.windowMs };
  }

  private granted(grant: SlotGrant, now: number): Promise<ReleaseSlot> {
    if (grant.granted) return Promise.resolve(this.releaser(grant.id));
    this.last = grant;
    return this.enqueue(now);
  }

  private enqueue(now: number): Promise<ReleaseSlot> {
    const wait = this.estimateWait(this.queue.length, now);
    if (this.queue.length >= this.options.maxQueue || wait > this.options.maxWaitMs) {
      return Promise.reject(new RateLimitedError(wait));
    }
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        refuse: reject,
        // A queued caller never waits past maxWaitMs, even if calls in flight end late.
        deadline: setTimeout(() => {
          this.queue = this.queue.filter((w) => w !== waiter);
          waiter.refuse(new RateLimitedError(this.estimateWait(0, this.options.now())));
        }, this.options.maxWaitMs),
      };
      this.queue.push(waiter);
      this.arm(now);
    });
  }

  private releaser(id: number): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const ended = this.ledger.release(id, this.options.now(), this.options.windowMs);
      // A lost release is not fatal: the slot's lease ends it (see CallBudgetRepository).
      if (ended instanceof Promise) void ended.catch(() => undefined).finally(() => this.drain());
      else void this.drain();
    };
  }

  /**
   * When the caller at `position` in the queue would get a slot. Calls in flight are taken to
   * end now (the earliest they can); slots free one window after their call ended, and each
   * further round of `limit` waiters takes one more window.
   */
  private estimateWait(position: number, now: number): number {
    const { limit, windowMs } = this.options;
    const { frees, inFlight } = this.last;
    const used = frees.length + inFlight;
    const at = [
      ...Array.from({ length: Math.max(0, limit - used) }, () => now),
      ...frees,
      ...Array.from({ length: inFlight }, () => now + windowMs),
    ].slice(0, limit);
    const base = at[position % limit] ?? now;
    return Math.max(0, base + Math.floor(position / limit) * windowMs - now);
  }

  /**
   * Looks again when the earliest slot can free: a finished call's, or one window after the
   * last look for calls still running (this process's own wake it sooner, when they end).
   */
  private arm(now: number): void {
    if (this.timer !== undefined || this.queue.length === 0) return;
    const delay = Math.max(0, this.last.until - now);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delay);
    // Waiters keep their requests (and so the process) alive; the timer itself need not.
    this.timer.unref?.();
  }

  /** Grants slots to waiters, oldest first, while the ledger has some; one drain at a time. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const now = this.options.now();
        let grant: SlotGrant;
        try {
          grant = await this.ledger.take(this.request(now));
        } catch (e) {
          // The ledger is gone (the database): every waiter gets that error, nothing is sent.
          for (const waiter of this.queue.splice(0)) {
            clearTimeout(waiter.deadline);
            waiter.refuse(e);
          }
          return;
        }
        if (!grant.granted) {
          this.last = grant;
          this.arm(now);
          return;
        }
        const waiter = this.queue.shift();
        const release = this.releaser(grant.id);
        if (!waiter) {
          // Its deadline passed while the ledger answered: the slot goes unused.
          release();
          return;
        }
        clearTimeout(waiter.deadline);
        waiter.grant(release);
      }
    } finally {
      this.draining = false;
    }
  }
}
