// The feature's query factory (query options API): callers spread it and add their own options.
import { queryOptions } from '@tanstack/react-query';
import type { View } from '../model/view';
import { fetchRebateGroups, toListBody, type ListBody } from './fetchers';

export const rebateGroupQueries = {
  all: () => ['rebate-groups'] as const,
  lists: () => [...rebateGroupQueries.all(), 'list'] as const,
  /** Keyed by the request body itself, so two views that send the same request share a cache entry. */
  listBody: (body: ListBody) =>
    queryOptions({
      queryKey: [...rebateGroupQueries.lists(), body] as const,
      queryFn: ({ signal }) => fetchRebateGroups(body, signal),
    }),
  list: (view: View) => rebateGroupQueries.listBody(toListBody(view)),
};
