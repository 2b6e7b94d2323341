// The cashflow groups list's view (search, sort, page, page size) and its URL form: parse,
// validate, default and write back, keeping params that belong to someone else.
export const LIST_SORTS = ['name', '-name', 'id', '-id'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** findCashflowGroups allows at most 50 rows when rules and affiliates are attached. */
export const LIST_PAGE_SIZES = [10, 20, 50] as const;
export const LIST_MAX_LIMIT = 50;
export const LIST_DEFAULT_LIMIT = 20;
export const LIST_DEFAULT_SORT: ListSort = 'name';
export const LIST_MAX_QUERY_LENGTH = 100;
/** Far beyond any real network; keeps a hand-typed page from becoming a silly request. */
export const LIST_MAX_PAGE = 100_000;

export interface ListView {
  q: string;
  sort: ListSort;
  page: number;
  limit: number;
}

export interface ParsedListView {
  view: ListView;
  /** Short sentences about what was dropped or corrected; empty for a clean URL. */
  notices: string[];
}

export function defaultListView(): ListView {
  return { q: '', sort: LIST_DEFAULT_SORT, page: 1, limit: LIST_DEFAULT_LIMIT };
}

function quote(s: string): string {
  return `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;
}

function isListSort(s: string): s is ListSort {
  return (LIST_SORTS as readonly string[]).includes(s);
}

const DIGITS = /^\d{1,9}$/;

export function parseListView(params: URLSearchParams): ParsedListView {
  const notices: string[] = [];
  const view = defaultListView();

  const q = params.get('q');
  if (q !== null) {
    const trimmed = q.trim();
    if (trimmed.length > LIST_MAX_QUERY_LENGTH) {
      notices.push(`Shortened the search to ${LIST_MAX_QUERY_LENGTH} characters.`);
      view.q = trimmed.slice(0, LIST_MAX_QUERY_LENGTH);
    } else {
      view.q = trimmed;
    }
  }

  const sort = params.get('sort');
  if (sort !== null && sort.trim() !== '') {
    if (isListSort(sort.trim())) view.sort = sort.trim() as ListSort;
    else notices.push(`Ignored the sort ${quote(sort)}: sort by name or ID.`);
  }

  const limit = params.get('limit');
  if (limit !== null && limit.trim() !== '') {
    const n = DIGITS.test(limit.trim()) ? Number(limit) : NaN;
    if (!(n >= 1)) {
      notices.push(
        `Ignored the page size ${quote(limit)}: showing ${LIST_DEFAULT_LIMIT} per page.`,
      );
    } else if (n > LIST_MAX_LIMIT) {
      notices.push(`Page size ${n} is above the maximum: showing ${LIST_MAX_LIMIT} per page.`);
      view.limit = LIST_MAX_LIMIT;
    } else {
      view.limit = n;
    }
  }

  const page = params.get('page');
  if (page !== null && page.trim() !== '') {
    const n = DIGITS.test(page.trim()) ? Number(page) : NaN;
    if (!(n >= 1 && n <= LIST_MAX_PAGE)) {
      notices.push(`Ignored the page ${quote(page)}: showing the first page.`);
    } else {
      view.page = n;
    }
  }
  return { view, notices };
}

const OWN_KEYS = new Set(['q', 'sort', 'page', 'limit']);

/** The view → search params, starting from `base` so unknown params survive; defaults omitted. */
export function writeListView(
  view: ListView,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of base) if (!OWN_KEYS.has(k)) out.append(k, v);
  if (view.q.trim() !== '') out.set('q', view.q.trim());
  if (view.sort !== LIST_DEFAULT_SORT) out.set('sort', view.sort);
  if (view.page !== 1) out.set('page', String(view.page));
  if (view.limit !== LIST_DEFAULT_LIMIT) out.set('limit', String(view.limit));
  return out;
}

/**
 * The next view after a change: a new search, sort or page size starts again at page 1 (the old
 * page may not exist in the new list); a page change keeps the rest.
 */
export function changeListView(view: ListView, change: Partial<ListView>): ListView {
  const resets =
    (change.q !== undefined && change.q.trim() !== view.q) ||
    (change.sort !== undefined && change.sort !== view.sort) ||
    (change.limit !== undefined && change.limit !== view.limit);
  const next = { ...view, ...change, q: (change.q ?? view.q).trim() };
  return resets ? { ...next, page: 1 } : next;
}
