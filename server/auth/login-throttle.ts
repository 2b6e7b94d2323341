// Slows down password guessing: per user name + client IP, a lockout that doubles per failure;
// per client IP across user names, a cap on failures and on attempts in flight. One attempt at a
// time per key, so parallel guesses cannot slip in before a failure counts.

export const LOGIN_THROTTLE_DEFAULTS = {
  /** Failures allowed before the first lockout (typos happen). */
  freeFailures: 3,
  /** The first lockout; each further failure doubles it. */
  baseLockoutMs: 1_000,
  maxLockoutMs: 15 * 60 * 1000,
  /** Failures are forgotten after this long without another one. */
  forgetAfterMs: 60 * 60 * 1000,
  maxEntries: 10_000,
  /**
   * Failures from one address, whatever the user names, before that address is locked out for
   * `addressLockoutMs`: spraying one password over many names must not be free.
   */
  addressFreeFailures: 20,
  addressLockoutMs: 15 * 60 * 1000,
  /**
   * Sign-ins from one address being checked at once. A flood from one address is refused at
   * once instead of queueing for the password hasher ahead of everyone else's sign-in.
   */
  addressMaxInFlight: 2,
};

export type LoginThrottleOptions = typeof LOGIN_THROTTLE_DEFAULTS & { now?: () => number };

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  inFlight: boolean;
}

interface AddressEntry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  inFlight: number;
}

export type ThrottleDecision =
  /** `done(true)` signed in, `done(false)` a wrong password, `done('unchecked')` never checked. */
  | { allowed: true; done: (ok: boolean | 'unchecked') => void }
  | {
      allowed: false;
      retryAfterMs: number;
    };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly addresses = new Map<string, AddressEntry>();
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
    let address = this.addresses.get(ip);
    if (
      address &&
      address.inFlight === 0 &&
      now - address.lastFailureAt >= this.options.forgetAfterMs
    ) {
      this.addresses.delete(ip);
      address = undefined;
    }
    if (address && address.lockedUntil > now) {
      return { allowed: false, retryAfterMs: address.lockedUntil - now };
    }
    if (address && address.inFlight >= this.options.addressMaxInFlight) {
      return { allowed: false, retryAfterMs: 1_000 };
    }
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
    const byAddress: AddressEntry = address ?? {
      failures: 0,
      lastFailureAt: now,
      lockedUntil: 0,
      inFlight: 0,
    };
    byAddress.inFlight += 1;
    this.addresses.delete(ip);
    this.addresses.set(ip, byAddress);
    this.evictOverflow();
    let settled = false;
    return {
      allowed: true,
      done: (ok) => {
        if (settled) return;
        settled = true;
        current.inFlight = false;
        byAddress.inFlight -= 1;
        if (ok === 'unchecked') return;
        if (ok) {
          this.entries.delete(key);
          return;
        }
        const at = this.options.now();
        byAddress.failures += 1;
        byAddress.lastFailureAt = at;
        if (byAddress.failures >= this.options.addressFreeFailures) {
          byAddress.lockedUntil = at + this.options.addressLockoutMs;
          byAddress.failures = 0;
        }
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
    for (const [ip, entry] of this.addresses) {
      if (this.addresses.size <= this.options.maxEntries) break;
      if (entry.inFlight === 0) this.addresses.delete(ip);
    }
  }
}
