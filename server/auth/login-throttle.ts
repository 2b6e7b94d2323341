// Slows down password guessing: per user name + client IP, a lockout that doubles per failure;
// per client IP across user names, a cap on failures and on attempts in flight. One attempt at a
// time per key, so parallel guesses cannot slip in before a failure counts. The counters live in
// the database (one transaction per decision), so every BFF process on it counts the same ones.
import type {
  SignInThrottleRepository,
  ThrottleAddressState,
  ThrottleChange,
  ThrottleKeyState,
} from '../storage/sign-in-throttle';

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
  /**
   * An attempt counts as in flight at most this long: if the process checking it dies, the key
   * is free again after this (the hash queue answers far sooner).
   */
  inFlightLeaseMs: 60_000,
};

export type LoginThrottleOptions = typeof LOGIN_THROTTLE_DEFAULTS & { now?: () => number };

export type ThrottleDecision =
  /** `done(true)` signed in, `done(false)` a wrong password, `done('unchecked')` never checked. */
  | { allowed: true; done: (ok: boolean | 'unchecked') => Promise<void> }
  | {
      allowed: false;
      retryAfterMs: number;
    };

type Admission = { allowed: false; retryAfterMs: number } | { allowed: true };

const refuse = (retryAfterMs: number): ThrottleChange<Admission> => ({
  result: { allowed: false, retryAfterMs },
});

export class LoginThrottle {
  private readonly options: Required<LoginThrottleOptions>;

  constructor(
    private readonly repository: SignInThrottleRepository,
    options: Partial<LoginThrottleOptions> = {},
  ) {
    this.options = { ...LOGIN_THROTTLE_DEFAULTS, now: Date.now, ...options };
  }

  /**
   * May this key try a password now? If so, call `done(ok)` with the outcome. Unknown user names
   * are throttled exactly like known ones, so the answers do not tell them apart.
   */
  async attempt(user: string, ip: string): Promise<ThrottleDecision> {
    const o = this.options;
    const now = o.now();
    await this.repository.prune(now, o.forgetAfterMs, o.maxEntries);
    const admitted = await this.repository.update<Admission>(
      user,
      ip,
      now,
      (stored, storedAddress) => {
        let address: ThrottleAddressState | undefined = storedAddress;
        if (address && address.inFlight === 0 && now - address.lastFailureAt >= o.forgetAfterMs) {
          address = undefined;
        }
        if (address && address.lockedUntil > now) return refuse(address.lockedUntil - now);
        if (address && address.inFlight >= o.addressMaxInFlight) return refuse(1_000);
        let entry: ThrottleKeyState | undefined = stored;
        const inFlight = (e: ThrottleKeyState) => e.inFlightUntil > now;
        if (entry && !inFlight(entry) && now - entry.lastFailureAt >= o.forgetAfterMs) {
          entry = undefined;
        }
        if (entry && inFlight(entry)) return refuse(1_000);
        if (entry && entry.lockedUntil > now) return refuse(entry.lockedUntil - now);
        const current = entry ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
        const byAddress = address ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
        return {
          // The address's in-flight count is the keys in flight for it: this one now is.
          key: { ...current, inFlightUntil: now + o.inFlightLeaseMs },
          address: {
            failures: byAddress.failures,
            lastFailureAt: byAddress.lastFailureAt,
            lockedUntil: byAddress.lockedUntil,
          },
          result: { allowed: true },
        };
      },
    );
    if (!admitted.allowed) return admitted;
    let settled = false;
    return {
      allowed: true,
      done: async (ok) => {
        if (settled) return;
        settled = true;
        await this.settle(user, ip, ok);
      },
    };
  }

  /** Keys remembered: for tests and diagnostics. */
  count(): Promise<number> {
    return this.repository.countKeys();
  }

  private settle(user: string, ip: string, ok: boolean | 'unchecked'): Promise<void> {
    const o = this.options;
    const at = o.now();
    return this.repository.update(user, ip, at, (entry, address) => {
      if (!entry) return { result: undefined };
      const key = { ...entry, inFlightUntil: 0 };
      if (ok === 'unchecked') return { key, result: undefined };
      if (ok) return { key: null, result: undefined };
      const byAddress = {
        failures: (address?.failures ?? 0) + 1,
        lastFailureAt: at,
        lockedUntil: address?.lockedUntil ?? 0,
      };
      if (byAddress.failures >= o.addressFreeFailures) {
        byAddress.lockedUntil = at + o.addressLockoutMs;
        byAddress.failures = 0;
      }
      key.failures += 1;
      key.lastFailureAt = at;
      const over = key.failures - o.freeFailures;
      if (over >= 0) {
        key.lockedUntil = at + Math.min(o.maxLockoutMs, o.baseLockoutMs * 2 ** over);
      }
      return { key, address: byAddress, result: undefined };
    });
  }
}
