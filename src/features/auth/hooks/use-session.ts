// Session hooks: who is signed in, sign in, sign out (which forgets every cached answer).
//
// Sign-in and sign-out keep their pending state themselves rather than through `useMutation`:
// this module is in every page's first load (the app bar's button), and the mutation observer and
// hook were 0.7 KB gzip of it. The wizard's create, on its own page, uses `useMutation`.
import { useCallback, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../api/queries';
import { SIGNED_OUT, signIn, signOut, type SessionStatus } from '../api/session';

/**
 * Forgets every cached answer but the session itself, which stays the same cache entry, so that
 * the components watching it see the change.
 */
function forgetPartnerData(queryClient: QueryClient): void {
  const [sessionKey] = sessionQueries.status().queryKey;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey });
  queryClient.getMutationCache().clear();
}

export function useSession() {
  return useQuery(sessionQueries.status());
}

/** Signs in; rejects with the call's error (the page words it). */
export function useSignIn() {
  const queryClient = useQueryClient();
  const [isPending, setPending] = useState(false);
  const mutateAsync = useCallback(
    async ({ username, password }: { username: string; password: string }) => {
      setPending(true);
      try {
        const status: SessionStatus = await signIn(username, password);
        // Another user may have used this tab: nothing cached before sign-in is theirs to see.
        forgetPartnerData(queryClient);
        queryClient.setQueryData(sessionQueries.status().queryKey, status);
        return status;
      } finally {
        setPending(false);
      }
    },
    [queryClient],
  );
  return { mutateAsync, isPending };
}

/**
 * Signs out. The session guard then shows the sign-in page (which brings the user back here):
 * the one place that navigates, so nothing races it.
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
