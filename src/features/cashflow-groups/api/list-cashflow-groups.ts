// CashflowGroup::findCashflowGroups for the list page: one page of groups with their rules and
// affiliate ids attached, read through the same fromPayload the import uses.
import { z } from 'zod/mini';
import { callHasOffers, normalisePage, type PhpValue } from '@/lib/hasoffers';
import {
  formatImportError,
  fromPayload,
  type ListSort,
  type ListView,
  type RuleForm,
} from '../model';
import { hoId, hoText, likeContaining, sortRowsBy, unwrapRow } from '@/lib/hasoffers-rows';

export interface CashflowGroupListRow {
  id: string;
  name: string;
  description: string;
  modified: string;
  /** Undefined when the stored rules could not be read (the reason is in `problem`). */
  rules?: RuleForm[];
  affiliateIds: string[];
  problem?: string;
}

export interface CashflowGroupListPage {
  rows: CashflowGroupListRow[];
  page: number;
  pageCount: number;
  count: number;
}

const groupColumns = z.looseObject({
  id: hoId,
  name: hoText,
  description: hoText,
  modified: hoText,
});

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{CashflowGroup: {...}, rules, affiliate_ids}`: the columns and the attached lists. */
const listRow = z.transform((raw: unknown, ctx): CashflowGroupListRow => {
  const columns = groupColumns.safeParse(unwrapRow(raw, 'CashflowGroup'));
  if (!columns.success) {
    ctx.issues.push({ code: 'custom', message: 'not a cashflow group row', input: raw });
    return z.NEVER;
  }
  const { id, name, description, modified } = columns.data;
  const attached = isRecord(raw) ? raw : {};
  const read = fromPayload({
    rules: attached.rules ?? [],
    affiliate_ids: attached.affiliate_ids ?? [],
  });
  if (!read.ok) {
    const first = read.errors[0];
    return {
      id,
      name,
      description,
      modified,
      affiliateIds: [],
      problem: first ? formatImportError(first) : 'The stored rules could not be read.',
    };
  }
  return { id, name, description, modified, rules: read.rules, affiliateIds: read.affiliateIds };
});

export const cashflowGroupListPageSchema = z.pipe(
  z.pipe(z.unknown(), z.transform(normalisePage)),
  z.object({
    rows: z.array(listRow),
    page: z.number(),
    pageCount: z.number(),
    count: z.number(),
  }),
);

const SORT_PARAM: Record<ListSort, Record<string, string>> = {
  name: { name: 'asc' },
  '-name': { name: 'desc' },
  id: { id: 'asc' },
  '-id': { id: 'desc' },
};

export function listParams(view: ListView): Record<string, PhpValue> {
  const q = view.q.trim();
  return {
    ...(q && { filters: { name: { LIKE: likeContaining(q) } } }),
    sort: SORT_PARAM[view.sort],
    limit: view.limit,
    page: view.page,
    attach_rules: 1,
    attach_affiliate_ids: 1,
  };
}

/** The server sorted, but JSON.parse reordered the id-keyed rows: sort them again the same way. */
export function resort(rows: CashflowGroupListRow[], sort: ListSort): CashflowGroupListRow[] {
  const key = sort.replace('-', '') as 'name' | 'id';
  const asc = sortRowsBy(rows, key);
  return sort.startsWith('-') ? asc.reverse() : asc;
}

export async function listCashflowGroups(
  view: ListView,
  signal?: AbortSignal,
): Promise<CashflowGroupListPage> {
  const page = await callHasOffers('CashflowGroup', 'findCashflowGroups', listParams(view), {
    schema: cashflowGroupListPageSchema,
    ...(signal && { signal }),
  });
  return { ...page, rows: resort(page.rows, view.sort) };
}
