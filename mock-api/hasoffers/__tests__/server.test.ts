// The HasOffers emulator over real HTTP: envelope and quirks, finds, create/update validation,
// update semantics and the rate limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../credentials';
import { createControlClient, type HasOffersConfig } from '../../shared/control-client';
import type { RunningEmulator } from '../../shared/server';
import {
  ho,
  hoSearch,
  requestJson,
  sleep,
  wireKeyOrder,
  type HoEnvelope,
  type HoParams,
} from '../../shared/__tests__/helpers';
import { seedHasOffers } from '../seed';
import { startHasOffersEmulator } from '../server';

type Keyed<T> = Record<string, T>;
interface Paged<T> {
  page: number;
  current: number;
  pageCount: number;
  count: number;
  data: Keyed<T> | [];
}
/** findCashflowGroups as recorded: flat rows in `records`, with the page keys. */
interface GroupRecords {
  page: number;
  current: number;
  count: number;
  pageCount: number;
  records: GroupRow[];
}
interface RuleRow {
  id: string;
  cashflow_group_id: string;
  field: string;
  operator: string;
  value: string[];
  negate: string;
}
interface AffiliateRow {
  Affiliate: Record<string, string>;
}
interface GroupRow {
  id: string;
  name: string;
  description: string | null;
  modified: string;
  rules?: RuleRow[];
  affiliate_ids?: string[];
}
/** findCashflowGroupById as recorded: flat. */
interface GroupById {
  id: string;
  name: string;
  description: string | null;
  modified: string;
  rules: RuleRow[];
  affiliates: { id: string; company: string }[];
}

/** A rule without its ids, for comparing with what was sent. */
const bare = ({ id: _id, cashflow_group_id: _g, ...rule }: RuleRow) => rule;

let emulator: RunningEmulator;
let base: string;
const seed = seedHasOffers();
const TOKEN = EMULATOR_CREDENTIALS.hasOffersNetworkToken;

beforeAll(async () => {
  // A roomy limit here: the rate limit has its own emulators below.
  emulator = await startHasOffersEmulator({ rateLimit: { calls: 100_000, windowMs: 10_000 } });
  base = emulator.url;
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await createControlClient(base).reset();
});

const call = <D = unknown>(params: HoParams, method: 'GET' | 'POST' = 'GET') =>
  ho<D>(base, params, method);

function expectOk<D>(env: HoEnvelope<D>): D {
  expect(env.response.errorMessage).toBeNull();
  expect(env.response.status).toBe(1);
  expect(env.response.errors).toEqual([]);
  return env.response.data;
}

function expectFailure(env: HoEnvelope, includes: string): void {
  expect(env.response.status).toBe(-1);
  expect(env.response.httpStatus).toBe(200);
  expect(env.response.errors.length).toBeGreaterThan(0);
  // The reason is in errorMessage (API-level failures) or in an item's err_msg (validation).
  const texts = [
    env.response.errorMessage,
    ...env.response.errors.flatMap((e) => [e.err_msg, e.publicMessage]),
  ];
  expect(texts.filter((t) => t?.includes(includes))).not.toEqual([]);
}

