// Session preloading, the feature's second public entry: main.tsx asks "who is signed in?" before
// the router has loaded the first page's code, so the answer is there when the guard renders.
// Kept apart from index.ts, which exports the sign-in page and would drag it into the entry.
import type { QueryClient } from '@tanstack/react-query';
import { sessionQueries } from './api/queries';

export function preloadSession(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(sessionQueries.status());
}
