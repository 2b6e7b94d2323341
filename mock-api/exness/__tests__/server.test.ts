// The Exness emulator over real HTTP: login and JWT, the 401s, expiry, the list semantics (GET),
// decimals as strings, a POST on the list path creating a group, and the login shield.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../credentials';
import { createControlClient, type ExnessConfig } from '../../shared/control-client';
import type { RunningEmulator } from '../../shared/server';
import { exnessLogin, requestJson, sleep, type JsonAnswer } from '../../shared/__tests__/helpers';
import { seedRebateGroups, type RebateGroup } from '../seed';
import { startExnessEmulator } from '../server';
import { wireGroup, type WireGroup } from '../wire';

interface ListBody {
  data: WireGroup[];
  totals: { count: number; clients: number };
}

/** A wire group read back into numbers (for ordering checks against the seed). */
function numeric(g: WireGroup): RebateGroup {
  return {
    ...g,
    rebate_percent: Number(g.rebate_percent),
    rebate_size: { min: Number(g.rebate_size.min), max: Number(g.rebate_size.max) },
  };
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

/** The list by GET, as the client sends it: a filter's values as repeated keys. */
function list(body: Record<string, unknown>, auth = `JWT ${token}`): Promise<JsonAnswer<ListBody>> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, String(v));
  }
  return getList(query.toString(), auth);
}

