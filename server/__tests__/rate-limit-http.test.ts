// The shared HasOffers budget over real HTTP, with the real window: 200 concurrent calls, twice,
// and the emulator's own call log shows no 10-second window above HasOffers' 50.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASOFFERS_RATE_LIMIT } from '../hasoffers/rate-limiter';
import {
  call,
  control,
  startBff,
  startTestEmulators,
  testConfig,
  type Answer,
  type Emulators,
  type RunningBff,
  busiestWindow,
} from './harness';

const HASOFFERS_LIMIT = 50;
const WINDOW_MS = 10_000;

let emulators: Emulators;
let bff: RunningBff;

beforeAll(async () => {
  emulators = await startTestEmulators();
  // The production settings (45 per 10 s, queue 20, wait ≤ 3 s) against the emulator's 50/10 s.
  bff = await startBff(testConfig(emulators));
});

afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function burst(n: number): Promise<Answer[]> {
  // Different parameters, so nothing could be served from a cache.
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll&limit=1&page=${i + 1}`),
    ),
  );
}

describe('the HasOffers rate limit, over HTTP with the real 10 s window', () => {
  it('200 concurrent calls, twice: every 10 s window upstream stays under 50; the rest wait briefly or get 429 + Retry-After', async () => {
    const hasoffers = control(emulators.hasOffersUrl);
    await hasoffers.reset();

    const first = await burst(200);
    const ok1 = first.filter((a) => a.status === 200);
    const refused1 = first.filter((a) => a.status === 429);
    expect(ok1).toHaveLength(HASOFFERS_RATE_LIMIT.limit);
    expect(refused1).toHaveLength(200 - HASOFFERS_RATE_LIMIT.limit);
    for (const r of refused1) {
      expect(r.json).toMatchObject({ code: 'RateLimited' });
      const retryAfter = Number(r.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    }

    // Come back as the 429s said, a little early: the first slots are then a second or two away,
    // within the 3 s a caller may wait, so the queue (20) fills and the rest are refused again.
    const retryAfter = Math.min(...refused1.map((r) => Number(r.headers.get('retry-after'))));
    await sleep(retryAfter * 1000 - 1_500);
    const second = await burst(200);
    const ok2 = second.filter((a) => a.status === 200);
    const refused2 = second.filter((a) => a.status === 429);
    expect(ok2.length + refused2.length).toBe(200);
    expect(ok2.length).toBeGreaterThanOrEqual(HASOFFERS_RATE_LIMIT.maxQueue);
    for (const r of refused2)
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const upstream = (await hasoffers.calls()).filter((c) => c.path === '/Apiv3/json');
    // Every call the BFF let through reached the emulator, and the emulator refused none.
    expect(upstream).toHaveLength(ok1.length + ok2.length);
    expect(upstream.filter((c) => c.hoStatus !== 1)).toEqual([]);
    const busiest = busiestWindow(upstream, WINDOW_MS);
    console.info(
      `rate limit: burst 1 → ${ok1.length} ok / ${refused1.length} refused; burst 2 → ${ok2.length} ok / ${refused2.length} refused; busiest 10 s window upstream: ${busiest} calls`,
    );
    expect(busiest).toBeLessThanOrEqual(HASOFFERS_LIMIT);
    expect(busiest).toBeLessThanOrEqual(HASOFFERS_RATE_LIMIT.limit);
  }, 40_000);
});
