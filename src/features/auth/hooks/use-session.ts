// Session hooks: who is signed in, sign out (which forgets every cached answer). Sign-in is in
// use-sign-in.ts, with the sign-in page's code.
import { useCallback, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../api/queries';
import { SIGNED_OUT, signOut } from '../api/session';

/**
 * Forgets every cached answer but the session itself, which stays the same cache entry, so that
 * the components watching it see the change.
 */
export function forgetPartnerData(queryClient: QueryClient): void {
  const [sessionKey] = sessionQueries.status().queryKey;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey });
  queryClient.getMutationCache().clear();
}

export function useSession() {
  return useQuery(sessionQueries.status());
}

/**
 * Signs out. The session guard then shows the sign-in page (which brings the user back here):
 * the one place that navigates, so nothing races it.
 *
 * Plain state, not `useMutation`: this is the only mutation of every page's first load (the app
 * bar's button), and the mutation observer was 0.6 KB gzip of it. Sign-in keeps `useMutation`
 * (use-sign-in.ts, loaded with its page).
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const [isPending, setPending] = useState(false);
  const mutate = useCallback(() => {
    setPending(true);
    void signOut()
      // Even if the call failed, this tab forgets the partner's data.
      .catch(() => undefined)
      .finally(() => {
        const key = sessionQueries.status().queryKey;
        const wasAuto = queryClient.getQueryData(key)?.autoSignIn ?? false;
        forgetPartnerData(queryClient);
        queryClient.setQueryData(key, {
          ...SIGNED_OUT,
          autoSignIn: wasAuto,
          endedBy: 'signed-out',
        });
        setPending(false);
      });
  }, [queryClient]);
  return { mutate, isPending };
}
