// Creates happen once, over real HTTP against the HasOffers emulator's faults: after an ambiguous
// failure the retry with the same Idempotency-Key looks the group up by name before creating.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  control,
  postForm,
  signIn,
  startBff,
  startTestEmulators,
  testConfig,
  testUser,
  type Emulators,
  type LoggedCall,
  type RunningBff,
} from './harness';

interface Envelope {
  response: { status: number; data: unknown; errorMessage: string | null };
}

let emulators: Emulators;
let bff: RunningBff;
let hasoffers: ReturnType<typeof control>;
let alice: string;
let bob: string;
const api = () => `${bff.url}/api/hasoffers`;

const createBody = (name: string) =>
  new URLSearchParams({
    Target: 'CashflowGroup',
    Method: 'createCashflowGroup',
    name,
    description: 'Once only',
    rules_json: JSON.stringify([{ field: 'country', operator: 'IN', value: ['DE'], negate: 0 }]),
    affiliate_ids_json: '[]',
  }).toString();

const create = (cookie: string, key: string, name: string) =>
  postForm(api(), createBody(name), { Cookie: cookie, 'Idempotency-Key': key });

/** The BFF's calls to one method (the test's own look-ups are marked and left out). */
const callsTo = async (hoMethod: string): Promise<LoggedCall[]> =>
  (await hasoffers.calls()).filter((c) => c.hoMethod === hoMethod && !c.headers['x-test-probe']);

/** Creates the emulator carried out: not stopped by a fault before it ran. */
const carriedOut = (creates: LoggedCall[]) =>
  creates.filter((c) => c.fault === undefined || c.fault === 'reset-after-success');

/** Ids of the network's groups with this name, straight from the emulator. */
async function groupIdsNamed(name: string): Promise<string[]> {
  const url = new URL(`${emulators.hasOffersUrl}/Apiv3/json`);
  url.search = new URLSearchParams({
    Target: 'CashflowGroup',
    Method: 'findCashflowGroups',
    'filters[name]': name,
    NetworkToken: testConfig(emulators).hasoffers.networkToken,
  }).toString();
  const res = await fetch(url, { headers: { 'X-Test-Probe': '1' } });
  const body = (await res.json()) as { response: { data: unknown } };
  return [...JSON.stringify(body.response.data).matchAll(/"id":"(\d+)"/g)].map((m) => m[1] ?? '');
}

beforeAll(async () => {
  emulators = await startTestEmulators();
  hasoffers = control(emulators.hasOffersUrl);
  const users = await Promise.all([testUser('alice', 'alice-pw-1'), testUser('bob', 'bob-pw-2')]);
  // Short, so a hang costs the test little; no assertion depends on the time.
  bff = await startBff(
    testConfig(emulators, { upstreamTimeoutMs: 400, auth: { users, devAutoSignIn: undefined } }),
  );
  alice = await signIn(bff.url, 'alice', 'alice-pw-1');
  bob = await signIn(bff.url, 'bob', 'bob-pw-2');
});

afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});

beforeEach(async () => {
  await hasoffers.reset();
});

