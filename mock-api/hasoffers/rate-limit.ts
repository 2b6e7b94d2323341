// HasOffers' network-wide rate limit: at most `calls` answered calls in any sliding window.
import { rateLimitExceededMessage } from './recorded-answers';

export interface RateLimit {
  calls: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { calls: 50, windowMs: 10_000 };

/** The vendor's recorded wording; `usage` is the call that went over (limit + 1 if unknown). */
export function rateLimitMessage(limit: RateLimit, usage = limit.calls + 1): string {
  return rateLimitExceededMessage(limit.calls, limit.windowMs / 1000, usage);
}

export class SlidingWindowLimiter {
  private stamps: number[] = [];

  constructor(public limit: RateLimit) {}

  /**
   * Counts the call and says whether it may proceed. Refused calls are not counted, so a client
   * that backs off for one window always gets through again.
   */
  tryTake(nowMs: number): boolean {
    const from = nowMs - this.limit.windowMs;
    this.stamps = this.stamps.filter((t) => t > from);
    if (this.stamps.length >= this.limit.calls) return false;
    this.stamps.push(nowMs);
    return true;
  }

  reset(limit?: RateLimit): void {
    this.stamps = [];
    if (limit) this.limit = limit;
  }
}
