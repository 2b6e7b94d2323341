// The API layer against an msw HasOffers: the exact parameters sent, and answers → values or ApiErrors.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { toPayload } from '../../model';
import { createCashflowGroup } from '../create-cashflow-group';
import { findAffiliatesByIds, searchAffiliates } from '@/lib/hasoffers-affiliates';
import { findGroupsByName } from '../find-cashflow-groups';
import { findTargetRules } from '../find-target-rules';
import { getFieldDefinitions } from '../get-field-definitions';
import { affiliateQueries, cashflowGroupQueries } from '../queries';
import { envelope, failure, hasOffersServer } from './hasoffers-server';

const ho = hasOffersServer();
beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => ho.reset());
afterAll(() => ho.server.close());

const entries = (p: URLSearchParams) => [...p];

describe('createCashflowGroup', () => {
  const payload = toPayload({
    rules: [{ field: 'aff_sub2', operator: 'IN', values: ['AFF_SUB_2_VALUE'], negate: false }],
    affiliateMode: 'all',
    affiliateIds: [],
  });

  it('sends a form-encoded POST with the four parameters and the Idempotency-Key', async () => {
    ho.answerWith(() => envelope('41'));
    const result = await createCashflowGroup(
      { name: '  EU traffic ', description: 'Only EU', payload },
      { idempotencyKey: 'key-123' },
    );
    expect(result).toEqual({ id: '41' });
    const call = ho.calls[0];
    expect(ho.calls).toHaveLength(1);
    expect(call?.method).toBe('POST');
    expect(call?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(call?.headers.get('idempotency-key')).toBe('key-123');
    expect(entries(call?.params ?? new URLSearchParams())).toEqual([
      ['Target', 'CashflowGroup'],
      ['Method', 'createCashflowGroup'],
      ['name', 'EU traffic'],
      ['description', 'Only EU'],
      [
        'rules_json',
        '[{"field":"aff_sub2","operator":"IN","value":["AFF_SUB_2_VALUE"],"negate":0}]',
      ],
      ['affiliate_ids_json', '[]'],
    ]);
    // No token ever leaves the browser: the BFF adds it.
    expect(call?.params.has('NetworkToken')).toBe(false);
  });

  it.each([
    ['a bare number', 41, '41'],
    ['a wrapped row', { CashflowGroup: { id: '41', name: 'x' } }, '41'],
    ['a flat row', { id: 41 }, '41'],
  ])('reads the new id from %s', async (_name, data, id) => {
    ho.answerWith(() => envelope(data));
    await expect(
      createCashflowGroup({ name: 'x', description: '', payload }, { idempotencyKey: 'k' }),
    ).resolves.toEqual({ id });
  });

  it('turns a status:-1 answer into an upstream ApiError with the API texts', async () => {
    ho.answerWith(() =>
      failure("A cashflow group named 'EU' already exists", [
        "A cashflow group named 'EU' already exists",
        "rules_json[0].value: country 'XX' is not an ISO 3166-1 alpha-2 code",
      ]),
    );
    const err = await createCashflowGroup(
      { name: 'EU', description: '', payload },
      { idempotencyKey: 'k' },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('upstream');
    expect((err as ApiError).message).toBe("A cashflow group named 'EU' already exists");
    expect((err as ApiError).details).toHaveLength(2);
  });

  it('reports a rate-limit answer as such', async () => {
    ho.answerWith(() => failure('API rate limit exceeded'));
    const err = await createCashflowGroup(
      { name: 'EU', description: '', payload },
      { idempotencyKey: 'k' },
    ).catch((e: unknown) => e);
    expect((err as ApiError).kind).toBe('rate-limit');
  });

  it('refuses an answer without an id as invalid-response', async () => {
    ho.answerWith(() => envelope(true));
    const err = await createCashflowGroup(
      { name: 'EU', description: '', payload },
      { idempotencyKey: 'k' },
    ).catch((e: unknown) => e);
    expect((err as ApiError).kind).toBe('invalid-response');
  });
});

describe('findGroupsByName and nameCheck', () => {
  it('filters by the trimmed name with a GET', async () => {
    ho.answerWith(() => envelope([]));
    await findGroupsByName('  Acme  ');
    const call = ho.calls[0];
    expect(call?.method).toBe('GET');
    expect(call?.params.get('Target')).toBe('CashflowGroup');
    expect(call?.params.get('Method')).toBe('findCashflowGroups');
    expect(call?.params.get('filters[name]')).toBe('Acme');
  });

  it('reads id-keyed and paginated answers', async () => {
    ho.answerWith(() =>
      envelope({ '7': { CashflowGroup: { id: '7', name: 'Acme', description: null } } }),
    );
    await expect(findGroupsByName('Acme')).resolves.toEqual([
      { id: '7', name: 'Acme', description: '' },
    ]);
    ho.answerWith(() =>
      envelope({
        page: '1',
        pageCount: '1',
        count: '1',
        data: { '7': { CashflowGroup: { id: 7, name: 'Acme', description: 'd' } } },
      }),
    );
    await expect(findGroupsByName('Acme')).resolves.toEqual([
      { id: '7', name: 'Acme', description: 'd' },
    ]);
  });

  it('nameCheck compares case-insensitively and gives the id', async () => {
    ho.answerWith(() =>
      envelope({ '7': { CashflowGroup: { id: '7', name: 'ACME ', description: null } } }),
    );
    const client = new QueryClient();
    const options = cashflowGroupQueries.nameCheck(' acme ');
    expect(options.queryKey).toEqual(['cashflow-groups', 'name-check', 'acme']);
    await expect(client.fetchQuery(options)).resolves.toEqual({ taken: true, id: '7' });
    ho.answerWith(() => envelope([]));
    await expect(client.fetchQuery(cashflowGroupQueries.nameCheck('other'))).resolves.toEqual({
      taken: false,
    });
  });
});

describe('findTargetRules', () => {
  it('searches names with LIKE, and ids too for digits; 50 by name', async () => {
    ho.answerWith(() =>
      envelope({ '79': { TargetRule: { id: '79', name: 'EU traffic', description: null } } }),
    );
    await expect(findTargetRules('79')).resolves.toEqual([
      { id: '79', name: 'EU traffic', description: '' },
    ]);
    expect(entries(ho.calls[0]?.params ?? new URLSearchParams())).toEqual([
      ['Target', 'OfferTargeting'],
      ['Method', 'findTargetRules'],
      ['filters[OR][name][LIKE]', '%79%'],
      ['filters[OR][id]', '79'],
      ['sort[name]', 'asc'],
      ['limit', '50'],
    ]);
    await findTargetRules(' EU ');
    expect(ho.calls[1]?.params.get('filters[name][LIKE]')).toBe('%EU%');
    expect(ho.calls[1]?.params.has('filters[OR][id]')).toBe(false);
    await findTargetRules('');
    expect([...(ho.calls[2]?.params.keys() ?? [])].some((k) => k.startsWith('filters'))).toBe(
      false,
    );
  });
});

describe('affiliates', () => {
  it('search sends fields, sort, limit, page and an OR filter for digits', async () => {
    ho.answerWith(() =>
      envelope({
        page: 2,
        pageCount: '3',
        count: '45',
        data: {
          '12': { Affiliate: { id: '12', company: 'Acme 12', status: 'active', country: 'DE' } },
        },
      }),
    );
    const page = await searchAffiliates({ search: '12', page: 2 });
    expect(page).toEqual({
      rows: [{ id: '12', company: 'Acme 12', status: 'active', country: 'DE' }],
      page: 2,
      pageCount: 3,
      count: 45,
    });
    expect(entries(ho.calls[0]?.params ?? new URLSearchParams())).toEqual([
      ['Target', 'Affiliate'],
      ['Method', 'findAll'],
      ['filters[OR][company][LIKE]', '%12%'],
      ['filters[OR][id]', '12'],
      ['fields[]', 'id'],
      ['fields[]', 'company'],
      ['fields[]', 'status'],
      ['fields[]', 'country'],
      ['sort[company]', 'asc'],
      ['limit', '20'],
      ['page', '2'],
    ]);
  });

  it('search by text filters company only; an empty answer is an empty page', async () => {
    ho.answerWith(() => envelope([]));
    await expect(searchAffiliates({ search: 'acme', page: 1 })).resolves.toEqual({
      rows: [],
      page: 1,
      pageCount: 0,
      count: 0,
    });
    expect(ho.calls[0]?.params.get('filters[company][LIKE]')).toBe('%acme%');
    expect(ho.calls[0]?.params.has('filters[OR][id]')).toBe(false);
  });

  it('search restores the company order that JSON.parse loses on id-keyed rows', async () => {
    // The server sends rows sorted by company, keyed by id; parsing reorders them by id.
    const row = (id: string, company: string) => ({
      Affiliate: { id, company, status: 'active', country: 'DE' },
    });
    ho.answerWith(() => ({
      ...envelope({
        page: 1,
        pageCount: 1,
        count: 3,
        data: { '30': row('30', 'Alpha'), '4': row('4', 'beta'), '12': row('12', 'Gamma') },
      }),
    }));
    const page = await searchAffiliates({ search: '', page: 1 });
    expect(page.rows.map((r) => r.company)).toEqual(['Alpha', 'beta', 'Gamma']);
  });

  it('target rules come back sorted by name whatever the key order', async () => {
    const row = (id: string, name: string) => ({ TargetRule: { id, name, description: '' } });
    ho.answerWith(() => envelope({ '70': row('70', 'Zeta'), '71': row('71', 'Alpha') }));
    expect((await findTargetRules('')).map((r) => r.name)).toEqual(['Alpha', 'Zeta']);
  });

  it('byIds asks with filters[id][] and lists unknown ids', async () => {
    ho.answerWith(() =>
      envelope({
        '2': { Affiliate: { id: '2', company: 'Acme', status: 'active', country: 'US' } },
      }),
    );
    const result = await findAffiliatesByIds(['2', '99']);
    expect(ho.calls[0]?.params.getAll('filters[id][]')).toEqual(['2', '99']);
    expect(result).toEqual({
      found: { '2': { id: '2', company: 'Acme', status: 'active', country: 'US' } },
      unknown: ['99'],
    });
  });

  it('byIds splits long lists into calls of 100 ids', async () => {
    ho.answerWith(() => envelope([]));
    const ids = Array.from({ length: 250 }, (_, i) => String(i + 1));
    const result = await findAffiliatesByIds(ids);
    expect(ho.calls.map((c) => c.params.getAll('filters[id][]').length)).toEqual([100, 100, 50]);
    expect(result.unknown).toHaveLength(250);
  });

  it('byIds keys are order-independent', () => {
    expect(affiliateQueries.byIds(['4', '2']).queryKey).toEqual(
      affiliateQueries.byIds(['2', '4', '2']).queryKey,
    );
  });

  it('an answer of the wrong shape is an invalid-response ApiError', async () => {
    ho.answerWith(() => envelope({ '2': { Affiliate: { id: 'abc', company: 'x' } } }));
    const err = await findAffiliatesByIds(['2']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('invalid-response');
  });
});

describe('getFieldDefinitions', () => {
  it('passes the undocumented shape through', async () => {
    const defs = { country: { type: 'enum', values: ['DE'] } };
    ho.answerWith(() => envelope(defs));
    await expect(getFieldDefinitions()).resolves.toEqual(defs);
    expect(ho.calls[0]?.params.get('Method')).toBe('getCashflowRuleFieldDefinitions');
  });
});
