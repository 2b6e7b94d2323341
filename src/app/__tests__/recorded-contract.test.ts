// Contract tests: the client's parsers over EVERY answer in fixtures/recorded/ (real recordings,
// or shapes as their sources describe them), asserting what each one yields.
import { z } from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import { normalisePage, readEnvelope } from '@/lib/hasoffers';
import { affiliateRowSchema } from '@/lib/hasoffers-affiliates';
import { cashflowGroupRowSchema } from '@/features/cashflow-groups/api/find-cashflow-groups';
import { cashflowGroupDetailSchema } from '@/features/cashflow-groups/api/get-cashflow-group';
import { createdSchema } from '@/features/cashflow-groups/api/create-cashflow-group';
import { cashflowGroupListPageSchema } from '@/features/cashflow-groups/api/list-cashflow-groups';
import { hoPage } from '@/lib/hasoffers-rows';
import { classifyCreateError } from '@/features/cashflow-groups/api/classify-create-error';
import { readRebateGroupList } from '@/features/rebate-groups/api/schemas';
import * as hasoffers from '../../../fixtures/recorded/hasoffers';
import * as exness from '../../../fixtures/recorded/exness';
import type { RecordedAnswer } from '../../../fixtures/recorded/recorded';

function refusal(answer: RecordedAnswer): ApiError {
  try {
    readEnvelope(answer.json, z.unknown());
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('the answer was read as a success');
}

/** Rows' ids of a find* answer, read as the page normaliser sees it. */
const pageOf = (a: RecordedAnswer) =>
  readEnvelope(a.json, z.pipe(z.unknown(), z.transform(normalisePage)));
const rowIds = (rows: unknown[]) =>
  rows.map((r) => {
    const inner = Object.values(r as Record<string, unknown>)[0];
    return (r as { id?: string }).id ?? (inner as { id: string }).id;
  });

const hasOffersChecks: Record<keyof typeof hasoffers, (a: RecordedAnswer) => void> = {
  affiliateFindAllPaginated: (a) => {
    const page = readEnvelope(a.json, hoPage(affiliateRowSchema));
    expect(page).toMatchObject({ page: 1, pageCount: 22, count: 43 });
    expect(page.rows.map((r) => [r.id, r.company, r.status, r.country])).toEqual([
      ['22', 'A.Anikeev Inc', 'deleted', 'USA'],
      ['24', 'A.Anikeev Inc', 'deleted', 'USA'],
    ]);
  },
  conversionFindAllPaginatedEmpty: (a) =>
    expect(pageOf(a)).toEqual({ rows: [], page: 1, pageCount: 0, count: 0 }),
  offerFilesWithoutPage: (a) => {
    const page = pageOf(a);
    expect(page).toMatchObject({ page: 1, pageCount: 1, count: 1 });
    expect(rowIds(page.rows)).toEqual(['2']);
  },
  tagRelationsWithoutPageCount: (a) => {
    const page = pageOf(a);
    expect(page).toMatchObject({ page: 1, pageCount: 1, count: 1 });
    expect(rowIds(page.rows)).toEqual(['2']);
  },
  tagRelationsWithoutPageCountEmpty: (a) =>
    expect(pageOf(a)).toEqual({ rows: [], page: 1, pageCount: 0, count: 0 }),
  affiliateUserFindAllEmpty: (a) =>
    expect(pageOf(a)).toEqual({ rows: [], page: 1, pageCount: 0, count: 0 }),
  affiliateFindByIdMissing: (a) => expect(readEnvelope(a.json, z.unknown())).toBeNull(),
  affiliateUpdateValidationError: (a) => {
    const e = refusal(a);
    expect(e).toMatchObject({
      kind: 'upstream',
      message: 'Status must be one of: pending, active, blocked, deleted, rejected',
      field: 'status',
    });
    expect(e.fieldErrors).toEqual({
      status: ['Status must be one of: pending, active, blocked, deleted, rejected'],
    });
  },
  advertiserUpdateValidationError: (a) =>
    expect(refusal(a)).toMatchObject({
      kind: 'upstream',
      message: 'Account_manager_id is not valid.',
      field: 'account_manager_id',
    }),
  offerRateLimited: (a) => {
    const e = refusal(a);
    expect(e.kind).toBe('rate-limit');
    expect(e.isTransient).toBe(true);
    expect(e.message).toContain('API usage exceeded rate limit');
  },
  wrongNetworkId: (a) => {
    const e = refusal(a);
    expect(e).toMatchObject({ kind: 'upstream', code: 'UpstreamMisconfigured' });
    expect(e.message).toContain('Network id is not valid');
    expect(e.message).toContain('HASOFFERS_NETWORK_ID');
    expect(e.message).toContain('HASOFFERS_API_URL');
    expect(e.message).not.toMatch(/unexpected form/);
    expect(e.isTransient).toBe(false);
  },
  wrongNetworkToken: (a) => {
    const e = refusal(a);
    expect(e).toMatchObject({ kind: 'upstream', code: 'UpstreamMisconfigured' });
    expect(e.message).toContain('HASOFFERS_NETWORK_TOKEN');
    // The token the answer repeats is not shown.
    expect(e.message).not.toContain('NETWORK_TOKEN_PLACEHOLDER');
  },
  cashflowGroupsRecords: (a) => {
    const page = readEnvelope(a.json, hoPage(cashflowGroupRowSchema));
    expect(page.rows.map((r) => [r.id, r.name])).toEqual([['7', 'DE mobile']]);
    expect(page).toMatchObject({ page: 1, pageCount: 1, count: 1 });
  },
  cashflowGroupsRecordsPaginated: (a) => {
    const page = readEnvelope(a.json, cashflowGroupListPageSchema);
    expect(page).toMatchObject({ page: 1, pageCount: 2, count: 3 });
    expect(page.rows.map((r) => [r.id, r.name, r.rules, r.affiliateIds])).toEqual([
      ['7', 'DE mobile', [], []],
      ['9', 'FR mobile', [], []],
    ]);
  },
  cashflowGroupsRecordsEmpty: (a) =>
    expect(readEnvelope(a.json, hoPage(cashflowGroupRowSchema))).toEqual({
      rows: [],
      page: 1,
      pageCount: 0,
      count: 0,
    }),
  cashflowGroupByIdFlat: (a) => {
    const group = readEnvelope(a.json, cashflowGroupDetailSchema('7'));
    expect(group).toMatchObject({
      id: '7',
      form: {
        name: 'DE mobile',
        description: 'German mobile traffic',
        affiliateMode: 'selected',
        affiliateIds: ['2', '4'],
        rules: [
          { field: 'country', operator: 'IN', values: ['DE', 'AT'], negate: false },
          { field: 'aff_sub2', operator: 'IN', values: ['AFF_SUB_2_VALUE'], negate: true },
        ],
      },
      affiliateNames: { '2': 'Acme Media', '4': 'Blue Leads' },
    });
  },
  cashflowGroupByIdMissing: (a) =>
    expect(readEnvelope(a.json, cashflowGroupDetailSchema('999'))).toBeNull(),
  cashflowGroupCreated: (a) => expect(readEnvelope(a.json, createdSchema)).toBe('15'),
  cashflowGroupCreateNameTaken: (a) => {
    const e = refusal(a);
    expect(e).toMatchObject({ message: 'Name must be unique.', field: 'name' });
    expect(classifyCreateError(e)).toEqual({
      step: 'details',
      field: 'name',
      message: 'Name must be unique.',
    });
  },
};

const exnessChecks: Record<keyof typeof exness, (a: RecordedAnswer) => void> = {
  rebateGroupsDocumented: (a) => {
    const list = readRebateGroupList(a.json);
    expect(list.totals).toEqual({ count: 237, clients: 5120 });
    expect(list.data[0]).toMatchObject({
      id: 17,
      clients_count: 42,
      rebate_percent: 35.5,
      rebate_size: { min: 0, max: 60 },
      rebate_period_value: 1,
    });
  },
  rebateGroupsDecimalStrings: (a) => {
    const list = readRebateGroupList(a.json);
    expect(list.data.map((g) => [g.id, g.rebate_percent, g.rebate_size])).toEqual([
      [17, 35.5, { min: 0, max: 60 }],
      [18, 10, { min: 0, max: 25.25 }],
    ]);
    expect(list.data[1]).toMatchObject({ rebate_period_value: null, link_code: '' });
  },
  rebateGroupsAllStrings: (a) => {
    const list = readRebateGroupList(a.json);
    const documented = readRebateGroupList(exness.rebateGroupsDocumented.json);
    // The same group with every number as a string: the same numbers (partner_uid is ours).
    expect(list).toEqual({
      ...documented,
      data: documented.data.map((g) => ({ ...g, partner_uid: 'p-1' })),
    });
  },
  rebateGroupsEmpty: (a) =>
    expect(readRebateGroupList(a.json)).toEqual({ data: [], totals: { count: 0, clients: 0 } }),
};

describe('every recorded HasOffers answer', () => {
  it.each(Object.entries(hasoffers))('%s', (name, answer) => {
    const check = hasOffersChecks[name as keyof typeof hasoffers];
    expect(check, `no expectation for fixture ${name}`).toBeTypeOf('function');
    expect(answer.source).not.toBe('');
    check(answer);
  });
});

describe('every recorded Exness answer', () => {
  it.each(Object.entries(exness))('%s', (name, answer) => {
    const check = exnessChecks[name as keyof typeof exness];
    expect(check, `no expectation for fixture ${name}`).toBeTypeOf('function');
    check(answer);
  });
});

describe('a refusal routed by attribute_name', () => {
  const withAttribute = (attribute: string) =>
    new ApiError({
      kind: 'upstream',
      message: 'Something is wrong.',
      details: ['Something is wrong.'],
      field: attribute,
      fieldErrors: { [attribute]: ['Something is wrong.'] },
    });
  it.each([
    ['name', { step: 'details', field: 'name' }],
    ['description', { step: 'details', field: 'description' }],
    ['rules_json', { step: 'rules' }],
    ['affiliate_ids_json', { step: 'affiliates', field: 'affiliateIds' }],
  ])('%s', (attribute, place) => {
    expect(classifyCreateError(withAttribute(attribute))).toEqual({
      ...place,
      message: 'Something is wrong.',
    });
  });
});