function post(body: unknown, auth = `JWT ${token}`): Promise<JsonAnswer<unknown>> {
  return requestJson(`${base}${GROUPS}`, {
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
    const res = await list({ ...body, limit: 100, offset });
    expect(res.status).toBe(200);
    out.push(...res.json.data.map(numeric));
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
    const res = await requestJson(`${base}${GROUPS}`);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      code: 'NotAuthenticated',
      message: 'Authentication credentials were not provided.',
    });
  });

  it('does not accept the Bearer scheme (the word is JWT)', async () => {
    const res = await list({}, `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 'NotAuthenticated' });
  });

  it('answers 401 TokenExpired for a forged or garbled token', async () => {
    const [h, p] = token.split('.');
    for (const bad of [`${h}.${p}.AAAA`, 'not-a-token', `${h}.${p}`]) {
      const res = await list({}, `JWT ${bad}`);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ code: 'TokenExpired' });
    }
  });

  it('expires tokens after the configured TTL, and a new login works', async () => {
    await control().config({ tokenTtlMs: 150 });
    const shortLived = await exnessLogin(base);
    expect((await list({}, `JWT ${shortLived}`)).status).toBe(200);
    await sleep(250);
    const expired = await list({}, `JWT ${shortLived}`);
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ code: 'TokenExpired' });
    // Reset restores the default TTL: the next token is good for an hour.
    await control().reset();
    const fresh = await exnessLogin(base);
    const claims = decodeJwtPart(fresh.split('.')[1]!);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect((await list({}, `JWT ${fresh}`)).status).toBe(200);
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
    const empty = await list({ group_type: ['AUTO'] });
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ data: [], totals: { count: 0, clients: 0 } });
    await control().reset();
    expect((await list({})).json.totals.count).toBeGreaterThan(0);
  });

  it('answers {data, totals} with every field of a group, 25 per page by default', async () => {
    const res = await list({});
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
    expect(res.json.data).toEqual(seed.slice(0, 25).map((g) => wireGroup(g, 'string')));
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

  it('filters by group_id and by link_code', async () => {
    const ids = [seed[3]!.id, seed[40]!.id];
    expect((await listAll({ group_id: ids.map(String) })).map((g) => g.id)).toEqual(ids);
    const shared = seed[10]!.link_code === '' ? seed[11]!.link_code : seed[10]!.link_code;
    // In a query string an empty value is no value (`link_code=` filters nothing).
    const byCode = await listAll({ link_code: [shared, ''] });
    expect(byCode.map((g) => g.id)).toEqual(
      seed.filter((g) => g.link_code === shared).map((g) => g.id),
    );
    expect(await listAll({ group_id: ['999999'] })).toEqual([]);
  });

  it('computes totals over the filtered set, not the page', async () => {
    const res = await list({ group_type: ['AUTO'], limit: 5, offset: 3 });
    const autos = seed.filter((g) => g.group_type === 'AUTO');
    expect(res.json.data).toHaveLength(5);
    expect(res.json.totals).toEqual({
      count: autos.length,
      clients: autos.reduce((s, g) => s + g.clients_count, 0),
    });
  });

  it('pages with limit/offset over the ordered set', async () => {
    const all = await listAll({ ordering: 'group_title' });
    const page = await list({ ordering: 'group_title', limit: 10, offset: 20 });
    expect(page.json.data.map(numeric)).toEqual(all.slice(20, 30));
    const past = await list({ limit: 10, offset: 10_000 });
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
  ])('answers 400 with DRF field-keyed errors for %j', async (body, errors) => {
    const res = await list(body);
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

  it('reads comma lists and repeated keys alike', async () => {
    const repeated = await getList('rebate_period=DAILY&rebate_period=WEEKLY&limit=100');
    const comma = await getList('rebate_period=DAILY,WEEKLY&limit=100');
    expect(repeated.status).toBe(200);
    expect(comma.json).toEqual(repeated.json);
    expect(repeated.json.totals.count).toBe(
      seed.filter((g) => g.rebate_period !== 'MONTHLY').length,
    );
  });
});

describe('numbers on the wire', () => {
  it('sends decimals as strings with two places (DRF), ids and counts as numbers', async () => {
    const res = await list({ limit: 100 });
    const raw = JSON.stringify(res.json.data[0]);
    expect(raw).toMatch(/"rebate_percent":"\d+\.\d\d"/);
    expect(raw).toMatch(/"rebate_size":\{"min":"\d+\.\d\d","max":"\d+\.\d\d"\}/);
    for (const g of res.json.data) {
      expect(typeof g.id).toBe('number');
      expect(typeof g.clients_count).toBe('number');
      expect(typeof g.rebate_percent).toBe('string');
    }
    const odd = res.json.data.find((g) => !Number.isInteger(Number(g.rebate_percent)));
    expect(odd?.rebate_percent).toMatch(/^\d+\.\d0$/);
  });

  it('sends numbers when configured so, until reset', async () => {
    await control().config({ decimals: 'number' });
    const res = await list({ limit: 3 });
    expect(res.json.data).toEqual(seed.slice(0, 3));
    await control().reset();
    expect(typeof (await list({ limit: 1 })).json.data[0]?.rebate_percent).toBe('string');
  });
});

describe('POST on the list path creates a group (as the real API does)', () => {
  it('creates a group from {"group_title": "Test"}: 201 with the group, listed afterwards', async () => {
    const res = await post({ group_title: 'Test' });
    expect(res.status).toBe(201);
    const created = res.json as WireGroup;
    expect(created).toMatchObject({
      group_title: 'Test',
      group_type: 'MANUAL',
      clients_count: 0,
      is_default: false,
      rebate_percent: '0.00',
    });
    expect(created.id).toBeGreaterThan(Math.max(...seed.map((g) => g.id)));
    const after = await list({ group_id: [String(created.id)] });
    expect(after.json.data).toEqual([created]);
    expect((await list({})).json.totals.count).toBe(seed.length + 1);
    await control().reset();
    expect((await list({})).json.totals.count).toBe(seed.length);
  });

  it('answers an old-style list body with DRF validation errors, and creates nothing', async () => {
    const res = await post({ ordering: '-rebate_percent', limit: 25, offset: 0 });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ group_title: ['This field is required.'] });
    expect((await list({})).json.totals.count).toBe(seed.length);
  });

  it.each([
    [{ group_title: '  ' }, { group_title: ['This field may not be blank.'] }],
    [{ group_title: 5 }, { group_title: ['Not a valid string.'] }],
    [
      { group_title: 'X', rebate_percent: 'lots' },
      { rebate_percent: ['A valid number is required.'] },
    ],
    [
      { group_title: 'X', rebate_percent: 101 },
      { rebate_percent: ['Ensure this value is less than or equal to 100.'] },
    ],
  ])('refuses %j field by field', async (body, errors) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(errors);
  });

  it('needs the JWT like every other call', async () => {
    const res = await post({ group_title: 'Test' }, 'Bearer nope');
    expect(res.status).toBe(401);
    expect((await list({})).json.totals.count).toBe(seed.length);
  });
});

describe('the login shield fault', () => {
  it('answers the login with a 403 HTML page and Imperva cookies', async () => {
    await control().fault({ match: { path: '/api/v2/auth/' }, fault: 'login-shield' });
    const res = await fetch(`${base}/api/v2/auth/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        login: EMULATOR_CREDENTIALS.exnessLogin,
        password: EMULATOR_CREDENTIALS.exnessPassword,
      }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('set-cookie')).toMatch(/^incap_ses_/);
    expect(await res.text()).toMatch(/Incapsula incident ID/);
    // Only the armed call: the next login works.
    expect(await exnessLogin(base)).toMatch(/\./);
  });
});
