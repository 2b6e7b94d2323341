// The Exness emulator's store and list semantics: parameter validation (DRF-style errors),
// filtering, multi-field ordering and limit/offset paging, independent of HTTP.
import { GROUP_TYPES, REBATE_PERIODS, seedRebateGroups, type RebateGroup } from './seed';

export const ORDERING_FIELDS = [
  'group_title',
  'clients_count',
  'created',
  'rebate_percent',
  'group_type',
  'rebate_period',
  'link_code',
] as const;
export type OrderingField = (typeof ORDERING_FIELDS)[number];

/** Guess (undocumented upstream): the page size when no limit is sent. */
export const DEFAULT_LIMIT = 25;
/** Guess: the vendor only says "never ask for more than 100"; the emulator refuses more. */
export const MAX_LIMIT = 100;

export const FILTER_KEYS = ['group_type', 'group_id', 'rebate_period', 'link_code'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface OrderingTerm {
  field: OrderingField;
  descending: boolean;
}

export interface ListQuery {
  ordering: OrderingTerm[];
  limit: number;
  offset: number;
  /** Absent or empty = no filter on that key. */
  filters: Partial<Record<FilterKey, string[]>>;
}

/** DRF's field-keyed validation errors: `{"limit": ["..."]}`. */
export type FieldErrors = Record<string, string[]>;

export type ParseResult = { ok: true; query: ListQuery } | { ok: false; errors: FieldErrors };

/**
 * Raw list parameters in either transport: a JSON body (arrays, numbers) or query parameters
 * (strings; a key may repeat). Values of a repeated query key arrive as an array.
 */
export type RawListParams = Record<string, unknown>;

function addError(errors: FieldErrors, key: string, message: string): void {
  (errors[key] ??= []).push(message);
}

function parseInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function parseBound(
  raw: unknown,
  key: string,
  min: number,
  max: number | undefined,
  errors: FieldErrors,
): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = parseInteger(Array.isArray(raw) ? raw[raw.length - 1] : raw);
  if (n === undefined) {
    addError(errors, key, 'A valid integer is required.');
    return undefined;
  }
  if (n < min) addError(errors, key, `Ensure this value is greater than or equal to ${min}.`);
  else if (max !== undefined && n > max) {
    addError(errors, key, `Ensure this value is less than or equal to ${max}.`);
  } else return n;
  return undefined;
}

/**
 * A filter's values. JSON: an array of strings (numbers are taken as their digits, as DRF's
 * CharField does). Query: repeated keys and/or comma lists, so `a,b` and `k=a&k=b` are the same.
 */
function parseFilter(
  raw: unknown,
  key: FilterKey,
  transport: 'json' | 'query',
  errors: FieldErrors,
): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  let items: string[];
  if (transport === 'query') {
    const parts = Array.isArray(raw) ? raw : [raw];
    items = parts
      .flatMap((p) => String(p).split(','))
      .map((s) => s.trim())
      .filter((s) => s !== '');
  } else {
    if (!Array.isArray(raw)) {
      addError(errors, key, `Expected a list of items but got type "${jsonTypeName(raw)}".`);
      return undefined;
    }
    items = [];
    for (const item of raw) {
      if (typeof item === 'string') items.push(item);
      else if (typeof item === 'number' && Number.isFinite(item)) items.push(String(item));
      else {
        addError(errors, key, 'Not a valid string.');
        return undefined;
      }
    }
  }
  const choices: readonly string[] | undefined =
    key === 'group_type' ? GROUP_TYPES : key === 'rebate_period' ? REBATE_PERIODS : undefined;
  for (const item of items) {
    if (choices && !choices.includes(item)) {
      addError(errors, key, `"${item}" is not a valid choice.`);
    } else if (key === 'group_id' && !/^\d+$/.test(item)) {
      addError(errors, key, `"${item}" is not a valid group id.`);
    }
  }
  return items.length > 0 ? items : undefined;
}

function jsonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/**
 * DRF's OrderingFilter convention: comma-separated, `-` for descending, blanks ignored.
 * Unlike stock DRF (which drops unknown fields silently) the emulator answers 400, as our
 * contract asks, so a client bug shows up in tests.
 */
function parseOrdering(raw: unknown, errors: FieldErrors): OrderingTerm[] {
  if (raw === undefined || raw === null) return [];
  const text = Array.isArray(raw) ? raw.map(String).join(',') : raw;
  if (typeof text !== 'string') {
    addError(errors, 'ordering', 'Not a valid string.');
    return [];
  }
  const terms: OrderingTerm[] = [];
  for (const part of text.split(',')) {
    const term = part.trim();
    if (term === '') continue;
    const descending = term.startsWith('-');
    const field = descending ? term.slice(1) : term;
    if (!(ORDERING_FIELDS as readonly string[]).includes(field)) {
      addError(errors, 'ordering', `Unknown field: ${field}`);
      continue;
    }
    if (!terms.some((t) => t.field === field)) {
      terms.push({ field: field as OrderingField, descending });
    }
  }
  return terms;
}

export function parseListParams(raw: RawListParams, transport: 'json' | 'query'): ParseResult {
  const errors: FieldErrors = {};
  const ordering = parseOrdering(raw.ordering, errors);
  const limit = parseBound(raw.limit, 'limit', 1, MAX_LIMIT, errors);
  const offset = parseBound(raw.offset, 'offset', 0, undefined, errors);
  const filters: ListQuery['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = parseFilter(raw[key], key, transport, errors);
    if (values) filters[key] = values;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    query: { ordering, limit: limit ?? DEFAULT_LIMIT, offset: offset ?? 0, filters },
  };
}

/**
 * Guess: titles and link codes sort like a Postgres en_US collation (case-insensitive first),
 * not by code point. Enum fields sort by their stored text (DAILY < MONTHLY < WEEKLY).
 */
const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: false });

function compareField(a: RebateGroup, b: RebateGroup, field: OrderingField): number {
  const x = a[field];
  const y = b[field];
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (field === 'created' || field === 'group_type' || field === 'rebate_period') {
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  }
  return collator.compare(String(x), String(y));
}

function matchesFilters(group: RebateGroup, filters: ListQuery['filters']): boolean {
  const test = (values: string[] | undefined, actual: string): boolean =>
    values === undefined || values.includes(actual);
  return (
    test(filters.group_type, group.group_type) &&
    test(filters.group_id, String(group.id)) &&
    test(filters.rebate_period, group.rebate_period) &&
    test(filters.link_code, group.link_code)
  );
}

export interface ListAnswer {
  data: RebateGroup[];
  totals: { count: number; clients: number };
}

/** Filters (OR within a key, AND across keys), orders (ties by id), then pages. */
export function listGroups(groups: readonly RebateGroup[], query: ListQuery): ListAnswer {
  const matching = groups.filter((g) => matchesFilters(g, query.filters));
  const sorted = [...matching].sort((a, b) => {
    for (const term of query.ordering) {
      const c = compareField(a, b, term.field);
      if (c !== 0) return term.descending ? -c : c;
    }
    return a.id - b.id;
  });
  return {
    data: sorted.slice(query.offset, query.offset + query.limit).map(cloneGroup),
    totals: {
      count: matching.length,
      clients: matching.reduce((sum, g) => sum + g.clients_count, 0),
    },
  };
}

function cloneGroup(g: RebateGroup): RebateGroup {
  return { ...g, rebate_size: { ...g.rebate_size } };
}

/** The resettable state: the seeded groups (read-only through the API today). */
export class ExnessStore {
  private groups: RebateGroup[] = seedRebateGroups();

  reset(): void {
    this.groups = seedRebateGroups();
  }

  all(): readonly RebateGroup[] {
    return this.groups;
  }

  list(query: ListQuery): ListAnswer {
    return listGroups(this.groups, query);
  }
}
