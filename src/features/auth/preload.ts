// Session preloading, the feature's second public entry: main.tsx asks "who is signed in?" before
// the router has loaded the first page's code, so the answer is there when the guard renders.
// Kept apart from index.ts, which exports the sign-in page and would drag it into the entry.
import type { QueryClient } from '@tanstack/react-query';
import { safeParse } from 'zod/mini';
import { sessionQueries } from './api/queries';
import { sessionStatusSchema, type SessionStatus } from './api/session';

/**
 * Where the BFF writes the session's status into the page it serves to a signed-in browser
 * (server/static-files.ts): the guard then knows at once, instead of one round trip after the
 * app's code has loaded, and the first page shows that much sooner.
 */
export const EMBEDDED_SESSION_ID = 'session-status';

export function preloadSession(queryClient: QueryClient): void {
  const embedded = takeEmbeddedSession();
  if (embedded) queryClient.setQueryData(sessionQueries.status().queryKey, embedded);
  else void queryClient.prefetchQuery(sessionQueries.status());
}

/** The embedded status, read once; anything but a signed-in user means "ask the server". */
function takeEmbeddedSession(): SessionStatus | undefined {
  const element = document.getElementById(EMBEDDED_SESSION_ID);
  if (!element) return undefined;
  // Read once: only the page's first start may trust it (it is as old as the page).
  element.remove();
  let data: unknown;
  try {
    data = JSON.parse(element.textContent ?? '');
  } catch {
    return undefined;
  }
  const result = safeParse(sessionStatusSchema, data);
  return result.success && result.data.user !== null ? result.data : undefined;
}
