// The cashflow groups list's view (search, sort, page, page size, and the filters by affiliate,
// field and country) and its URL form: parse, validate, default and write back, keeping params
// that belong to someone else.
import { isCountryCode } from './countries';
import { FIELD_LABELS, RULE_FIELDS, type RuleField } from './types';

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
  /**
   * Filters the upstream cannot apply (findCashflowGroups has no known filter by affiliate, rule
   * field or country): when any is set, the list reads groups page by page and filters them
   * itself. Absent when unset.
   */
  aff?: string;
  field?: RuleField;
  country?: string;
}

/** Whether the view needs the read-then-filter path (see ListView.aff). */
export function hasClientFilters(view: ListView): boolean {
  return view.aff !== undefined || view.field !== undefined || view.country !== undefined;
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
  const aff = params.get('aff')?.trim();
  if (aff) {
    if (/^\d{1,12}$/.test(aff)) view.aff = aff;
    else notices.push(`Ignored the affiliate ${quote(aff)}: affiliate IDs are digits.`);
  }
  const field = params.get('field')?.trim();
  if (field) {
    const known = RULE_FIELDS.find((f) => f === field);
    if (known) view.field = known;
    else notices.push(`Ignored the field ${quote(field)}: not a rule field.`);
  }
  const country = params.get('country')?.trim().toUpperCase();
  if (country) {
    if (isCountryCode(country)) view.country = country;
    else notices.push(`Ignored the country ${quote(country)}: use a two-letter ISO code.`);
  }
  return { view, notices };
}

/** Labels for the field filter, in the model's order. */
export const FIELD_FILTER_OPTIONS = RULE_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] }));

const OWN_KEYS = new Set(['q', 'sort', 'page', 'limit', 'aff', 'field', 'country']);

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
  if (view.aff) out.set('aff', view.aff);
  if (view.field) out.set('field', view.field);
  if (view.country) out.set('country', view.country);
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
    (change.limit !== undefined && change.limit !== view.limit) ||
    (['aff', 'field', 'country'] as const).some((k) => k in change && change[k] !== view[k]);
  const next: ListView = { ...view, ...change, q: (change.q ?? view.q).trim() };
  // A filter set to undefined is removed, not kept as an own undefined key.
  for (const k of ['aff', 'field', 'country'] as const) if (next[k] === undefined) delete next[k];
  return resets ? { ...next, page: 1 } : next;
}