describe('envelope and protocol quirks', () => {
  it('wraps every answer in {request, response} with HTTP 200 and echoes the token', async () => {
    const res = await call({ Target: 'Affiliate', Method: 'findAll', 'filters[id][]': ['2', '4'] });
    expect(res.status).toBe(200);
    expect(res.json.request).toMatchObject({
      Target: 'Affiliate',
      Method: 'findAll',
      NetworkToken: TOKEN,
      filters: { id: ['2', '4'] },
    });
    expect(res.json.response).toMatchObject({ status: 1, httpStatus: 200, errors: [] });
  });

  it('answers a wrong token with status -1 whose message repeats the token', async () => {
    const res = await call({ NetworkToken: 'abc123', Target: 'Affiliate', Method: 'findAll' });
    expect(res.status).toBe(200);
    // Today's wording is the lead's (hasoffers/server.ts); either way it repeats the token.
    expectFailure(res.json, 'abc123');
    expect(res.json.request.NetworkToken).toBe('abc123');
    expect(JSON.stringify(res.json.response.errors)).toContain('abc123');
  });

  it('answers a missing token with status -1', async () => {
    const res = await requestJson<HoEnvelope>(`${base}/Apiv3/json?Target=Affiliate&Method=findAll`);
    expectFailure(res.json, 'NetworkToken');
  });

  it('answers an unknown Target or Method with a clear status -1', async () => {
    expectFailure((await call({ Target: 'Offer', Method: 'findAll' })).json, "Target 'Offer'");
    expectFailure(
      (await call({ Target: 'Affiliate', Method: 'deleteAll' })).json,
      "Method 'deleteAll' does not exist on target 'Affiliate'",
    );
    expectFailure((await call({ Method: 'findAll' })).json, 'Target');
  });

  it('reads a form-encoded POST like a GET, and ignores a JSON body', async () => {
    const params = { Target: 'Affiliate', Method: 'findAll', 'filters[id][]': ['2', '4'] };
    const viaGet = await call(params);
    const viaPost = await call(params, 'POST');
    expect(viaPost.json).toEqual(viaGet.json);
    const json = await requestJson<HoEnvelope>(`${base}/Apiv3/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ NetworkToken: TOKEN, Target: 'Affiliate', Method: 'findAll' }),
    });
    expectFailure(json.json, 'NetworkToken');
  });

  it('writes numbers as strings and keys non-paginated rows by id', async () => {
    const data = expectOk(
      (
        await call<Keyed<AffiliateRow>>({
          Target: 'Affiliate',
          Method: 'findAll',
          'filters[id][]': ['2', '6'],
        })
      ).json,
    );
    expect(Object.keys(data)).toEqual(['2', '6']);
    expect(data['2']!.Affiliate.id).toBe('2');
    expect(data['6']!.Affiliate).toMatchObject({ id: '6', account_manager_id: expect.any(String) });
    for (const value of Object.values(data['2']!.Affiliate)) expect(typeof value).toBe('string');
  });

  it('answers an empty result with data: [] (paginated or not)', async () => {
    const plain = await call({ Target: 'Affiliate', Method: 'findAll', 'filters[id]': '999999' });
    expect(expectOk(plain.json)).toEqual([]);
    const paged = await call<Paged<AffiliateRow>>({
      Target: 'Affiliate',
      Method: 'findAll',
      'filters[id]': '999999',
      limit: '10',
    });
    expect(expectOk(paged.json)).toEqual({ page: 1, current: 0, count: 0, pageCount: 0, data: [] });
    // Recorded key order: page, current, count, pageCount, data.
    expect(paged.text).toContain('"data":{"page":1,"current":0,"count":0,"pageCount":0,"data":[]}');
  });

  it('paginates with limit/page as {page, pageCount, count, data}', async () => {
    const active = seed.affiliates.filter((a) => a.status === 'active');
    const res = await call<Paged<AffiliateRow>>({
      Target: 'Affiliate',
      Method: 'findAll',
      'filters[status]': 'active',
      'sort[id]': 'asc',
      limit: '20',
      page: '3',
    });
    const data = expectOk(res.json);
    expect(data).toMatchObject({
      page: 3,
      current: 2,
      pageCount: Math.ceil(active.length / 20),
      count: active.length,
    });
    expect(Object.keys(data.data)).toEqual(active.slice(40, 60).map((a) => String(a.id)));
  });

  it('keeps the sort order on the wire although the rows are keyed by id', async () => {
    const res = await call({
      Target: 'Affiliate',
      Method: 'findAll',
      'sort[company]': 'desc',
      limit: '30',
    });
    const expected = [...seed.affiliates]
      .sort(
        (a, b) =>
          new Intl.Collator('en', { sensitivity: 'base' }).compare(b.company, a.company) ||
          a.id - b.id,
      )
      .slice(0, 30)
      .map((a) => String(a.id));
    expect(wireKeyOrder(res.text, 'Affiliate')).toEqual(expected);
  });
});

describe('Affiliate and OfferTargeting finds', () => {
  it('filters with LIKE (case-insensitive), status, id lists and an OR group', async () => {
    const like = expectOk(
      (
        await call<Keyed<AffiliateRow>>({
          Target: 'Affiliate',
          Method: 'findAll',
          'filters[company][LIKE]': '%ACME%',
        })
      ).json,
    );
    const acme = seed.affiliates.filter((a) => a.company.toLowerCase().includes('acme'));
    expect(Object.keys(like).map(Number)).toEqual(acme.map((a) => a.id));

    const or = expectOk(
      (
        await call<Keyed<AffiliateRow>>({
          Target: 'Affiliate',
          Method: 'findAll',
          'filters[OR][company][LIKE]': 'acme%',
          'filters[OR][id]': '4',
          'filters[status]': 'active',
        })
      ).json,
    );
    const expected = seed.affiliates.filter(
      (a) => (a.company.toLowerCase().startsWith('acme') || a.id === 4) && a.status === 'active',
    );
    expect(Object.keys(or).map(Number)).toEqual(expected.map((a) => a.id));
    expect(expected.length).toBeGreaterThan(1);
  });

  it('projects fields[] and rejects an unknown field', async () => {
    const data = expectOk(
      (
        await call<Keyed<AffiliateRow>>({
          Target: 'Affiliate',
          Method: 'findAll',
          'fields[]': ['company', 'status'],
          'filters[id]': '2',
        })
      ).json,
    );
    expect(Object.keys(data['2']!.Affiliate)).toEqual(['company', 'status']);
    expectFailure(
      (await call({ Target: 'Affiliate', Method: 'findAll', 'fields[]': 'password' })).json,
      'password',
    );
    expectFailure(
      (await call({ Target: 'Affiliate', Method: 'findAll', 'filters[nope]': '1' })).json,
      "'nope'",
    );
  });

  it('findList answers id → company name', async () => {
    const data = expectOk(
      (
        await call<Keyed<string>>({
          Target: 'Affiliate',
          Method: 'findList',
          'filters[id][]': ['2', '4'],
        })
      ).json,
    );
    expect(data).toEqual({
      '2': seed.affiliates.find((a) => a.id === 2)!.company,
      '4': seed.affiliates.find((a) => a.id === 4)!.company,
    });
  });

  it('findTargetRules answers TargetRule rows with 79 among them', async () => {
    const data = expectOk(
      (
        await call<Keyed<{ TargetRule: Record<string, string> }>>({
          Target: 'OfferTargeting',
          Method: 'findTargetRules',
        })
      ).json,
    );
    expect(Object.keys(data)).toHaveLength(30);
    expect(data['79']!.TargetRule).toEqual({
      id: '79',
      name: expect.any(String),
      description: expect.any(String),
    });
    const byName = expectOk(
      (
        await call<Keyed<unknown>>({
          Target: 'OfferTargeting',
          Method: 'findTargetRules',
          'filters[name][LIKE]': '%mobile%',
        })
      ).json,
    );
    expect(Object.keys(byName).length).toBe(
      seed.targetRules.filter((t) => /mobile/i.test(t.name)).length,
    );
  });
});

const validRules = JSON.stringify([
  { field: 'country', operator: 'IN', value: ['DE', 'AT'], negate: 0 },
  { field: 'advanced_targeting_rule', operator: 'IN', value: [79], negate: '1' },
  { field: 'aff_sub2', operator: 'CONTAINS', value: ['promo'], negate: 1 },
  { field: 'source', operator: 'IS', value: ['newsletter'], negate: '0' },
]);

const create = (params: HoParams, method: 'GET' | 'POST' = 'POST') =>
  call<string>(
    {
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name: 'Emulator test group',
      description: 'made by a test',
      rules_json: validRules,
      affiliate_ids_json: '["2","4"]',
      ...params,
    },
    method,
  );

const byId = (id: string) =>
  call<GroupById>({
    Target: 'CashflowGroup',
    Method: 'findCashflowGroupById',
    cashflow_group_id: id,
  });

describe('CashflowGroup::createCashflowGroup', () => {
  it('creates the group and answers its id as a string; the group reads back', async () => {
    const id = expectOk((await create({})).json);
    expect(id).toBe('21');
    const group = expectOk((await byId(id)).json);
    expect(group).toMatchObject({
      id: '21',
      name: 'Emulator test group',
      description: 'made by a test',
      modified: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    for (const rule of group.rules) {
      expect(rule).toMatchObject({ id: expect.stringMatching(/^\d+$/), cashflow_group_id: '21' });
    }
    expect(new Set(group.rules.map((r) => r.id)).size).toBe(group.rules.length);
    expect(group.rules.map(bare)).toEqual([
      { field: 'country', operator: 'IN', value: ['DE', 'AT'], negate: '0' },
      { field: 'advanced_targeting_rule', operator: 'IN', value: ['79'], negate: '1' },
      { field: 'aff_sub2', operator: 'CONTAINS', value: ['promo'], negate: '1' },
      { field: 'source', operator: 'IS', value: ['newsletter'], negate: '0' },
    ]);
    expect(group.affiliates).toEqual([
      { id: '2', company: seed.affiliates.find((a) => a.id === 2)!.company },
      { id: '4', company: seed.affiliates.find((a) => a.id === 4)!.company },
    ]);
  });

  it('accepts a GET as public clients send it, trims the name, takes numeric ids', async () => {
    const id = expectOk(
      (
        await create(
          { name: '  Trimmed  ', affiliate_ids_json: '[2, "6"]', rules_json: '[]' },
          'GET',
        )
      ).json,
    );
    const group = expectOk((await byId(id)).json);
    expect(group.name).toBe('Trimmed');
    expect(group.rules).toEqual([]);
    expect(group.affiliates.map((a) => a.id)).toEqual(['2', '6']);
  });

  it.each([
    ['name missing', { name: undefined }, 'name: is required'],
    ['name blank', { name: '   ' }, 'name: must not be empty'],
    ['name too long', { name: 'x'.repeat(256) }, 'name: must be at most 255 characters'],
    [
      'name taken (case-insensitive)',
      { name: 'tier-1 COUNTRIES' },
      "A cashflow group named 'tier-1 COUNTRIES' already exists",
    ],
    ['rules_json not JSON', { rules_json: '[{' }, 'rules_json: is not valid JSON'],
    [
      'rules_json not an array',
      { rules_json: '{"field":"country"}' },
      'rules_json: must be a JSON array',
    ],
    ['rules_json missing', { rules_json: undefined }, 'rules_json: is required'],
    ['rule not an object', { rules_json: '["country"]' }, 'rules_json[0]: must be an object'],
    [
      'extra key',
      { rules_json: '[{"field":"country","operator":"IN","value":["DE"],"negate":0,"note":"x"}]' },
      "rules_json[0]: unexpected key 'note'",
    ],
    [
      'missing key',
      { rules_json: '[{"field":"country","operator":"IN","value":["DE"]}]' },
      "rules_json[0]: missing key 'negate'",
    ],
    [
      'unknown field',
      { rules_json: '[{"field":"city","operator":"IN","value":["Berlin"],"negate":0}]' },
      "rules_json[0].field: unknown field 'city'",
    ],
    [
      'unknown operator',
      { rules_json: '[{"field":"aff_sub1","operator":"LIKE","value":["x"],"negate":0}]' },
      "rules_json[0].operator: unknown operator 'LIKE'",
    ],
    [
      'empty value',
      { rules_json: '[{"field":"aff_sub1","operator":"IN","value":[],"negate":0}]' },
      'rules_json[0].value: must be a non-empty array',
    ],
    [
      'value not an array',
      { rules_json: '[{"field":"aff_sub1","operator":"IN","value":"x","negate":0}]' },
      'rules_json[0].value: must be a non-empty array',
    ],
    [
      'bad country (third rule)',
      {
        rules_json: JSON.stringify([
          { field: 'aff_sub1', operator: 'IN', value: ['a'], negate: 0 },
          { field: 'aff_sub2', operator: 'IN', value: ['b'], negate: 0 },
          { field: 'country', operator: 'IN', value: ['DE', 'XX'], negate: 0 },
        ]),
      },
      "rules_json[2].value: country 'XX' is not an ISO 3166-1 alpha-2 code",
    ],
    [
      'lower-case country',
      { rules_json: '[{"field":"country","operator":"IN","value":["de"],"negate":0}]' },
      "rules_json[0].value: country 'de' is not an ISO 3166-1 alpha-2 code",
    ],
    [
      'unknown target rule id',
      {
        rules_json: '[{"field":"advanced_targeting_rule","operator":"IN","value":[12],"negate":0}]',
      },
      'rules_json[0].value: target rule 12 does not exist',
    ],
    [
      'target rule id not an id',
      {
        rules_json:
          '[{"field":"advanced_targeting_rule","operator":"IN","value":["abc"],"negate":0}]',
      },
      "rules_json[0].value: 'abc' is not a target rule id",
    ],
    [
      'non-string value',
      { rules_json: '[{"field":"aff_sub3","operator":"IN","value":[5],"negate":0}]' },
      "rules_json[0].value: 5 must be a string for field 'aff_sub3'",
    ],
    [
      'bad negate',
      { rules_json: '[{"field":"aff_sub1","operator":"IN","value":["x"],"negate":2}]' },
      'rules_json[0].negate: 2 must be 0 or 1',
    ],
    [
      'boolean negate',
      { rules_json: '[{"field":"aff_sub1","operator":"IN","value":["x"],"negate":true}]' },
      'rules_json[0].negate: true must be 0 or 1',
    ],
    [
      'affiliate_ids_json not JSON',
      { affiliate_ids_json: '["2"' },
      'affiliate_ids_json: is not valid JSON',
    ],
    [
      'affiliate_ids_json not an array',
      { affiliate_ids_json: '"2"' },
      'affiliate_ids_json: must be a JSON array',
    ],
    [
      'unknown affiliate',
      { affiliate_ids_json: '["2","3"]' },
      "affiliate_ids_json[1]: affiliate '3' does not exist",
    ],
    [
      'affiliate id not an id',
      { affiliate_ids_json: '["two"]' },
      "affiliate_ids_json[0]: 'two' is not an affiliate id",
    ],
  ])('refuses %s', async (_label, override, message) => {
    const params: HoParams = {};
    const removed: string[] = [];
    for (const [k, v] of Object.entries(override)) {
      if (v === undefined) removed.push(k);
      else params[k] = v;
    }
    const full = {
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name: 'Emulator test group',
      description: 'made by a test',
      rules_json: validRules,
      affiliate_ids_json: '["2","4"]',
      ...params,
    };
    for (const k of removed) delete (full as Record<string, string>)[k];
    const res = await call(full, 'POST');
    expect(res.status).toBe(200);
    expect(res.json.response.status).toBe(-1);
    // Recorded shape: the reason in err_msg (with attribute_name), a generic publicMessage.
    const messages = res.json.response.errors.map((e) => e.err_msg);
    expect(messages.some((m) => m?.startsWith(message))).toBe(true);
    expect(res.json.response.errorMessage).toBe('Could not create cashflow group.');
    for (const item of res.json.response.errors) {
      expect(item).toEqual({
        err_code: 3,
        err_msg: expect.any(String),
        attribute_name: expect.stringMatching(/^(name|description|rules_json|affiliate_ids_json)$/),
        publicMessage: 'Could not create cashflow group.',
      });
    }
    // Nothing was stored.
    const list = await call<GroupRecords>({
      Target: 'CashflowGroup',
      Method: 'findCashflowGroups',
    });
    expect(expectOk(list.json).records).toHaveLength(20);
  });

  it('reports every problem as its own item, each with its attribute', async () => {
    const res = await create({
      rules_json: JSON.stringify([
        { field: 'country', operator: 'IN', value: ['XX'], negate: 0 },
        { field: 'aff_sub1', operator: 'NOPE', value: ['a'], negate: 0 },
      ]),
    });
    expect(res.json.response.errors.map((e) => [e.attribute_name, e.err_msg])).toEqual([
      ['rules_json', "rules_json[0].value: country 'XX' is not an ISO 3166-1 alpha-2 code"],
      ['rules_json', expect.stringContaining("rules_json[1].operator: unknown operator 'NOPE'")],
    ]);
    const taken = await create({ name: 'Tier-1 countries' });
    expect(taken.json.response.errors[0]).toMatchObject({
      attribute_name: 'name',
      err_msg: "A cashflow group named 'Tier-1 countries' already exists",
    });
  });
});

describe('CashflowGroup::updateCashflowGroup', () => {
  it('replaces ALL rules and affiliates and moves `modified` on', async () => {
    const before = expectOk((await byId('2')).json);
    expect(before.rules.length).toBeGreaterThan(1);
    expect(before.affiliates.length).toBeGreaterThan(1);
    const res = await call<boolean>(
      {
        Target: 'CashflowGroup',
        Method: 'updateCashflowGroup',
        id: '2',
        name: 'DACH premium (renamed)',
        description: 'new text',
        rules_json: '[{"field":"source","operator":"ENDS_WITH","value":["_de"],"negate":0}]',
        affiliate_ids_json: '[]',
      },
      'POST',
    );
    expect(expectOk(res.json)).toBe(true);
    const after = expectOk((await byId('2')).json);
    expect(after).toMatchObject({
      name: 'DACH premium (renamed)',
      description: 'new text',
    });
    expect(after.rules.map(bare)).toEqual([
      { field: 'source', operator: 'ENDS_WITH', value: ['_de'], negate: '0' },
    ]);
    expect(after.affiliates).toEqual([]);
    expect(after.modified > before.modified).toBe(true);
  });

  it('keeps its own name, refuses another group’s name and an unknown id', async () => {
    const base2 = {
      Target: 'CashflowGroup',
      Method: 'updateCashflowGroup',
      rules_json: '[]',
      affiliate_ids_json: '[]',
    };
    expectOk((await call({ ...base2, id: '2', name: 'dach PREMIUM' }, 'POST')).json);
    expectFailure(
      (await call({ ...base2, id: '2', name: 'Tier-1 countries' }, 'POST')).json,
      "A cashflow group named 'Tier-1 countries' already exists",
    );
    expectFailure(
      (await call({ ...base2, id: '999', name: 'x' }, 'POST')).json,
      "'999' does not exist",
    );
    expectFailure(
      (await call({ ...base2, id: '3', name: 'x', rules_json: '[{}]' }, 'POST')).json,
      "rules_json[0]: missing key 'field'",
    );
  });
});

describe('CashflowGroup finds', () => {
  it('findCashflowGroupById answers an unknown id with status 1 and data null (recorded)', async () => {
    const missing = await byId('999');
    expect(missing.json.response).toEqual({
      status: 1,
      httpStatus: 200,
      data: null,
      errors: [],
      errorMessage: null,
    });
    expectFailure((await byId('abc')).json, 'Could not find cashflow group.');
    expect((await byId('abc')).json.response.errors[0]).toMatchObject({
      attribute_name: 'cashflow_group_id',
    });
  });

  it('findCashflowGroupById answers flat, not wrapped in {CashflowGroup}', async () => {
    const group = expectOk((await byId('2')).json);
    expect(Object.keys(group)).toEqual([
      'id',
      'name',
      'description',
      'modified',
      'affiliates',
      'rules',
    ]);
    expect(group.affiliates[0]).toMatchObject({ id: expect.any(String) });
  });

  it('findCashflowGroupUsage lists the active offers and goals using a group (shape guessed)', async () => {
    const usage = (id: string) =>
      call<{ offers: Record<string, string>[]; goals: Record<string, string>[] }>({
        Target: 'CashflowGroup',
        Method: 'findCashflowGroupUsage',
        cashflow_group_id: id,
      });
    // Group 2: offer 101 for revenue, 102 for payout, goal 501 for payout; paused 103/503 left out.
    expect(expectOk((await usage('2')).json)).toEqual({
      offers: [
        { id: '101', name: 'Forex starter CPA', status: 'active', uses: 'revenue' },
        { id: '102', name: 'Crypto deposit RevShare', status: 'active', uses: 'payout' },
      ],
      goals: [
        { id: '501', name: 'First deposit', offer_id: '101', status: 'active', uses: 'payout' },
      ],
    });
    expect(expectOk((await usage('20')).json)).toEqual({ offers: [], goals: [] });
    expectFailure((await usage('999')).json, "Cashflow group '999' does not exist");
    expectFailure((await usage('abc')).json, 'cashflow_group_id');
  });

  it('findCashflowGroups attaches rules and affiliate ids, limit ≤ 50', async () => {
    const res = await call<GroupRecords>({
      Target: 'CashflowGroup',
      Method: 'findCashflowGroups',
      attach_rules: '1',
      attach_affiliate_ids: '1',
      limit: '50',
      'sort[id]': 'asc',
    });
    const page = expectOk(res.json);
    expect(page).toMatchObject({ page: 1, current: 0, pageCount: 1, count: 20 });
    expect(Array.isArray(page.records)).toBe(true);
    const row = page.records.find((r) => r.id === '2')!;
    expect(row).toMatchObject({ id: '2', name: 'DACH premium' });
    expect(row.rules?.[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      cashflow_group_id: '2',
      field: 'country',
      operator: 'IN',
      value: ['DE', 'AT', 'CH'],
      negate: '0',
    });
    expect(row.affiliate_ids).toEqual(seed.groups[1]!.affiliateIds.map(String));

    for (const limit of ['51', undefined]) {
      const params: HoParams = {
        Target: 'CashflowGroup',
        Method: 'findCashflowGroups',
        attach_rules: '1',
      };
      if (limit) params.limit = limit;
      expectFailure((await call(params)).json, 'limit');
    }
    // Without attach, more than 50 is fine.
    expectOk(
      (await call({ Target: 'CashflowGroup', Method: 'findCashflowGroups', limit: '100' })).json,
    );
  });

  it('filters by exact name (case-insensitive), LIKE and id lists; sorts by name', async () => {
    const find = async (params: HoParams): Promise<GroupRow[]> =>
      expectOk(
        (
          await call<GroupRecords>({
            Target: 'CashflowGroup',
            Method: 'findCashflowGroups',
            ...params,
          })
        ).json,
      ).records;
    const ids = (rows: GroupRow[]) => rows.map((r) => r.id);
    expect(ids(await find({ 'filters[name]': 'dach premium' }))).toEqual(['2']);
    expect(await find({ 'filters[name]': 'dach' })).toEqual([]);
    const like = await find({ 'filters[name][LIKE]': '%mobile%' });
    expect(like.map((r) => r.name)).toEqual(['LATAM mobile']);
    expect(ids(await find({ 'filters[id][]': ['3', '5'] }))).toEqual(['3', '5']);
    expect(ids(await find({ 'filters[id]': '7' }))).toEqual(['7']);
    const sorted = await find({ 'sort[name]': 'desc' });
    const names = seed.groups
      .map((g) => g.name)
      .sort((a, b) => new Intl.Collator('en', { sensitivity: 'base' }).compare(b, a));
    expect(ids(sorted)).toEqual(
      names.map((n) => String(seed.groups.find((g) => g.name === n)!.id)),
    );
  });

  it('getCashflowRuleFieldDefinitions describes all 13 fields', async () => {
    const defs = expectOk(
      (
        await call<Record<string, { type: string; operators: string[]; values?: string[] }>>({
          Target: 'CashflowGroup',
          Method: 'getCashflowRuleFieldDefinitions',
        })
      ).json,
    );
    expect(Object.keys(defs)).toHaveLength(13);
    expect(defs.country!.type).toBe('enum');
    expect(defs.country!.values).toContain('DE');
    expect(defs.country!.values).not.toContain('XX');
    expect(defs.advanced_targeting_rule!.type).toBe('target_rule_id');
    expect(defs.aff_sub1).toMatchObject({
      type: 'string',
      operators: ['IN', 'IS', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH'],
    });
  });
});

describe('rate limit', () => {
  it('refuses the 51st call in 10 seconds with a status -1 "rate limit" answer', async () => {
    const limited = await startHasOffersEmulator();
    try {
      const find = () =>
        ho(limited.url, { Target: 'OfferTargeting', Method: 'findTargetRules', limit: '1' });
      for (let i = 0; i < 50; i += 1) expect((await find()).json.response.status).toBe(1);
      const refused = await find();
      expect(refused.status).toBe(200);
      expect(refused.json.response.status).toBe(-1);
      // The vendor's recorded wording (pyoffers' cassettes), `/` escaped on the wire.
      expect(refused.json.response.errorMessage).toBe(
        'API usage exceeded rate limit.  Configured: 50/10s window; Your usage: 51.  See https://help.tune.com/hasoffers/rate-limit-error/ for guidance.',
      );
      expect(refused.json.response.errors).toEqual([
        { publicMessage: refused.json.response.errorMessage },
      ]);
      expect(refused.text).toContain('50\\/10s window');
      // Control calls are not rate-limited; reset clears the window.
      const ctl = createControlClient(limited.url);
      await ctl.reset();
      expect((await find()).json.response.status).toBe(1);
    } finally {
      await limited.close();
    }
  });

  it('follows a configured limit and lets calls through once the window has passed', async () => {
    const limited = await startHasOffersEmulator();
    try {
      const ctl = createControlClient<HasOffersConfig>(limited.url);
      expect(await ctl.config({ rateLimit: { calls: 3, windowMs: 300 } })).toEqual({
        rateLimit: { calls: 3, windowMs: 300 },
      });
      const find = () =>
        ho(limited.url, { Target: 'Affiliate', Method: 'findList', 'filters[id]': '2' });
      for (let i = 0; i < 3; i += 1) expect((await find()).json.response.status).toBe(1);
      expect((await find()).json.response.errorMessage).toContain('rate limit');
      await sleep(400);
      expect((await find()).json.response.status).toBe(1);
    } finally {
      await limited.close();
    }
  });
});

describe('request echo', () => {
  it('echoes every parameter as received, nested as PHP reads it', async () => {
    const search = hoSearch({
      NetworkToken: TOKEN,
      Target: 'Affiliate',
      Method: 'findAll',
      'filters[OR][company][LIKE]': '%a%',
      'filters[OR][id]': '7',
      'fields[]': ['id', 'company'],
      'sort[company]': 'asc',
      limit: '5',
      page: '2',
    });
    const res = await requestJson<HoEnvelope>(`${base}/Apiv3/json?${search.toString()}`);
    expect(res.json.request).toMatchObject({
      filters: { OR: { company: { LIKE: '%a%' }, id: '7' } },
      fields: ['id', 'company'],
      sort: { company: 'asc' },
      limit: '5',
      page: '2',
    });
  });
});

describe('recorded shapes (pyoffers cassettes, api-notes.md §2)', () => {
  it('echoes Target, Format, Service, Version, NetworkToken, NetworkId, Method, then the params', async () => {
    const res = await call({ Target: 'Affiliate', Method: 'findAll', 'filters[id]': '2' });
    expect(Object.keys(res.json.request)).toEqual([
      'Target',
      'Format',
      'Service',
      'Version',
      'NetworkToken',
      'NetworkId',
      'Method',
      'filters',
    ]);
    expect(res.json.request).toMatchObject({
      Format: 'json',
      Service: 'HasOffers',
      Version: '2',
      filters: { id: '2' },
    });
  });

  it('escapes / as \\/ like PHP json_encode, and the text still parses to the same value', async () => {
    const res = await call({
      Target: 'Affiliate',
      Method: 'findAll',
      'filters[website][LIKE]': 'https://%',
    });
    expect(res.text).toContain('"LIKE":"https:\\/\\/%"');
    expect(res.text).not.toMatch(/[^\\]\//);
    expect(res.json.request).toMatchObject({ filters: { website: { LIKE: 'https://%' } } });
  });

  it('API-level failures carry only publicMessage (unknown method, bad filter)', async () => {
    const res = await call({ Target: 'Affiliate', Method: 'deleteAll' });
    expect(res.json.response.errors).toEqual([
      { publicMessage: "Method 'deleteAll' does not exist on target 'Affiliate'" },
    ]);
    expect(res.json.response.data).toBe('');
  });

  it('findCashflowGroups: just {records} without limit/page, the page keys with them', async () => {
    const plain = await call<GroupRecords>({
      Target: 'CashflowGroup',
      Method: 'findCashflowGroups',
      'filters[name]': 'DACH premium',
    });
    expect(Object.keys(expectOk(plain.json))).toEqual(['records']);
    expect(expectOk(plain.json).records.map((r) => r.id)).toEqual(['2']);
    const paged = await call<GroupRecords>({
      Target: 'CashflowGroup',
      Method: 'findCashflowGroups',
      limit: '5',
    });
    expect(Object.keys(expectOk(paged.json))).toEqual([
      'page',
      'current',
      'count',
      'pageCount',
      'records',
    ]);
  });

  it('a wrong-network-id fault answers the recorded envelope, verbatim', async () => {
    await createControlClient(base).fault({ fault: 'wrong-network-id' });
    const res = await call({ Target: 'Affiliate', Method: 'findAll' });
    expect(res.status).toBe(200);
    expect(res.text).toBe(
      '{"response":{"errors":{"publicMessage":"Network id is not valid"},"link":"http:\\/\\/developers.hasoffers.com\\/"}}',
    );
    // Only the armed call.
    expect((await call({ Target: 'Affiliate', Method: 'findAll' })).json.response.status).toBe(1);
  });
});
