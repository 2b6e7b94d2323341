// The Exness emulator's store and list semantics: parameter validation (DRF-style errors),
// filtering, multi-field ordering and limit/offset paging, independent of HTTP.
import {
  GROUP_TYPES,
  REBATE_PERIODS,
  periodWindow,
  seedRebateGroups,
  type RebateGroup,
} from './seed';

function periodWindowFields(): { rebate_period_start: string; rebate_period_end: string } {
  const w = periodWindow('MONTHLY', 1);
  return { rebate_period_start: w.start, rebate_period_end: w.end };
}

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

/** What a create (`POST /api/v2/autorebates/groups/`) may carry; DRF ignores other keys. */
export interface CreateGroupInput {
  group_title: string;
  rebate_percent: number;
  link_code: string;
}

/** Guess: the title's length limit (a Django CharField(max_length=255) is the usual choice). */
export const GROUP_TITLE_MAX_LENGTH = 255;

/**
 * Validates a create's JSON body as a DRF serializer would: field-keyed messages, every problem
 * at once. Only `group_title` is known to be required (the public write-up's `{"group_title":
 * "Test"}` created a group); the other writable fields are the emulator's guess.
 */
export function parseCreateBody(
  body: Record<string, unknown>,
): { ok: true; value: CreateGroupInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = body.group_title;
  if (title === undefined || title === null)
    addError(errors, 'group_title', 'This field is required.');
  else if (typeof title !== 'string') addError(errors, 'group_title', 'Not a valid string.');
  else if (title.trim() === '') addError(errors, 'group_title', 'This field may not be blank.');
  else if (title.length > GROUP_TITLE_MAX_LENGTH) {
    addError(
      errors,
      'group_title',
      `Ensure this field has no more than ${GROUP_TITLE_MAX_LENGTH} characters.`,
    );
  }
  let percent = 0;
  const rawPercent = body.rebate_percent;
  if (rawPercent !== undefined && rawPercent !== null) {
    const n =
      typeof rawPercent === 'number' || typeof rawPercent === 'string' ? Number(rawPercent) : NaN;
    if (!Number.isFinite(n) || (typeof rawPercent === 'string' && rawPercent.trim() === '')) {
      addError(errors, 'rebate_percent', 'A valid number is required.');
    } else if (n < 0) {
      addError(errors, 'rebate_percent', 'Ensure this value is greater than or equal to 0.');
    } else if (n > 100) {
      addError(errors, 'rebate_percent', 'Ensure this value is less than or equal to 100.');
    } else percent = Math.round(n * 100) / 100;
  }
  const link = body.link_code;
  if (link !== undefined && link !== null && typeof link !== 'string') {
    addError(errors, 'link_code', 'Not a valid string.');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      group_title: String(title).trim(),
      rebate_percent: percent,
      link_code: typeof link === 'string' ? link : '',
    },
  };
}

/** Created groups get this time plus one second per create: deterministic, after the seed. */
const CREATE_CLOCK_FROM = Date.UTC(2026, 10, 20, 12, 0, 0);

/** The resettable state: the seeded groups, plus any a POST created (as the real path does). */
export class ExnessStore {
  private groups: RebateGroup[] = seedRebateGroups();
  private creates = 0;

  reset(): void {
    this.groups = seedRebateGroups();
    this.creates = 0;
  }

  /** A new MANUAL group with no clients, as a create on the real API would make. */
  create(input: CreateGroupInput): RebateGroup {
    this.creates += 1;
    const first = this.groups[0];
    const group: RebateGroup = {
      id: this.groups.reduce((max, g) => Math.max(max, g.id), 1000) + 1,
      partner_uid: first?.partner_uid ?? '00000000-0000-4000-8000-000000000000',
      group_title: input.group_title,
      group_type: 'MANUAL',
      clients_count: 0,
      rebate_percent: input.rebate_percent,
      created: `${new Date(CREATE_CLOCK_FROM + this.creates * 1000).toISOString().slice(0, 19)}Z`,
      is_default: false,
      rebate_size: { min: 0, max: 100 },
      rebate_period: 'MONTHLY',
      rebate_period_value: 1,
      ...periodWindowFields(),
      link_code: input.link_code,
    };
    this.groups.push(group);
    return { ...group, rebate_size: { ...group.rebate_size } };
  }

  all(): readonly RebateGroup[] {
    return this.groups;
  }

  list(query: ListQuery): ListAnswer {
    return listGroups(this.groups, query);
  }
}
