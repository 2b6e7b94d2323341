// CashflowGroup::findCashflowGroups page after page, for questions the upstream cannot filter
// (which groups name an affiliate, use a field, target a country): read, then filter here.
import { queryOptions } from '@tanstack/react-query';
import { passesListFilters } from '../model/list-filters';
import { LIST_MAX_LIMIT, type ListView } from '../model/list-view';
import {
  listCashflowGroups,
  resort,
  type CashflowGroupListPage,
  type CashflowGroupListRow,
} from './list-cashflow-groups';

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

/**
 * The scan with some groups' rows replaced by states known without reading them again (null: the
 * group is gone). After a bulk write this is what the page needs: reading the scan again would
 * cost up to 20 calls of the network's shared 50 per 10 s to learn what the writes already say.
 */
export function withKnownRows(
  scan: GroupScan,
  known: ReadonlyMap<string, CashflowGroupListRow | null>,
): GroupScan {
  if (known.size === 0) return scan;
  let removed = 0;
  const rows: CashflowGroupListRow[] = [];
  for (const row of scan.rows) {
    const next = known.has(row.id) ? known.get(row.id) : row;
    if (next) rows.push(next);
    else removed += 1;
  }
  return { ...scan, rows, count: Math.max(scan.count - removed, rows.length) };
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

export interface FilteredListPage extends CashflowGroupListPage {
  /** Set when the filters saw only the first groups: how many were read. */
  readOnly?: number;
}

/** One page of the list from a scan, filtered, sorted and paged here (see passesListFilters). */
export function filteredListPage(scan: GroupScan, view: ListView): FilteredListPage {
  const matched = resort(
    scan.rows.filter((r) => passesListFilters(r, view)),
    view.sort,
  );
  const start = (view.page - 1) * view.limit;
  return {
    rows: matched.slice(start, start + view.limit),
    page: view.page,
    pageCount: Math.max(1, Math.ceil(matched.length / view.limit)),
    count: matched.length,
    ...(!scan.complete && { readOnly: scan.rows.length }),
  };
}
