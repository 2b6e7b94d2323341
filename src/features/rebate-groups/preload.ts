// Route preloading, the feature's second public entry: the app's route loader calls it so the
// list request leaves while the page's own code is still downloading, instead of after it, and
// the route shows the page's title meanwhile. Kept apart from index.ts, which exports the page:
// importing that from the router would pull the page's components into the app's entry chunk.
import type { QueryClient } from '@tanstack/react-query';
import { rebateGroupQueries } from './api/queries';
import { parseView } from './model/view';

export { RebateGroupsHeader } from './components/list-header';

/** Starts fetching the list the page at this URL will show; never throws, never waits. */
export function preloadRebateGroups(queryClient: QueryClient, url: URL): void {
  const { view } = parseView(url.searchParams);
  // prefetchQuery swallows failures: the page's query observes this same entry and shows them.
  // The same options as the page's query, so the page picks up this request, its retries and
  // its outcome rather than asking again (see the queryFn's note in api/queries.ts).
  void queryClient.prefetchQuery(rebateGroupQueries.list(view));
}
