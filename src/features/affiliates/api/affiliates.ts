// Affiliate::findAll for the affiliates pages: one affiliate by id (its name) and a search by
// company or id. The cashflow wizard's picker has its own copy: features do not share code.
import { queryOptions, skipToken } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { callHasOffers, type PhpValue } from '@/lib/hasoffers';

const FIELDS = ['id', 'company', 'status', 'country'];
export const SEARCH_LIMIT = 20;

export interface Affiliate {
  id: string;
  company: string;
  status: string;
  country: string;
}

const text = z.pipe(
  z.optional(z.nullable(z.union([z.string(), z.number()]))),
  z.transform((v) => (v === null || v === undefined ? '' : String(v))),
);
const affiliateRow = z.looseObject({
  id: z.pipe(
    z.union([z.string(), z.number()]),
    z.transform((v) => String(v)),
  ),
  company: text,
  status: text,
  country: text,
});

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** findAll's `data`: [] when empty, else `{page, pageCount, count, data: {id: {Affiliate}}}`. */
const affiliatePage = z.pipe(
  z.unknown(),
  z.transform((data, ctx): Affiliate[] => {
    const inner = isRecord(data) && 'data' in data ? data.data : data;
    const rows = Array.isArray(inner) ? inner : isRecord(inner) ? Object.values(inner) : [];
    const out: Affiliate[] = [];
    for (const raw of rows) {
      const row = affiliateRow.safeParse(isRecord(raw) && 'Affiliate' in raw ? raw.Affiliate : raw);
      if (!row.success) {
        ctx.issues.push({ code: 'custom', message: 'not an affiliate row', input: raw });
        return z.NEVER;
      }
      const { id, company, status, country } = row.data;
      out.push({ id, company, status, country });
    }
    return out;
  }),
);

const DIGITS = /^\d{1,12}$/;

// As the wizard's picker sends it: how HasOffers escapes % and _ in LIKE is not known.
function like(s: string): string {
  return `%${s}%`;
}

export function searchParams(search: string): Record<string, PhpValue> {
  const s = search.trim();
  const filters: PhpValue = DIGITS.test(s)
    ? { OR: { company: { LIKE: like(s) }, id: s } }
    : { company: { LIKE: like(s) } };
  return { filters, fields: FIELDS, sort: { company: 'asc' }, limit: SEARCH_LIMIT, page: 1 };
}

/** The affiliate, or null when the network does not know the id. */
export async function findAffiliate(id: string, signal?: AbortSignal): Promise<Affiliate | null> {
  const rows = await callHasOffers(
    'Affiliate',
    'findAll',
    { filters: { id: [id] }, fields: FIELDS, limit: 1 },
    { schema: affiliatePage, ...(signal && { signal }) },
  );
  return rows.find((a) => a.id === id) ?? null;
}

export async function searchAffiliates(search: string, signal?: AbortSignal) {
  const rows = await callHasOffers('Affiliate', 'findAll', searchParams(search), {
    schema: affiliatePage,
    ...(signal && { signal }),
  });
  return rows.sort((a, b) => a.company.localeCompare(b.company));
}

export const affiliatePageQueries = {
  one: (id: string) =>
    queryOptions({
      queryKey: ['affiliates', 'one', id] as const,
      queryFn: ({ signal }) => findAffiliate(id, signal),
      staleTime: 5 * 60_000,
    }),
  search: (search: string) => {
    const s = search.trim();
    return queryOptions({
      queryKey: ['affiliates', 'search', s] as const,
      queryFn: s ? ({ signal }) => searchAffiliates(s, signal) : skipToken,
      staleTime: 60_000,
    });
  },
};
