// The list's view (filters, sort, page) and its URL form: parse, validate, default and write back.
import { z } from 'zod/mini';

/** The fields the API can order by (api-notes §1), in the order the "Add sort" menu offers them. */
export const SORT_FIELDS = [
  'group_title',
  'group_type',
  'clients_count',
  'rebate_percent',
  'rebate_period',
  'link_code',
  'created',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const GROUP_TYPES = ['AUTO', 'MANUAL'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const REBATE_PERIODS = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type RebatePeriod = (typeof REBATE_PERIODS)[number];

export type SortDirection = 'asc' | 'desc';
export interface SortKey {
  field: SortField;
  direction: SortDirection;
}

export interface Filters {
  group_type: GroupType[];
  group_id: string[];
  rebate_period: RebatePeriod[];
  link_code: string[];
}
export const FILTER_KEYS = ['group_type', 'group_id', 'rebate_period', 'link_code'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface View {
  filters: Filters;
  /** Sort keys in priority order; empty means "no ordering" (the API's natural order). */
  ordering: SortKey[];
  limit: number;
  offset: number;
}

/** The rows-per-page choices the pager offers. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
/** The API's maximum is undocumented: never ask for more than this (api-notes §1). */
export const MAX_LIMIT = 100;
/** Far beyond any real list; keeps a hand-typed offset from becoming a silly request. */
export const MAX_OFFSET = 1_000_000;
export const MAX_LINK_CODE_LENGTH = 100;
export const MAX_VALUES_PER_FILTER = 100;

export const DEFAULT_ORDERING: readonly SortKey[] = [{ field: 'created', direction: 'desc' }];
export const DEFAULT_LIMIT = 25;

export function emptyFilters(): Filters {
  return { group_type: [], group_id: [], rebate_period: [], link_code: [] };
}

export function defaultView(): View {
  return {
    filters: emptyFilters(),
    ordering: [...DEFAULT_ORDERING],
    limit: DEFAULT_LIMIT,
    offset: 0,
  };
}

export const groupIdSchema = z
  .string()
  .check(z.regex(/^\d{1,18}$/, 'Group IDs are whole numbers.'));
export const linkCodeSchema = z.string().check(
  z.minLength(1),
  z.maxLength(MAX_LINK_CODE_LENGTH),
  z.refine((s) => s === s.trim(), 'no surrounding spaces'),
);

const valueSchemas = {
  group_type: z.enum(GROUP_TYPES),
  group_id: groupIdSchema,
  rebate_period: z.enum(REBATE_PERIODS),
  link_code: linkCodeSchema,
} satisfies Record<FilterKey, z.ZodMiniType<string>>;

const sortFieldSchema = z.enum(SORT_FIELDS);
const sortTokenSchema = z.pipe(
  z.string().check(z.regex(/^-?[a-z_]+$/)),
  z.transform((token, ctx): SortKey => {
    const desc = token.startsWith('-');
    const field = desc ? token.slice(1) : token;
    const known = sortFieldSchema.safeParse(field);
    if (!known.success) {
      ctx.issues.push({ code: 'custom', message: 'unknown field', input: token });
      return z.NEVER;
    }
    return { field: known.data, direction: desc ? 'desc' : 'asc' };
  }),
);

// Plain digits only: `1e2`, `0x10` or `-5` are not page sizes anyone typed on purpose.
const digitsSchema = z.string().check(z.trim(), z.regex(/^\d{1,9}$/));
const limitSchema = z.pipe(
  z.pipe(digitsSchema, z.transform(Number)),
  z.number().check(z.minimum(1)),
);
const offsetSchema = z.pipe(digitsSchema, z.transform(Number));

export interface ParsedView {
  view: View;
  /** Short, user-facing sentences about what was dropped or corrected. Empty for a clean URL. */
  notices: string[];
}

function quote(s: string): string {
  return `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;
}

const FILTER_NOUNS: Record<FilterKey, string> = {
  group_type: 'type',
  group_id: 'group ID',
  rebate_period: 'rebate period',
  link_code: 'link code',
};

function parseFilter<K extends FilterKey>(
  key: K,
  params: URLSearchParams,
  notices: string[],
): Filters[K] {
  const out: string[] = [];
  for (const raw of params.getAll(key)) {
    const value = key === 'link_code' || key === 'group_id' ? raw.trim() : raw.trim().toUpperCase();
    if (value === '') continue;
    const ok = valueSchemas[key].safeParse(value);
    if (!ok.success) {
      notices.push(`Ignored the ${FILTER_NOUNS[key]} ${quote(raw)}: not a valid value.`);
      continue;
    }
    if (out.includes(ok.data)) continue; // a repeated value changes nothing
    if (out.length >= MAX_VALUES_PER_FILTER) {
      notices.push(`Kept the first ${MAX_VALUES_PER_FILTER} ${FILTER_NOUNS[key]} values.`);
      break;
    }
    out.push(ok.data);
  }
  return out as Filters[K];
}

function parseOrdering(raw: string | null, notices: string[]): SortKey[] {
  if (raw === null) return [...DEFAULT_ORDERING];
  // `ordering=` (present, empty) is the user's explicit "no sort".
  if (raw.trim() === '') return [];
  const keys: SortKey[] = [];
  for (const token of raw.split(',').map((t) => t.trim())) {
    if (token === '') continue;
    const parsed = sortTokenSchema.safeParse(token);
    if (!parsed.success) {
      notices.push(`Ignored the sort ${quote(token)}: that column cannot be sorted.`);
      continue;
    }
    if (keys.some((k) => k.field === parsed.data.field)) {
      notices.push(`Ignored the repeated sort ${quote(token)}.`);
      continue;
    }
    keys.push(parsed.data);
  }
  // Nothing usable left: the default order, not an unexpected "unsorted" list.
  return keys.length > 0 ? keys : [...DEFAULT_ORDERING];
}

function parseLimit(raw: string | null, notices: string[]): number {
  if (raw === null) return DEFAULT_LIMIT;
  const parsed = limitSchema.safeParse(raw);
  if (!parsed.success) {
    notices.push(`Ignored the page size ${quote(raw)}: showing ${DEFAULT_LIMIT} per page.`);
    return DEFAULT_LIMIT;
  }
  if (parsed.data > MAX_LIMIT) {
    notices.push(`Page size ${parsed.data} is above the maximum: showing ${MAX_LIMIT} per page.`);
    return MAX_LIMIT;
  }
  return parsed.data;
}

function parseOffset(raw: string | null, limit: number, notices: string[]): number {
  if (raw === null) return 0;
  const parsed = offsetSchema.safeParse(raw);
  if (!parsed.success) {
    notices.push(`Ignored the offset ${quote(raw)}: showing the first page.`);
    return 0;
  }
  let offset = parsed.data;
  if (offset > MAX_OFFSET) {
    notices.push(`Offset ${offset} is out of range: showing the first page.`);
    return 0;
  }
  // Pages start at multiples of the page size, so the pager's "x–y of N" and prev/next stay
  // page-aligned; an unaligned link shows the page that holds the row it pointed at.
  if (offset % limit !== 0) {
    const snapped = offset - (offset % limit);
    notices.push(`Offset ${offset} is not the start of a page: showing rows from ${snapped + 1}.`);
    offset = snapped;
  }
  return offset;
}

/** Search params → a valid view. Never throws: anything unusable is dropped with a notice. */
export function parseView(params: URLSearchParams): ParsedView {
  const notices: string[] = [];
  const filters: Filters = {
    group_type: parseFilter('group_type', params, notices),
    group_id: parseFilter('group_id', params, notices),
    rebate_period: parseFilter('rebate_period', params, notices),
    link_code: parseFilter('link_code', params, notices),
  };
  const ordering = parseOrdering(params.get('ordering'), notices);
  const limit = parseLimit(params.get('limit'), notices);
  const offset = parseOffset(params.get('offset'), limit, notices);
  return { view: { filters, ordering, limit, offset }, notices };
}

export function orderingToString(ordering: readonly SortKey[]): string {
  return ordering.map((k) => (k.direction === 'desc' ? `-${k.field}` : k.field)).join(',');
}

export function sameOrdering(a: readonly SortKey[], b: readonly SortKey[]): boolean {
  return orderingToString(a) === orderingToString(b);
}

const OWN_KEYS = [...FILTER_KEYS, 'ordering', 'limit', 'offset'];

/**
 * The view → search params, starting from `base` so unknown params survive. Defaults are omitted,
 * so the plain page is `/rebate-groups` and links stay short.
 */
export function writeView(
  view: View,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of base) if (!OWN_KEYS.includes(k)) out.append(k, v);
  for (const key of FILTER_KEYS) for (const value of view.filters[key]) out.append(key, value);
  if (!sameOrdering(view.ordering, DEFAULT_ORDERING))
    out.set('ordering', orderingToString(view.ordering));
  if (view.limit !== DEFAULT_LIMIT) out.set('limit', String(view.limit));
  if (view.offset !== 0) out.set('offset', String(view.offset));
  return out;
}

export function hasFilters(filters: Filters): boolean {
  return FILTER_KEYS.some((k) => filters[k].length > 0);
}

/** The page that holds the last row, for an offset that ran past the end. */
export function lastPageOffset(count: number, limit: number): number {
  return count <= 0 ? 0 : Math.floor((count - 1) / limit) * limit;
}
