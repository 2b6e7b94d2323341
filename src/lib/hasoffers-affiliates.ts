// Affiliate::findAll, the one fetcher for it: a search by company or id (the wizard's picker and
// the affiliates page) and names (or "unknown") for given ids (chosen ids, one affiliate's page).
// In lib because two features read affiliates and a feature may not import another.
import { z } from 'zod/mini';
import { callHasOffers, type PhpValue } from './hasoffers';
import { canonicalId } from './hasoffers-id';
import { hoId, hoPage, hoText, columnOrIdFilter, modelRow, sortRowsBy } from './hasoffers-rows';

export const AFFILIATE_FIELDS = ['id', 'company', 'status', 'country'] as const;
export const AFFILIATE_SEARCH_LIMIT = 20;
/** Ids per by-ids call: keeps the GET URL well under common 8 KB limits. */
export const AFFILIATE_IDS_PER_CALL = 100;

export const affiliateRowSchema = modelRow(
  'Affiliate',
  z.looseObject({ id: hoId, company: hoText, status: hoText, country: hoText }),
);

export interface Affiliate {
  id: string;
  company: string;
  status: string;
  country: string;
}

export interface AffiliateSearch {
  search: string;
  page: number;
  limit?: number;
}

export interface AffiliatePage {
  rows: Affiliate[];
  page: number;
  pageCount: number;
  count: number;
}

const pick = ({ id, company, status, country }: Affiliate): Affiliate => ({
  id,
  company,
  status,
  country,
});

export function affiliateSearchParams({
  search,
  page,
  limit = AFFILIATE_SEARCH_LIMIT,
}: AffiliateSearch): Record<string, PhpValue> {
  const filters = columnOrIdFilter('company', search);
  return {
    ...(filters && { filters }),
    fields: [...AFFILIATE_FIELDS],
    sort: { company: 'asc' },
    limit,
    page: Math.max(1, Math.floor(page)),
  };
}

export async function searchAffiliates(
  params: AffiliateSearch,
  signal?: AbortSignal,
): Promise<AffiliatePage> {
  const page = await callHasOffers('Affiliate', 'findAll', affiliateSearchParams(params), {
    schema: hoPage(affiliateRowSchema),
    ...(signal && { signal }),
  });
  return { ...page, rows: sortRowsBy(page.rows.map(pick), 'company') };
}

export interface AffiliateLookup {
  found: Record<string, Affiliate>;
  /** Asked-for ids the network does not know, in the order given. */
  unknown: string[];
}

export async function findAffiliatesByIds(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<AffiliateLookup> {
  // Ids are compared canonically: "007" asks for, and is found as, 7.
  const wanted = [...new Set(ids.flatMap((id) => canonicalId(id) ?? []))];
  const found: Record<string, Affiliate> = {};
  // One call per chunk, one after the other: the rate limit is shared by every user.
  for (let i = 0; i < wanted.length; i += AFFILIATE_IDS_PER_CALL) {
    const chunk = wanted.slice(i, i + AFFILIATE_IDS_PER_CALL);
    const page = await callHasOffers(
      'Affiliate',
      'findAll',
      { filters: { id: chunk }, fields: [...AFFILIATE_FIELDS], limit: chunk.length },
      { schema: hoPage(affiliateRowSchema), ...(signal && { signal }) },
    );
    for (const row of page.rows) found[row.id] = pick(row);
  }
  const unknown = ids
    .map((id) => id.trim())
    .filter((id) => !Object.hasOwn(found, canonicalId(id) ?? id));
  return { found, unknown: [...new Set(unknown)] };
}
