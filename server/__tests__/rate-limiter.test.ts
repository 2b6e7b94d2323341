// SlidingWindowLimiter: grants up to the limit per window, queues briefly, refuses with Retry-After.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitedError, SlidingWindowLimiter } from '../hasoffers/rate-limiter';

describe('SlidingWindowLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = () =>
    new SlidingWindowLimiter({ limit: 3, windowMs: 10_000, maxQueue: 2, maxWaitMs: 60_000 });

  it('grants the limit at once, then queues until the oldest call leaves the window', async () => {
    const limiter = make();
    await limiter.acquire();
    vi.advanceTimersByTime(2_000);
    await limiter.acquire();
    await limiter.acquire();
    let granted = false;
    const queued = limiter.acquire().then(() => {
      granted = true;
    });
    expect(limiter.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(7_999);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await queued;
    expect(granted).toBe(true);
    expect(limiter.waiting).toBe(0);
  });

  it('refuses with Retry-After when the queue is full', async () => {
    const limiter = make();
    for (let i = 0; i < 3; i++) await limiter.acquire();
    const waiting = [limiter.acquire(), limiter.acquire()];
    const refused = await limiter.acquire().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).statusCode).toBe(429);
    expect((refused as RateLimitedError).headers['Retry-After']).toBe('10');
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(waiting);
  });

  it('refuses at once when the slot is further away than maxWaitMs', async () => {
    const limiter = new SlidingWindowLimiter({
      limit: 1,
      windowMs: 10_000,
      maxQueue: 10,
      maxWaitMs: 3_000,
    });
    await limiter.acquire();
    await expect(limiter.acquire()).rejects.toBeInstanceOf(RateLimitedError);
    expect(limiter.waiting).toBe(0);
    await vi.advanceTimersByTimeAsync(8_000);
    // Now the slot is 2 s away: within maxWaitMs, so it waits.
    const queued = limiter.acquire();
    expect(limiter.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    await queued;
  });

  it('never grants more than the limit in any window under a burst', async () => {
    const limiter = new SlidingWindowLimiter({
      limit: 5,
      windowMs: 10_000,
      maxQueue: 100,
      maxWaitMs: 60_000,
    });
    const grants: number[] = [];
    const all = Array.from({ length: 23 }, () =>
      limiter.acquire().then(() => grants.push(Date.now())),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(all);
    expect(grants).toHaveLength(23);
    for (const t of grants) {
      expect(grants.filter((u) => u > t - 10_000 && u <= t).length).toBeLessThanOrEqual(5);
    }
  });
});
