// SlidingWindowLimiter: a slot is held from grant until one window after the call ended; a short
// bounded queue; 429 with Retry-After past it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitedError, SlidingWindowLimiter } from '../hasoffers/rate-limiter';

describe('SlidingWindowLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = (o: Partial<ConstructorParameters<typeof SlidingWindowLimiter>[0]> = {}) =>
    new SlidingWindowLimiter({ limit: 3, windowMs: 10_000, maxQueue: 2, maxWaitMs: 60_000, ...o });

  it('grants the limit at once, then queues until the oldest ended call leaves the window', async () => {
    const limiter = make();
    (await limiter.acquire())();
    vi.advanceTimersByTime(2_000);
    (await limiter.acquire())();
    (await limiter.acquire())();
    let granted = false;
    const queued = limiter.acquire().then((release) => {
      granted = true;
      release();
    });
    expect(limiter.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(7_999);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await queued;
    expect(granted).toBe(true);
    expect(limiter.waiting).toBe(0);
  });

  it('counts a call until one window after it ended, not after it started', async () => {
    const limiter = make({ limit: 1 });
    const release = await limiter.acquire();
    // A slow call: 6 s in flight. Counting from its start would free the slot at 10 s.
    vi.advanceTimersByTime(6_000);
    release();
    let granted = false;
    const queued = limiter.acquire().then((r) => {
      granted = true;
      r();
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await queued;
    expect(granted).toBe(true);
  });

  it('refuses with Retry-After when the queue is full', async () => {
    const limiter = make();
    for (let i = 0; i < 3; i++) (await limiter.acquire())();
    const waiting = [limiter.acquire(), limiter.acquire()];
    const refused = await limiter.acquire().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).statusCode).toBe(429);
    expect((refused as RateLimitedError).headers['Retry-After']).toBe('10');
    await vi.advanceTimersByTimeAsync(10_000);
    for (const release of await Promise.all(waiting)) release();
  });

  it('refuses at once when the slot is further away than maxWaitMs', async () => {
    const limiter = make({ limit: 1, maxQueue: 10, maxWaitMs: 3_000 });
    (await limiter.acquire())();
    await expect(limiter.acquire()).rejects.toBeInstanceOf(RateLimitedError);
    expect(limiter.waiting).toBe(0);
    await vi.advanceTimersByTimeAsync(8_000);
    // Now the slot is 2 s away: within maxWaitMs, so it waits.
    const queued = limiter.acquire();
    expect(limiter.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    (await queued)();
  });

  it('a queued caller is refused when maxWaitMs is up (the call ahead never ended)', async () => {
    // A wait longer than the window: the estimate counts on the call in flight ending now.
    const limiter = make({ limit: 1, maxQueue: 10, maxWaitMs: 15_000 });
    const stuck = await limiter.acquire();
    let outcome: unknown;
    const queued = limiter.acquire().then(
      (release) => release,
      (e: unknown) => (outcome = e),
    );
    expect(limiter.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await queued;
    expect(outcome).toBeInstanceOf(RateLimitedError);
    expect(limiter.waiting).toBe(0);
    stuck();
  });

  it('never has more than the limit in flight or ended within any window, under a burst', async () => {
    const limiter = make({ limit: 5, maxQueue: 100, maxWaitMs: 60_000 });
    const spans: { start: number; end: number }[] = [];
    const all = Array.from({ length: 23 }, (_, i) =>
      limiter.acquire().then(async (release) => {
        const start = Date.now();
        // Calls of different lengths.
        await new Promise((r) => setTimeout(r, (i % 4) * 700));
        spans.push({ start, end: Date.now() });
        release();
      }),
    );
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all(all);
    expect(spans).toHaveLength(23);
    // At any call's start, the calls that started before and had not ended a window earlier.
    for (const s of spans) {
      const counted = spans.filter((o) => o.start <= s.start && o.end > s.start - 10_000);
      expect(counted.length).toBeLessThanOrEqual(5);
    }
  });
});
