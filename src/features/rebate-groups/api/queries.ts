// The feature's query factory (query options API): callers spread it and add their own options.
import { queryOptions } from '@tanstack/react-query';
import type { View } from '../model/view';
import { fetchRebateGroups, toListBody, type ListBody } from './fetchers';

/**
 * Lets the current task finish before the request leaves. A query cancelled in the same task
 * (React StrictMode's mount–unmount–mount, a view replaced at once) then never reaches the
 * network: no wasted upstream call, and no emulator fault or rate-limit budget spent on a
 * request nobody reads.
 */
async function afterCurrentTask(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal.throwIfAborted();
}

export const rebateGroupQueries = {
  all: () => ['rebate-groups'] as const,
  lists: () => [...rebateGroupQueries.all(), 'list'] as const,
  /** Keyed by the request body itself, so two views that send the same request share a cache entry. */
  listBody: (body: ListBody) =>
    queryOptions({
      queryKey: [...rebateGroupQueries.lists(), body] as const,
      queryFn: async ({ signal }) => {
        await afterCurrentTask(signal);
        return fetchRebateGroups(body, signal);
      },
    }),
  list: (view: View) => rebateGroupQueries.listBody(toListBody(view)),
};
