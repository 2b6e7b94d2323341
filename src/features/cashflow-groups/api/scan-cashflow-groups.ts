// CashflowGroup::findCashflowGroups page after page, for questions the upstream cannot filter
// (which groups name an affiliate, use a field, target a country): read, then filter here.
import { queryOptions } from '@tanstack/react-query';
import { LIST_MAX_LIMIT } from '../model/list-view';
import { listCashflowGroups, type CashflowGroupListRow } from './list-cashflow-groups';

/** 20 pages of 50: enough for the networks we know, and at most 20 of the 50 calls per 10 s. */
export const SCAN_MAX_GROUPS = 1000;

export interface GroupScan {
  rows: CashflowGroupListRow[];
  /** How many groups the network has (the first page's count). */
  count: number;
  /** False when the network has more groups than were read: filters saw only `rows`. */
  complete: boolean;
}

export async function scanCashflowGroups(
  signal?: AbortSignal,
  maxGroups = SCAN_MAX_GROUPS,
): Promise<GroupScan> {
  const rows: CashflowGroupListRow[] = [];
  let count = 0;
  let pageCount = 1;
  // One page after another, never in parallel: the 50-calls-per-10-s budget is shared by every
  // user of the network. Sorted by id so pages stay stable while someone adds a group.
  for (let page = 1; page <= pageCount && rows.length < maxGroups; page += 1) {
    const limit = Math.min(LIST_MAX_LIMIT, maxGroups - rows.length);
    const answer = await listCashflowGroups({ q: '', sort: 'id', page, limit }, signal);
    rows.push(...answer.rows);
    count = answer.count;
    pageCount = answer.pageCount;
    if (answer.rows.length === 0) break;
  }
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  return { rows: unique, count: Math.max(count, unique.length), complete: unique.length >= count };
}

export const groupScanKeys = {
  all: ['cashflow-groups', 'scan'] as const,
};

export const groupScanQueries = {
  /** Every group (up to SCAN_MAX_GROUPS) with rules and affiliate ids. */
  all: () =>
    queryOptions({
      queryKey: groupScanKeys.all,
      queryFn: ({ signal }) => scanCashflowGroups(signal),
      staleTime: 30_000,
    }),
};