describe('creates happen once', () => {
  it('reset-after-success: the retry finds the group by name and answers with its id; one create upstream', async () => {
    await hasoffers.fault({
      match: { hoMethod: 'createCashflowGroup' },
      fault: 'reset-after-success',
    });
    const first = await create(alice, 'key-reset', 'Once after reset');
    expect(first.status).toBe(502);
    expect(first.json).toMatchObject({ code: 'UpstreamConnectionLost' });

    const retry = await create(alice, 'key-reset', 'Once after reset');
    expect(retry.status).toBe(200);
    const ids = await groupIdsNamed('Once after reset');
    expect(ids).toHaveLength(1);
    expect(retry.json).toMatchObject({
      request: { Target: 'CashflowGroup', Method: 'createCashflowGroup' },
      response: { status: 1, data: ids[0], errors: [], errorMessage: null },
    });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await callsTo('createCashflowGroup')).toHaveLength(1);
    expect(await callsTo('findCashflowGroups')).toHaveLength(1);

    // From now on it is a plain replay: no lookup, no create.
    const again = await create(alice, 'key-reset', 'Once after reset');
    expect(again.text).toBe(retry.text);
    expect(await callsTo('createCashflowGroup')).toHaveLength(1);
    expect(await callsTo('findCashflowGroups')).toHaveLength(1);
  });

  it('hang past the timeout: 504, then the retry looks (nothing there) and creates once', async () => {
    await hasoffers.fault({ match: { hoMethod: 'createCashflowGroup' }, fault: 'hang' });
    const first = await create(alice, 'key-hang', 'Once after hang');
    expect(first.status).toBe(504);
    expect(first.json).toMatchObject({ code: 'UpstreamTimeout' });

    const retry = await create(alice, 'key-hang', 'Once after hang');
    expect(retry.status).toBe(200);
    const ids = await groupIdsNamed('Once after hang');
    expect(ids).toHaveLength(1);
    expect((retry.json as Envelope).response).toMatchObject({ status: 1, data: ids[0] });
    const creates = await callsTo('createCashflowGroup');
    expect(carriedOut(creates)).toHaveLength(1);
    expect(creates.map((c) => c.fault)).toEqual(['hang', undefined]);
    // The lookup came between the two.
    const find = (await callsTo('findCashflowGroups'))[0];
    expect(find?.seq).toBeGreaterThan(creates[0]?.seq ?? Infinity);
    expect(find?.seq).toBeLessThan(creates[1]?.seq ?? -Infinity);
  });

  it('http500: 502, then the retry looks (nothing there) and creates once', async () => {
    await hasoffers.fault({ match: { hoMethod: 'createCashflowGroup' }, fault: 'http500' });
    const first = await create(alice, 'key-500', 'Once after 500');
    expect(first.status).toBe(502);
    const retry = await create(alice, 'key-500', 'Once after 500');
    expect(retry.status).toBe(200);
    const ids = await groupIdsNamed('Once after 500');
    expect(ids).toHaveLength(1);
    expect((retry.json as Envelope).response).toMatchObject({ status: 1, data: ids[0] });
    expect(carriedOut(await callsTo('createCashflowGroup'))).toHaveLength(1);
    expect(await callsTo('findCashflowGroups')).toHaveLength(1);
  });

  it('a lookup that fails answers 502 and keeps the outcome unknown: the next retry looks again', async () => {
    await hasoffers.fault({
      match: { hoMethod: 'createCashflowGroup' },
      fault: 'reset-after-success',
    });
    await hasoffers.fault({ match: { hoMethod: 'findCashflowGroups' }, fault: 'http500' });
    expect((await create(alice, 'key-lookup', 'Once after lookup')).status).toBe(502);
    const blind = await create(alice, 'key-lookup', 'Once after lookup');
    expect(blind.status).toBe(502);
    expect(blind.json).toMatchObject({ code: 'UpstreamInvalidResponse' });
    const retry = await create(alice, 'key-lookup', 'Once after lookup');
    expect(retry.status).toBe(200);
    expect((retry.json as Envelope).response.data).toBe(
      (await groupIdsNamed('Once after lookup'))[0],
    );
    expect(await callsTo('createCashflowGroup')).toHaveLength(1);
    expect(await callsTo('findCashflowGroups')).toHaveLength(2);
  });

  it('concurrent retries after an unknown outcome share one lookup and one answer', async () => {
    await hasoffers.fault({
      match: { hoMethod: 'createCashflowGroup' },
      fault: 'reset-after-success',
    });
    expect((await create(alice, 'key-many', 'Once, many retries')).status).toBe(502);
    await hasoffers.fault({
      match: { hoMethod: 'findCashflowGroups' },
      fault: 'delay',
      delayMs: 200,
    });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => create(alice, 'key-many', 'Once, many retries')),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await callsTo('findCashflowGroups')).toHaveLength(1);
    expect(await callsTo('createCashflowGroup')).toHaveLength(1);
  });

  it('a key reused with another body is a 422, before any call upstream', async () => {
    expect((await create(alice, 'key-body', 'Body one')).status).toBe(200);
    const other = await create(alice, 'key-body', 'Body two');
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ code: 'IdempotencyKeyReused' });
    expect(await callsTo('createCashflowGroup')).toHaveLength(1);
  });

  it('keys are scoped per user: another user’s same key is their own create', async () => {
    const a = await create(alice, 'shared-key', 'Alice’s group');
    const b = await create(bob, 'shared-key', 'Bob’s group');
    expect(b.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect((b.json as Envelope).response.data).not.toBe((a.json as Envelope).response.data);
    expect(await callsTo('createCashflowGroup')).toHaveLength(2);
  });

  it('writes are never retried by the BFF: one failed create is one upstream call', async () => {
    await hasoffers.fault({
      match: { hoMethod: 'createCashflowGroup' },
      fault: 'reset-connection',
    });
    const failed = await postForm(api(), createBody('Never retried'), { Cookie: alice });
    expect(failed.status).toBe(502);
    expect(await callsTo('createCashflowGroup')).toHaveLength(1);
  });
});
