// Signing in: the sign-in page's hook, in a module of its own so that `useMutation` comes with
// that page and not with every page's first load (use-session.ts is there, for the app bar).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../api/queries';
import { signIn, type SessionStatus } from '../api/session';
import { forgetPartnerData } from './use-session';

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
