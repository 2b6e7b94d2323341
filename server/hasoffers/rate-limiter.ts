// A sliding-window limiter shared by every HasOffers call the BFF makes.
// It waits briefly for a slot and refuses (429 + Retry-After) when its bounded queue is full.
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
  /** A caller whose slot is further away than this is refused rather than queued. */
  maxWaitMs: number;
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
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

export class SlidingWindowLimiter {
  /** Start times of the calls granted within the last window, oldest first. */
  private granted: number[] = [];
  private queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly options: Required<RateLimiterOptions>;

  constructor(options: RateLimiterOptions) {
    this.options = { now: Date.now, ...options };
  }

  /** Resolves when the caller may make its call (counted from then); rejects with a 429. */
  acquire(): Promise<void> {
    const now = this.options.now();
    this.prune(now);
    if (this.queue.length === 0 && this.granted.length < this.options.limit) {
      this.granted.push(now);
      return Promise.resolve();
    }
    // The slot this caller would get: when the call `queue.length` places ahead leaves the window.
    const ahead = this.queue.length;
    const slotAt = (this.granted[ahead] ?? now) + this.options.windowMs;
    const wait = Math.max(0, slotAt - now);
    if (ahead >= this.options.maxQueue || wait > this.options.maxWaitMs) {
      return Promise.reject(new RateLimitedError(wait));
    }
    return new Promise<void>((resolve) => {
      this.queue.push({ resolve });
      this.schedule(now);
    });
  }

  /** For tests and diagnostics. */
  get waiting(): number {
    return this.queue.length;
  }

  private prune(now: number): void {
    const cutoff = now - this.options.windowMs;
    while (this.granted.length > 0 && (this.granted[0] ?? now) <= cutoff) this.granted.shift();
  }

  private schedule(now: number): void {
    if (this.timer !== undefined || this.queue.length === 0) return;
    const oldest = this.granted[0] ?? now;
    const delay = Math.max(0, oldest + this.options.windowMs - now);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, delay);
    // Waiters keep their requests (and so the process) alive; the timer itself need not.
    this.timer.unref?.();
  }

  private drain(): void {
    const now = this.options.now();
    this.prune(now);
    while (this.queue.length > 0 && this.granted.length < this.options.limit) {
      this.granted.push(now);
      this.queue.shift()?.resolve();
    }
    this.schedule(now);
  }
}
