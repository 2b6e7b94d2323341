// The Exness emulator over real HTTP: login and JWT, the 401s, expiry, and the list semantics.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../credentials';
import { createControlClient, type ExnessConfig } from '../../shared/control-client';
import type { RunningEmulator } from '../../shared/server';
import { exnessLogin, requestJson, sleep, type JsonAnswer } from '../../shared/__tests__/helpers';
import { seedRebateGroups, type RebateGroup } from '../seed';
import { startExnessEmulator } from '../server';

interface ListBody {
  data: RebateGroup[];
  totals: { count: number; clients: number };
}

let emulator: RunningEmulator;
let base: string;
let token: string;
const control = (): ReturnType<typeof createControlClient<ExnessConfig>> =>
  createControlClient<ExnessConfig>(base);
const seed = seedRebateGroups();

beforeAll(async () => {
  emulator = await startExnessEmulator({ port: 0 });
  base = emulator.url;
  token = await exnessLogin(base);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await control().reset();
});

const GROUPS = '/api/v2/autorebates/groups/';

function postList(body: unknown, auth = `JWT ${token}`): Promise<JsonAnswer<ListBody>> {
  return requestJson<ListBody>(`${base}${GROUPS}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify(body),
  });
}

function getList(query: string, auth = `JWT ${token}`): Promise<JsonAnswer<ListBody>> {
  return requestJson<ListBody>(`${base}${GROUPS}${query ? `?${query}` : ''}`, {
    headers: { authorization: auth },
  });
}

/** Every matching group, through pages of 100. */
async function listAll(body: Record<string, unknown>): Promise<RebateGroup[]> {
  const out: RebateGroup[] = [];
  for (let offset = 0; ; offset += 100) {
    const res = await postList({ ...body, limit: 100, offset });
    expect(res.status).toBe(200);
    out.push(...res.json.data);
    if (offset + 100 >= res.json.totals.count) return out;
  }
}

function decodeJwtPart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('login', () => {
  it('answers a JWT: three base64url parts, HS256, exp one hour after iat', async () => {
    const parts = token.split('.');
    expect(parts).toHaveLength(3);
    for (const p of parts) expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeJwtPart(parts[0]!)).toEqual({ typ: 'JWT', alg: 'HS256' });
    const claims = decodeJwtPart(parts[1]!);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(claims.username).toBe(EMULATOR_CREDENTIALS.exnessLogin);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('refuses wrong credentials with 401 AuthenticationFailed', async () => {
    const res = await requestJson(`${base}/api/v2/auth/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: EMULATOR_CREDENTIALS.exnessLogin, password: 'nope' }),
    });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 'AuthenticationFailed', message: expect.any(String) });
  });

  it('answers 400 with field-keyed messages when a credential is missing', async () => {
    const res = await requestJson(`${base}/api/v2/auth/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: EMULATOR_CREDENTIALS.exnessLogin }),
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ password: ['This field is required.'] });
  });

  it('answers 400 ParseError for a body that is not JSON', async () => {
    const res = await requestJson(`${base}/api/v2/auth/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"login":',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'ParseError' });
  });

  it('answers 405 to a GET', async () => {
    const res = await requestJson(`${base}/api/v2/auth/`);
    expect(res.status).toBe(405);
  });

  it('honours tokenTtlMs given at start', async () => {
    const short = await startExnessEmulator({ tokenTtlMs: 120_000 });
    try {
      const claims = decodeJwtPart((await exnessLogin(short.url)).split('.')[1]!);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
    } finally {
      await short.close();
    }
  });
});

