// zod pieces for HasOffers rows: string-or-number ids, model-wrapped rows ({"Affiliate": {...}}),
// and pages in any of the shapes normalisePage knows. Every feature that reads a find* uses these.
import { z, type core } from 'zod/mini';
import { normalisePage, type PhpValue } from './hasoffers';

/** "32" or 32 → "32". */
export const hoId = z.pipe(
  z.pipe(
    z.union([z.string(), z.number()]),
    z.transform((v) => String(v).trim()),
  ),
  z.string().check(z.regex(/^\d+$/, 'not an id')),
);

/** A nullable text column: null or missing → "". */
export const hoText = z.pipe(
  z.nullish(z.union([z.string(), z.number()])),
  z.transform((v) => (v === null || v === undefined ? '' : String(v))),
);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{"Affiliate": {...}}` → its inner object; a flat row is returned as it is. */
export function unwrapRow(row: unknown, model: string): unknown {
  if (isRecord(row) && isRecord(row[model])) return row[model];
  return row;
}

export function modelRow<S extends core.$ZodType>(model: string, row: S) {
  // zod/mini has no preprocess: a transform piped into the row is the same thing.
  return z.pipe(
    z.transform((v: unknown) => unwrapRow(v, model)),
    row,
  );
}

/** A find* answer (`[]`, id-keyed, or paginated) as a page of validated rows. */
export function hoPage<S extends core.$ZodType>(row: S) {
  return z.pipe(
    z.pipe(z.unknown(), z.transform(normalisePage)),
    z.object({
      rows: z.array(row),
      page: z.number(),
      pageCount: z.number(),
      count: z.number(),
    }),
  );
}

/** Digits only: what the id search needs to also match by id. */
export function isDigits(s: string): boolean {
  return /^\d+$/.test(s);
}

/** `%text%` for a LIKE filter. Wildcards the user types are passed on unescaped: the vendor
 * does not document an escape, so "50%" also matches "500". */
export function likeContaining(text: string): string {
  return `%${text}%`;
}

/**
 * A search box's filter over a find*: `column` contains the text or, when the text is digits,
 * the id is the text; undefined (no filter) for an empty search.
 */
export function columnOrIdFilter(column: string, search: string): PhpValue | undefined {
  const s = search.trim();
  if (!s) return undefined;
  const contains = { [column]: { LIKE: likeContaining(s) } };
  return isDigits(s) ? { OR: { ...contains, id: s } } : contains;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * HasOffers sends id-keyed rows in the requested order, but JSON.parse puts integer-like keys in
 * ascending order, so the server's sort is lost in the browser. Re-sort by the same key (ties by
 * numeric id) to show what was asked for.
 */
export function sortRowsBy<R extends { id: string }>(rows: R[], key: keyof R & string): R[] {
  return [...rows].sort(
    (a, b) => collator.compare(String(a[key]), String(b[key])) || Number(a.id) - Number(b.id),
  );
}
