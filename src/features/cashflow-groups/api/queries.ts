// Query-options factories for the cashflow-groups feature (TkDodo's "query options API"):
// callers spread them into useQuery and add enabled/select/placeholderData at the call site.
import { queryOptions, skipToken } from '@tanstack/react-query';
import {
  findAffiliatesByIds,
  searchAffiliates,
  type AffiliateSearch,
} from '@/lib/hasoffers-affiliates';
import { findGroupsByName, nameTaken } from './find-cashflow-groups';
import { findTargetRules } from './find-target-rules';
import { getFieldDefinitions } from './get-field-definitions';
import { canonicalId } from '../model/values';
import type { ListView } from '../model';
import { getCashflowGroup } from './get-cashflow-group';
import { getCashflowGroupUsage } from './get-cashflow-group-usage';
import { listCashflowGroups } from './list-cashflow-groups';

export const cashflowGroupKeys = {
  all: ['cashflow-groups'] as const,
  nameCheck: (name: string) => ['cashflow-groups', 'name-check', name] as const,
  targetRules: (search: string) => ['cashflow-groups', 'target-rules', search] as const,
  fieldDefinitions: () => ['cashflow-groups', 'field-definitions'] as const,
  lists: () => ['cashflow-groups', 'list'] as const,
  list: (view: ListView) => ['cashflow-groups', 'list', view] as const,
  detail: (id: string) => ['cashflow-groups', 'detail', id] as const,
  usage: (id: string) => ['cashflow-groups', 'usage', id] as const,
};

// Affiliates live under the feature's prefix: another feature may key affiliates differently.
export const affiliateKeys = {
  all: ['cashflow-groups', 'affiliates'] as const,
  search: (p: Required<AffiliateSearch>) => ['cashflow-groups', 'affiliates', 'search', p] as const,
  byIds: (ids: string[]) => ['cashflow-groups', 'affiliates', 'by-ids', ids] as const,
};

export const cashflowGroupQueries = {
  /** One page of the list, rules and affiliate ids attached. */
  list: (view: ListView) =>
    queryOptions({
      queryKey: cashflowGroupKeys.list(view),
      queryFn: ({ signal }) => listCashflowGroups(view, signal),
      staleTime: 15_000,
    }),
  /** One group (null: the network does not have it). */
  detail: (id: string) =>
    queryOptions({
      queryKey: cashflowGroupKeys.detail(id),
      queryFn: ({ signal }) => getCashflowGroup(id, signal),
      staleTime: 15_000,
    }),
  /** The active offers and goals using a group: advice shown beside it and before a save. */
  usage: (id: string) =>
    queryOptions({
      queryKey: cashflowGroupKeys.usage(id),
      queryFn: ({ signal }) => getCashflowGroupUsage(id, signal),
      staleTime: 60_000,
      // Advice only: one retry, so "could not tell" is not held back by the default three.
      retry: 1,
    }),
  /** Whether a group already has this name (trimmed; compared case-insensitively). */
  nameCheck: (name: string) => {
    const trimmed = name.trim();
    return queryOptions({
      queryKey: cashflowGroupKeys.nameCheck(trimmed),
      queryFn: trimmed
        ? async ({ signal }) => nameTaken(trimmed, await findGroupsByName(trimmed, signal))
        : skipToken,
      // Another user may take the name meanwhile; the create refuses it anyway.
      staleTime: 10_000,
    });
  },
  targetRules: (search: string) => {
    const s = search.trim();
    return queryOptions({
      queryKey: cashflowGroupKeys.targetRules(s),
      queryFn: ({ signal }) => findTargetRules(s, signal),
      staleTime: 5 * 60_000,
    });
  },
  fieldDefinitions: () =>
    queryOptions({
      queryKey: cashflowGroupKeys.fieldDefinitions(),
      queryFn: ({ signal }) => getFieldDefinitions(signal),
      staleTime: 60 * 60_000,
    }),
};

export const affiliateQueries = {
  search: ({ search, page, limit = 20 }: AffiliateSearch) => {
    const params = { search: search.trim(), page, limit };
    return queryOptions({
      queryKey: affiliateKeys.search(params),
      queryFn: ({ signal }) => searchAffiliates(params, signal),
      staleTime: 60_000,
    });
  },
  /** Names for chosen ids, and the ids the network does not know (canonical: "007" → "7"). */
  byIds: (ids: string[]) => {
    // Sorted and canonical in the key: the same set is one cache entry whatever the order.
    const key = [...new Set(ids.map((id) => canonicalId(id) ?? id.trim()))].sort();
    return queryOptions({
      queryKey: affiliateKeys.byIds(key),
      queryFn: ({ signal }) => findAffiliatesByIds(key, signal),
      staleTime: 5 * 60_000,
    });
  },
};
