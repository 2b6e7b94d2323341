// Slows down password guessing: per user name + client IP, a lockout that doubles per failure.
// One attempt at a time per key, so parallel guesses cannot slip in before a failure counts.

export const LOGIN_THROTTLE_DEFAULTS = {
  /** Failures allowed before the first lockout (typos happen). */
  freeFailures: 3,
  /** The first lockout; each further failure doubles it. */
  baseLockoutMs: 1_000,
  maxLockoutMs: 15 * 60 * 1000,
  /** Failures are forgotten after this long without another one. */
  forgetAfterMs: 60 * 60 * 1000,
  maxEntries: 10_000,
};

export type LoginThrottleOptions = typeof LOGIN_THROTTLE_DEFAULTS & { now?: () => number };

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  inFlight: boolean;
}

export type ThrottleDecision =
  | { allowed: true; done: (ok: boolean) => void }
  | {
      allowed: false;
      retryAfterMs: number;
    };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly options: Required<LoginThrottleOptions>;

  constructor(options: Partial<LoginThrottleOptions> = {}) {
    this.options = { ...LOGIN_THROTTLE_DEFAULTS, now: Date.now, ...options };
  }

  /**
   * May this key try a password now? If so, call `done(ok)` with the outcome. Unknown user names
   * are throttled exactly like known ones, so the answers do not tell them apart.
   */
  attempt(user: string, ip: string): ThrottleDecision {
    const key = `${user}\n${ip}`;
    const now = this.options.now();
    let entry = this.entries.get(key);
    if (entry && !entry.inFlight && now - entry.lastFailureAt >= this.options.forgetAfterMs) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (entry?.inFlight) return { allowed: false, retryAfterMs: 1_000 };
    if (entry && entry.lockedUntil > now) {
      return { allowed: false, retryAfterMs: entry.lockedUntil - now };
    }
    const current: Entry = entry ?? {
      failures: 0,
      lastFailureAt: now,
      lockedUntil: 0,
      inFlight: false,
    };
    current.inFlight = true;
    // Re-inserted: the map's order stays oldest activity first, for eviction.
    this.entries.delete(key);
    this.entries.set(key, current);
    this.evictOverflow();
    let settled = false;
    return {
      allowed: true,
      done: (ok) => {
        if (settled) return;
        settled = true;
        current.inFlight = false;
        if (ok) {
          this.entries.delete(key);
          return;
        }
        const at = this.options.now();
        current.failures += 1;
        current.lastFailureAt = at;
        const over = current.failures - this.options.freeFailures;
        if (over >= 0) {
          current.lockedUntil =
            at + Math.min(this.options.maxLockoutMs, this.options.baseLockoutMs * 2 ** over);
        }
      },
    };
  }

  get size(): number {
    return this.entries.size;
  }

  private evictOverflow(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries) break;
      if (!entry.inFlight) this.entries.delete(key);
    }
  }
}
