// Session hooks: who is signed in, sign in, sign out (which forgets every cached answer).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { sessionQueries } from '../api/queries';
import { SIGNED_OUT, signIn, signOut, type SessionStatus } from '../api/session';
import { signInHref } from '../model/return-to';

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
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.status().queryKey, status);
    },
  });
}

/** Signs out, then shows the sign-in page (which brings you back here after signing in). */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  return useMutation({
    mutationFn: signOut,
    retry: false,
    onSettled: () => {
      const key = sessionQueries.status().queryKey;
      const wasAuto = queryClient.getQueryData(key)?.autoSignIn ?? false;
      void navigate(signInHref(location, 'signed-out'), { replace: true });
      // Even if the call failed, this tab forgets the partner's data.
      queryClient.clear();
      queryClient.setQueryData(key, { ...SIGNED_OUT, autoSignIn: wasAuto });
    },
  });
}
