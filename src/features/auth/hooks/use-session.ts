// Session hooks: who is signed in, sign in, sign out (which forgets every cached answer).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
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

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      signIn(username, password),
    retry: false,
    onSuccess: (status: SessionStatus) => {
      // Another user may have used this tab: nothing cached before sign-in is theirs to see.
      forgetPartnerData(queryClient);
      queryClient.setQueryData(sessionQueries.status().queryKey, status);
    },
  });
}

/**
 * Signs out. The session guard then shows the sign-in page (which brings the user back here):
 * the one place that navigates, so nothing races it.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    retry: false,
    onSettled: () => {
      const key = sessionQueries.status().queryKey;
      const wasAuto = queryClient.getQueryData(key)?.autoSignIn ?? false;
      // Even if the call failed, this tab forgets the partner's data.
      forgetPartnerData(queryClient);
      queryClient.setQueryData(key, { ...SIGNED_OUT, autoSignIn: wasAuto, endedBy: 'signed-out' });
    },
  });
}
