// The limiter shared by every HasOffers call the BFF makes (all users together): a sliding window
// over calls, a short bounded queue, and 429 + Retry-After past it.
import { HttpError } from '../errors';

/**
 * HasOffers allows 50 calls per 10 s per network, shared by every user of the network (other
 * tools included). 45 leaves a margin; one BFF process is assumed (several would need a shared
 * store).
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

/** Ends a call: its slot counts for one more window from now, then frees. Idempotent. */
export type ReleaseSlot = () => void;

interface Waiter {
  grant: (release: ReleaseSlot) => void;
  refuse: (error: RateLimitedError) => void;
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
  private inFlight = 0;
  /** End times of finished calls still inside the window, oldest first. */
  private ended: number[] = [];
  private queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly options: Required<RateLimiterOptions>;

  constructor(options: RateLimiterOptions) {
    this.options = { now: Date.now, ...options };
  }

  /** Resolves with the slot's release when the caller may call; rejects with a 429. */
  acquire(): Promise<ReleaseSlot> {
    const now = this.options.now();
    this.prune(now);
    if (this.queue.length === 0 && this.used < this.options.limit) {
      return Promise.resolve(this.take());
    }
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
      this.schedule(now);
    });
  }

  /** For tests and diagnostics. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Slots taken: calls in flight plus calls that ended within the last window. */
  private get used(): number {
    return this.inFlight + this.ended.length;
  }

  private take(): ReleaseSlot {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.ended.push(this.options.now());
      this.schedule(this.options.now());
    };
  }

  /**
   * When the caller at `position` in the queue would get a slot. Calls in flight are taken to
   * end now (the earliest they can); slots free one window after their call ended, and each
   * further round of `limit` waiters takes one more window.
   */
  private estimateWait(position: number, now: number): number {
    const { limit, windowMs } = this.options;
    const frees = [
      ...Array.from({ length: Math.max(0, limit - this.used) }, () => now),
      ...this.ended.map((t) => t + windowMs),
      ...Array.from({ length: this.inFlight }, () => now + windowMs),
    ].slice(0, limit);
    const base = frees[position % limit] ?? now;
    return Math.max(0, base + Math.floor(position / limit) * windowMs - now);
  }

  private prune(now: number): void {
    const cutoff = now - this.options.windowMs;
    while (this.ended.length > 0 && (this.ended[0] ?? now) <= cutoff) this.ended.shift();
  }

  private schedule(now: number): void {
    this.drain(now);
    if (this.timer !== undefined || this.queue.length === 0) return;
    // With everything in flight, the next release reschedules; otherwise the oldest end frees.
    const oldest = this.ended[0];
    if (oldest === undefined) return;
    const delay = Math.max(0, oldest + this.options.windowMs - now);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.schedule(this.options.now());
    }, delay);
    // Waiters keep their requests (and so the process) alive; the timer itself need not.
    this.timer.unref?.();
  }

  private drain(now: number): void {
    this.prune(now);
    while (this.queue.length > 0 && this.used < this.options.limit) {
      const waiter = this.queue.shift();
      if (!waiter) break;
      clearTimeout(waiter.deadline);
      waiter.grant(this.take());
    }
  }
}
