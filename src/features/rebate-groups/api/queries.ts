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
      // The AbortSignal is left unread, on purpose. react-query cancels *and reverts* a query that
      // read its signal when its last observer unmounts mid-flight, and starts over on the next
      // mount: StrictMode's mount–unmount–mount in development, or leaving the list and coming
      // back while it loads, then sends the request and its retries twice. Unread, an unmount
      // only pauses the retries and the next mount picks up the same request. An abandoned list
      // request (1–2 KB, tens of ms) running to its end costs less than that.
      queryFn: () => fetchRebateGroups(body),
    }),
  list: (view: View) => rebateGroupQueries.listBody(toListBody(view)),
};