describe('authentication of other endpoints', () => {
  it('answers 401 NotAuthenticated without an Authorization header', async () => {
    const res = await requestJson(`${base}${GROUPS}`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      code: 'NotAuthenticated',
      message: 'Authentication credentials were not provided.',
    });
  });

  it('does not accept the Bearer scheme (the word is JWT)', async () => {
    const res = await postList({}, `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 'NotAuthenticated' });
  });

  it('answers 401 TokenExpired for a forged or garbled token', async () => {
    const [h, p] = token.split('.');
    for (const bad of [`${h}.${p}.AAAA`, 'not-a-token', `${h}.${p}`]) {
      const res = await postList({}, `JWT ${bad}`);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ code: 'TokenExpired' });
    }
  });

  it('expires tokens after the configured TTL, and a new login works', async () => {
    await control().config({ tokenTtlMs: 150 });
    const shortLived = await exnessLogin(base);
    expect((await postList({}, `JWT ${shortLived}`)).status).toBe(200);
    await sleep(250);
    const expired = await postList({}, `JWT ${shortLived}`);
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ code: 'TokenExpired' });
    // Reset restores the default TTL: the next token is good for an hour.
    await control().reset();
    const fresh = await exnessLogin(base);
    const claims = decodeJwtPart(fresh.split('.')[1]!);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect((await postList({}, `JWT ${fresh}`)).status).toBe(200);
  });

  it('answers 404 {"detail":"Not found."} for an unknown path', async () => {
    const res = await requestJson(`${base}/api/v2/unknown/`, {
      headers: { authorization: `JWT ${token}` },
    });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ detail: 'Not found.' });
  });
});

describe('listing rebate groups', () => {
  it('answers an account without groups when configured so, until reset', async () => {
    await control().config({ emptyAccount: true });
    const empty = await postList({ group_type: ['AUTO'] });
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ data: [], totals: { count: 0, clients: 0 } });
    await control().reset();
    expect((await postList({})).json.totals.count).toBeGreaterThan(0);
  });

  it('answers {data, totals} with every field of a group, 25 per page by default', async () => {
    const res = await postList({});
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(25);
    expect(res.json.totals).toEqual({
      count: seed.length,
      clients: seed.reduce((s, g) => s + g.clients_count, 0),
    });
    expect(Object.keys(res.json.data[0]!).sort()).toEqual(
      [
        'id',
        'partner_uid',
        'group_title',
        'group_type',
        'clients_count',
        'rebate_percent',
        'created',
        'is_default',
        'rebate_size',
        'rebate_period',
        'rebate_period_value',
        'rebate_period_start',
        'rebate_period_end',
        'link_code',
      ].sort(),
    );
    expect(res.json.data).toEqual(seed.slice(0, 25));
  });

  it('ORs the values of one filter and ANDs different filters', async () => {
    const periods = await listAll({ rebate_period: ['DAILY', 'WEEKLY'] });
    expect(periods.map((g) => g.id)).toEqual(
      seed.filter((g) => g.rebate_period !== 'MONTHLY').map((g) => g.id),
    );
    const both = await listAll({ rebate_period: ['DAILY', 'WEEKLY'], group_type: ['MANUAL'] });
    const expected = seed.filter((g) => g.rebate_period !== 'MONTHLY' && g.group_type === 'MANUAL');
    expect(both.map((g) => g.id)).toEqual(expected.map((g) => g.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(periods.length);
  });

  it('filters by group_id and by link_code, including the empty link code', async () => {
    const ids = [seed[3]!.id, seed[40]!.id];
    expect((await listAll({ group_id: ids.map(String) })).map((g) => g.id)).toEqual(ids);
    const shared = seed[10]!.link_code === '' ? seed[11]!.link_code : seed[10]!.link_code;
    const byCode = await listAll({ link_code: [shared, ''] });
    expect(byCode.map((g) => g.id)).toEqual(
      seed.filter((g) => g.link_code === shared || g.link_code === '').map((g) => g.id),
    );
    expect(await listAll({ group_id: ['999999'] })).toEqual([]);
  });

  it('computes totals over the filtered set, not the page', async () => {
    const res = await postList({ group_type: ['AUTO'], limit: 5, offset: 3 });
    const autos = seed.filter((g) => g.group_type === 'AUTO');
    expect(res.json.data).toHaveLength(5);
    expect(res.json.totals).toEqual({
      count: autos.length,
      clients: autos.reduce((s, g) => s + g.clients_count, 0),
    });
  });

  it('pages with limit/offset over the ordered set', async () => {
    const all = await listAll({ ordering: 'group_title' });
    const page = await postList({ ordering: 'group_title', limit: 10, offset: 20 });
    expect(page.json.data).toEqual(all.slice(20, 30));
    const past = await postList({ limit: 10, offset: 10_000 });
    expect(past.json.data).toEqual([]);
    expect(past.json.totals.count).toBe(seed.length);
  });

  const collator = new Intl.Collator('en', { sensitivity: 'variant' });
  const compare = (a: RebateGroup, b: RebateGroup, field: keyof RebateGroup): number => {
    const x = a[field];
    const y = b[field];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (field === 'group_title' || field === 'link_code')
      return collator.compare(String(x), String(y));
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  };

  it.each([
    'group_title',
    'clients_count',
    'created',
    'rebate_percent',
    'group_type',
    'rebate_period',
    'link_code',
  ] as const)('orders by %s ascending and descending, ties by id', async (field) => {
    for (const descending of [false, true]) {
      const rows = await listAll({ ordering: `${descending ? '-' : ''}${field}` });
      expect(rows).toHaveLength(seed.length);
      for (let i = 1; i < rows.length; i += 1) {
        const c = compare(rows[i - 1]!, rows[i]!, field) * (descending ? -1 : 1);
        expect(c).toBeLessThanOrEqual(0);
        if (c === 0) expect(rows[i - 1]!.id).toBeLessThan(rows[i]!.id);
      }
    }
  });

  it('orders by several fields: -rebate_percent,group_title', async () => {
    const rows = await listAll({ ordering: '-rebate_percent,group_title' });
    const expected = [...seed].sort(
      (a, b) =>
        b.rebate_percent - a.rebate_percent ||
        collator.compare(a.group_title, b.group_title) ||
        a.id - b.id,
    );
    expect(rows.map((g) => g.id)).toEqual(expected.map((g) => g.id));
    // The second key really matters: some percents are shared by several groups.
    const shared = rows.filter((g, i) => rows[i + 1]?.rebate_percent === g.rebate_percent);
    expect(shared.length).toBeGreaterThan(10);
    const onlyPercent = await listAll({ ordering: '-rebate_percent' });
    expect(onlyPercent.map((g) => g.id)).not.toEqual(rows.map((g) => g.id));
  });

  it.each([
    [{ ordering: 'foo' }, { ordering: ['Unknown field: foo'] }],
    [{ ordering: 'group_title,-id' }, { ordering: ['Unknown field: id'] }],
    [{ limit: 101 }, { limit: ['Ensure this value is less than or equal to 100.'] }],
    [{ limit: 0 }, { limit: ['Ensure this value is greater than or equal to 1.'] }],
    [{ limit: 2.5 }, { limit: ['A valid integer is required.'] }],
    [{ limit: 'ten' }, { limit: ['A valid integer is required.'] }],
    [{ offset: -1 }, { offset: ['Ensure this value is greater than or equal to 0.'] }],
    [{ group_type: ['BOTH'] }, { group_type: ['"BOTH" is not a valid choice.'] }],
    [{ group_type: 'AUTO' }, { group_type: ['Expected a list of items but got type "str".'] }],
  ])('answers 400 with DRF field-keyed errors for %j', async (body, errors) => {
    const res = await postList(body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(errors);
  });

  it('answers 400 for bad query parameters too', async () => {
    const res = await getList('ordering=nope&limit=500');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      ordering: ['Unknown field: nope'],
      limit: ['Ensure this value is less than or equal to 100.'],
    });
  });

  it('gives the same answer to GET query params as to the POST body', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['', {}],
      [
        'ordering=-clients_count,group_title&limit=30&offset=10',
        { ordering: '-clients_count,group_title', limit: 30, offset: 10 },
      ],
      [
        'group_type=AUTO&rebate_period=DAILY&rebate_period=MONTHLY&limit=100',
        { group_type: ['AUTO'], rebate_period: ['DAILY', 'MONTHLY'], limit: 100 },
      ],
      [
        'rebate_period=DAILY,WEEKLY&group_id=' + `${seed[5]!.id},${seed[6]!.id}`,
        {
          rebate_period: ['DAILY', 'WEEKLY'],
          group_id: [String(seed[5]!.id), String(seed[6]!.id)],
        },
      ],
    ];
    for (const [query, body] of cases) {
      const viaGet = await getList(query);
      const viaPost = await postList(body);
      expect(viaGet.status).toBe(200);
      expect(viaGet.json).toEqual(viaPost.json);
    }
  });
});
