// The database lost mid-run: /api answers 503 StorageUnavailable and nothing is sent upstream,
// whichever store fails (sessions, the call budget, the idempotency records).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_DEFAULTS } from '../auth/session-store';
import { openStorage } from '../storage/db';
import { memoryTestStorage } from '../storage/test-engines';
import {
  call,
  control,
  expectNoLeak,
  postForm,
  signIn,
  startBff,
  startTestEmulators,
  testConfig,
  testUser,
  type Answer,
  type Emulators,
} from './harness';

let emulators: Emulators;
let dir: string;
beforeAll(async () => {
  emulators = await startTestEmulators();
  dir = await mkdtemp(join(tmpdir(), 'bff-lost-'));
});
afterAll(async () => {
  await emulators?.close();
  await rm(dir, { recursive: true, force: true });
});

const createBody = new URLSearchParams({
  Target: 'CashflowGroup',
  Method: 'createCashflowGroup',
  name: 'Never sent',
  description: 'x',
  rules_json: JSON.stringify([{ field: 'country', operator: 'IN', value: ['DE'], negate: 0 }]),
  affiliate_ids_json: '[]',
}).toString();

function expectUnavailable(answer: Answer): void {
  expect(answer.status).toBe(503);
  expect(answer.json).toMatchObject({ code: 'StorageUnavailable' });
  expect((answer.json as { message: string }).message).toMatch(/database/);
  expectNoLeak(answer.text, []);
}

const upstreamCalls = async () =>
  (await control(emulators.hasOffersUrl).calls()).filter((c) => c.path === '/Apiv3/json');

describe('the database lost mid-run', () => {
  it('closed under a running BFF: 503 StorageUnavailable, no call upstream', async () => {
    const users = [await testUser('ops', 'ops-password-1')];
    const storage = await openStorage({ engine: 'embedded', dataDir: join(dir, 'data') });
    const clock = { t: Date.now() };
    const bff = await startBff(
      testConfig(emulators, { auth: { users, devAutoSignIn: undefined } }),
      { storage, auth: { now: () => clock.t } },
    );
    try {
      const cookie = await signIn(bff.url, 'ops', 'ops-password-1');
      await control(emulators.hasOffersUrl).reset();
      await storage.close();
      expectUnavailable(
        await postForm(`${bff.url}/api/hasoffers`, createBody, {
          Cookie: cookie,
          'Idempotency-Key': 'lost-1',
        }),
      );
      // The session gate trusts what it checked a moment ago (SESSION_DEFAULTS.cacheMs): once
      // that is past, the lost database answers for it too.
      clock.t += SESSION_DEFAULTS.cacheMs;
      expectUnavailable(await call(`${bff.url}/api/session`, { headers: { Cookie: cookie } }));
      expectUnavailable(
        await call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll&limit=1`, {
          headers: { Cookie: cookie },
        }),
      );
      expect(await upstreamCalls()).toEqual([]);
    } finally {
      await bff.close();
    }
  }, 60_000);

  it.each([
    ['call_slots', 'the call budget'],
    ['idempotency_records', 'the idempotency records'],
  ])(
    '%s gone (%s): the create is answered 503 and never sent',
    async (table) => {
      const storage = await memoryTestStorage();
      const bff = await startBff(testConfig(emulators), { storage });
      try {
        // Signed in (automatically) while everything works.
        const session = await call(`${bff.url}/api/session`);
        const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        await control(emulators.hasOffersUrl).reset();
        await storage.db.schema.dropTable(table).cascade().execute();
        expectUnavailable(
          await postForm(`${bff.url}/api/hasoffers`, createBody, {
            Cookie: cookie,
            'Idempotency-Key': `lost-${table}`,
          }),
        );
        expect(await upstreamCalls()).toEqual([]);
      } finally {
        await bff.close();
        await storage.close();
      }
    },
    60_000,
  );
});
