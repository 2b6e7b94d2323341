// The affiliates pages' queries: one affiliate by id (its name) and a search by company or id,
// both through the one Affiliate::findAll fetcher in lib (the wizard's picker uses it too).
import { queryOptions, skipToken } from '@tanstack/react-query';
import { findAffiliatesByIds, searchAffiliates, type Affiliate } from '@/lib/hasoffers-affiliates';

/** The affiliate, or null when the network does not know the id. */
async function findAffiliate(id: string, signal?: AbortSignal): Promise<Affiliate | null> {
  const { found } = await findAffiliatesByIds([id], signal);
  // Keyed by the id as the URL gives it: "007" is asked for as 7 but not found as "007", as it
  // was before the fetcher was shared (the page says the network does not know #007).
  return found[id] ?? null;
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
      // The first page only, sorted by company: the page offers "narrow the search" beyond it.
      queryFn: s
        ? async ({ signal }) => (await searchAffiliates({ search: s, page: 1 }, signal)).rows
        : skipToken,
      staleTime: 60_000,
    });
  },
};
