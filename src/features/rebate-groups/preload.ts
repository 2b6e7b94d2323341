// Route preloading, the feature's second public entry: the app's route loader calls it so the
// list request leaves while the page's own code is still downloading, instead of after it. Kept
// apart from index.ts, which exports the page: importing that from the router would pull the
// page's components into the app's entry chunk.
import type { QueryClient } from '@tanstack/react-query';
import { fetchRebateGroups, toListBody } from './api/fetchers';
import { rebateGroupQueries } from './api/queries';
import { parseView } from './model/view';

/** Starts fetching the list the page at this URL will show; never throws, never waits. */
export function preloadRebateGroups(queryClient: QueryClient, url: URL): void {
  const { view } = parseView(url.searchParams);
  // prefetchQuery swallows failures: the page's query observes this same entry and shows them.
  void queryClient.prefetchQuery({
    ...rebateGroupQueries.list(view),
    // No AbortSignal here, on purpose: a query that used its signal is cancelled and restarted
    // from scratch when its last observer unmounts mid-flight (React's StrictMode does that to
    // the page in development), which would send the request, and its retries, twice. Without
    // it the request runs to its end and the page's query picks up its answer or its retries.
    queryFn: () => fetchRebateGroups(toListBody(view)),
  });
}
