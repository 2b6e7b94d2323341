// The find* semantics shared by every HasOffers model: PHP-bracket filters (operators, OR
// groups, IN lists), sort, fields and limit/page, over rows whose values are strings.
import { isParamMap, type PhpParam } from './php-params';

export type FieldType = 'number' | 'string';

export interface ModelSpec {
  /** The model name used in rows (`{"Affiliate": {...}}`) and messages. */
  name: string;
  fields: Record<string, FieldType>;
}

/** A row as HasOffers answers it: every value a string (or null). */
export type Row = Record<string, string | null>;

export interface FindParams {
  filters?: PhpParam;
  sort?: PhpParam;
  fields?: PhpParam;
  limit?: PhpParam;
  page?: PhpParam;
}

export interface FoundPage {
  page: number;
  pageCount: number;
  count: number;
  limit: number;
}

/** A found row with its id kept apart: `fields[]` may leave id out, but answers key by it. */
export interface FoundRow {
  id: string;
  row: Row;
}

export type FindResult =
  { ok: true; rows: FoundRow[]; paging?: FoundPage } | { ok: false; error: string };

/** Guess: the page size when `page` is sent without `limit` (undocumented upstream). */
export const DEFAULT_PAGE_LIMIT = 50;

export const FILTER_OPERATORS = [
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL_TO',
  'LIKE',
  'NOT_LIKE',
  'NULL',
  'NOT_NULL',
  'TRUE',
  'FALSE',
] as const;
type FilterOperator = (typeof FILTER_OPERATORS)[number];

type Predicate = (row: Row) => boolean;
type Built = { ok: true; test: Predicate } | { ok: false; error: string };

class FindError extends Error {}

/** MySQL's default collation compares text case-insensitively; so does the emulator. */
const textCollator = new Intl.Collator('en', { sensitivity: 'base' });

function sqlLikeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] ?? '';
    if (ch === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += (pattern[i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

function scalarList(value: PhpParam, what: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  throw new FindError(`Invalid filter: ${what} must be a value or a list of values`);
}

function compareValues(type: FieldType, actual: string, wanted: string): number | undefined {
  if (type === 'number') {
    const a = Number(actual);
    const b = Number(wanted);
    if (wanted.trim() === '' || Number.isNaN(b) || Number.isNaN(a)) return undefined;
    return a - b;
  }
  return textCollator.compare(actual, wanted);
}

function operatorTest(
  model: ModelSpec,
  field: string,
  operator: FilterOperator,
  raw: PhpParam,
): Predicate {
  const type = model.fields[field] ?? 'string';
  const get = (row: Row): string | null => row[field] ?? null;
  const cmp = (accept: (c: number) => boolean): Predicate => {
    const wanted = scalarList(raw, `filters[${field}][${operator}]`);
    return (row) => {
      const actual = get(row);
      return (
        actual !== null &&
        wanted.some((w) => {
          const c = compareValues(type, actual, w);
          return c !== undefined && accept(c);
        })
      );
    };
  };
  switch (operator) {
    case 'EQUAL_TO':
      return cmp((c) => c === 0);
    case 'NOT_EQUAL_TO': {
      const equal = cmp((c) => c === 0);
      return (row) => get(row) !== null && !equal(row);
    }
    case 'LESS_THAN':
      return cmp((c) => c < 0);
    case 'LESS_THAN_OR_EQUAL_TO':
      return cmp((c) => c <= 0);
    case 'GREATER_THAN':
      return cmp((c) => c > 0);
    case 'GREATER_THAN_OR_EQUAL_TO':
      return cmp((c) => c >= 0);
    case 'LIKE':
    case 'NOT_LIKE': {
      const patterns = scalarList(raw, `filters[${field}][${operator}]`).map(sqlLikeToRegExp);
      const like: Predicate = (row) => {
        const actual = get(row);
        return actual !== null && patterns.some((p) => p.test(actual));
      };
      return operator === 'LIKE' ? like : (row) => get(row) !== null && !like(row);
    }
    case 'NULL':
      return (row) => get(row) === null || get(row) === '';
    case 'NOT_NULL':
      return (row) => get(row) !== null && get(row) !== '';
    case 'TRUE':
      return (row) => !['', '0', null].includes(get(row));
    case 'FALSE':
      return (row) => ['', '0', null].includes(get(row));
  }
}

function fieldCondition(model: ModelSpec, field: string, value: PhpParam): Predicate {
  if (!(field in model.fields)) {
    throw new FindError(`Invalid filter: '${field}' is not a field of ${model.name}`);
  }
  if (typeof value === 'string' || Array.isArray(value)) {
    return operatorTest(model, field, 'EQUAL_TO', value);
  }
  const tests = Object.entries(value).map(([op, raw]) => {
    if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
      throw new FindError(`Invalid filter: unknown operator '${op}' for field '${field}'`);
    }
    return operatorTest(model, field, op as FilterOperator, raw);
  });
  return (row) => tests.every((t) => t(row));
}

/** `filters[field]...` conditions AND together; `filters[OR][...]` is one OR group. */
function groupCondition(model: ModelSpec, filters: PhpParam, mode: 'AND' | 'OR'): Predicate {
  if (!isParamMap(filters)) throw new FindError('Invalid filter: filters must be a map');
  const tests = Object.entries(filters).map(([key, value]) =>
    key === 'OR' || key === 'AND'
      ? groupCondition(model, value, key)
      : fieldCondition(model, key, value),
  );
  if (tests.length === 0) return () => true;
  return mode === 'AND' ? (row) => tests.every((t) => t(row)) : (row) => tests.some((t) => t(row));
}

export function buildFilter(model: ModelSpec, filters: PhpParam | undefined): Built {
  if (filters === undefined || filters === '') return { ok: true, test: () => true };
  try {
    return { ok: true, test: groupCondition(model, filters, 'AND') };
  } catch (error) {
    if (error instanceof FindError) return { ok: false, error: error.message };
    throw error;
  }
}

type Sorter = { ok: true; compare: (a: Row, b: Row) => number } | { ok: false; error: string };

export function buildSort(model: ModelSpec, sort: PhpParam | undefined): Sorter {
  const terms: { field: string; dir: 1 | -1 }[] = [];
  if (sort !== undefined && sort !== '') {
    if (!isParamMap(sort))
      return { ok: false, error: 'sort must be given as sort[field]=asc|desc' };
    for (const [field, dir] of Object.entries(sort)) {
      if (!(field in model.fields)) {
        return { ok: false, error: `Invalid sort: '${field}' is not a field of ${model.name}` };
      }
      const d = typeof dir === 'string' ? dir.toLowerCase() : '';
      if (d !== 'asc' && d !== 'desc') {
        return { ok: false, error: `Invalid sort direction for '${field}': use asc or desc` };
      }
      terms.push({ field, dir: d === 'asc' ? 1 : -1 });
    }
  }
  return {
    ok: true,
    compare: (a, b) => {
      for (const { field, dir } of terms) {
        const x = a[field] ?? '';
        const y = b[field] ?? '';
        const c =
          model.fields[field] === 'number' ? Number(x) - Number(y) : textCollator.compare(x, y);
        if (c !== 0) return c * dir;
      }
      return Number(a.id) - Number(b.id);
    },
  };
}

function positiveInt(raw: PhpParam | undefined, name: string): number | undefined | FindError {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d*$/.test(raw.trim())) {
    return new FindError(`${name} must be a positive integer`);
  }
  return Number(raw);
}

/** limit/page: paginated when either is sent. */
export function readPaging(
  params: FindParams,
): { ok: true; limit?: number; page?: number } | { ok: false; error: string } {
  const limit = positiveInt(params.limit, 'limit');
  if (limit instanceof FindError) return { ok: false, error: limit.message };
  const page = positiveInt(params.page, 'page');
  if (page instanceof FindError) return { ok: false, error: page.message };
  return { ok: true, ...(limit !== undefined && { limit }), ...(page !== undefined && { page }) };
}

function readFields(model: ModelSpec, raw: PhpParam | undefined): string[] | undefined | FindError {
  if (raw === undefined || raw === '') return undefined;
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : Object.values(raw);
  const names: string[] = [];
  for (const f of list) {
    if (typeof f !== 'string' || !(f in model.fields)) {
      return new FindError(`Invalid fields: ${JSON.stringify(f)} is not a field of ${model.name}`);
    }
    names.push(f);
  }
  return names;
}

/** Filters, sorts (ties by id), pages and projects; rows keep their id for keying. */
export function findRows(model: ModelSpec, all: readonly Row[], params: FindParams): FindResult {
  const filter = buildFilter(model, params.filters);
  if (!filter.ok) return filter;
  const sorter = buildSort(model, params.sort);
  if (!sorter.ok) return sorter;
  const paging = readPaging(params);
  if (!paging.ok) return paging;
  const fields = readFields(model, params.fields);
  if (fields instanceof FindError) return { ok: false, error: fields.message };

  const matching = all.filter(filter.test).sort(sorter.compare);
  const project = (row: Row): FoundRow => ({
    id: row.id ?? '',
    row: fields ? Object.fromEntries(fields.map((f) => [f, row[f] ?? null])) : { ...row },
  });

  if (paging.limit === undefined && paging.page === undefined) {
    return { ok: true, rows: matching.map(project) };
  }
  const limit = paging.limit ?? DEFAULT_PAGE_LIMIT;
  const page = paging.page ?? 1;
  const start = (page - 1) * limit;
  return {
    ok: true,
    rows: matching.slice(start, start + limit).map(project),
    paging: { page, pageCount: Math.ceil(matching.length / limit), count: matching.length, limit },
  };
}
