// Two BFFs on one PostgreSQL share the HasOffers budget and the sessions: 200 concurrent calls
// split across both, and the emulator's busiest 10-second window stays under HasOffers' 50.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASOFFERS_RATE_LIMIT } from '../hasoffers/rate-limiter';
import type { Storage } from '../storage/db';
import {
  describeTestPostgres,
  postgresTestStorage,
  testPostgresUrl,
} from '../storage/test-engines';
import {
  call,
  control,
  signIn,
  startBff,
  startTestEmulators,
  testConfig,
  testUser,
  type Answer,
  type Emulators,
  type RunningBff,
  busiestWindow,
} from './harness';

const HASOFFERS_LIMIT = 50;
const WINDOW_MS = 10_000;
const url = await testPostgresUrl();
console.log(
  url
    ? `two BFFs on ${describeTestPostgres(url)}`
    : 'two BFFs: PostgreSQL not available, skipped (set TEST_DATABASE_URL)',
);

let emulators: Emulators;
let storages: Storage[] = [];
let bffs: RunningBff[] = [];
let cookie = '';

beforeAll(async () => {
  if (!url) return;
  emulators = await startTestEmulators();
  const users = [await testUser('ops', 'ops-password-1')];
  const config = testConfig(emulators, { auth: { users, devAutoSignIn: undefined } });
  // Each with its own connection pool on one schema: what two processes have.
  const first = await postgresTestStorage(url);
  const second = await postgresTestStorage(url, { schema: first.schema });
  storages = [second, first];
  bffs = [await startBff(config, { storage: first }), await startBff(config, { storage: second })];
  cookie = await signIn(bffs[0]?.url ?? '', 'ops', 'ops-password-1');
}, 60_000);

afterAll(async () => {
  for (const b of bffs) await b.close();
  for (const s of storages) await s.close();
  await emulators?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** n concurrent calls, every other one to the other BFF. */
function burst(n: number): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      call(
        `${bffs[i % 2]?.url ?? ''}/api/hasoffers?Target=Affiliate&Method=findAll&limit=1&page=${i + 1}`,
        { headers: { Cookie: cookie } },
      ),
    ),
  );
}

describe.skipIf(!url)('two BFFs on one PostgreSQL', () => {
  it('a session made on one works on the other; signing out on the other ends it on both', async () => {
    const groups = (u: string) => `${u}/api/exness/api/v2/autorebates/groups/?limit=1`;
    const [a, b] = bffs;
    if (!a || !b) throw new Error('no BFFs');
    const own = await signIn(a.url, 'ops', 'ops-password-1');
    expect((await call(groups(b.url), { headers: { Cookie: own } })).status).toBe(200);
    await call(`${b.url}/api/session`, { method: 'DELETE', headers: { Cookie: own } });
    expect((await call(groups(a.url), { headers: { Cookie: own } })).status).toBe(401);
  });

  it('200 concurrent calls split across both, twice: no 10 s window upstream above 50', async () => {
    const hasoffers = control(emulators.hasOffersUrl);
    await hasoffers.reset();

    const first = await burst(200);
    const ok1 = first.filter((a) => a.status === 200);
    const refused1 = first.filter((a) => a.status === 429);
    // One budget for both: 45 in all, not 45 each.
    expect(ok1).toHaveLength(HASOFFERS_RATE_LIMIT.limit);
    expect(refused1).toHaveLength(200 - HASOFFERS_RATE_LIMIT.limit);

    const retryAfter = Math.min(...refused1.map((r) => Number(r.headers.get('retry-after'))));
    await sleep(retryAfter * 1000 - 1_500);
    const second = await burst(200);
    const ok2 = second.filter((a) => a.status === 200);
    const refused2 = second.filter((a) => a.status === 429);
    expect(ok2.length + refused2.length).toBe(200);
    expect(ok2.length).toBeGreaterThan(0);

    const upstream = (await hasoffers.calls()).filter((c) => c.path === '/Apiv3/json');
    expect(upstream).toHaveLength(ok1.length + ok2.length);
    expect(upstream.filter((c) => c.hoStatus !== 1)).toEqual([]);
    const busiest = busiestWindow(upstream, WINDOW_MS);
    console.info(
      `two BFFs: burst 1 → ${ok1.length} ok / ${refused1.length} refused; burst 2 → ${ok2.length} ok / ${refused2.length} refused; busiest 10 s window upstream: ${busiest} calls`,
    );
    expect(busiest).toBeLessThanOrEqual(HASOFFERS_LIMIT);
    expect(busiest).toBeLessThanOrEqual(HASOFFERS_RATE_LIMIT.limit);
  }, 60_000);
});
