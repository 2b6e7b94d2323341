// Shows its children only to a signed-in user; otherwise (or when any call answers 401) the
// sign-in page, which brings the user back here afterwards.
import { useEffect, useEffectEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { onSignedOut } from '@/lib/session-signal';
import { sessionQueries } from '../api/queries';
import { SIGNED_OUT } from '../api/session';
import { useSession } from '../hooks/use-session';
import { signInHref } from '../model/return-to';
import LinearProgress from '@mui/material/LinearProgress';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();

  const sessionLost = useEffectEvent(() => {
    // A 401 ends a session only if this tab had one. While the check is still out (a list
    // preloaded beside it answered first), its own answer decides: a signed-out visitor is not
    // told a session ended.
    if (!session.data?.user) return;
    // The cached "signed in" is wrong now. Rendering with it gone leads to the sign-in page.
    queryClient.setQueryData(sessionQueries.status().queryKey, {
      ...SIGNED_OUT,
      endedBy: 'expired',
    });
  });
  useEffect(() => onSignedOut(sessionLost), []);

  if (session.isPending) return <LinearProgress aria-label="Checking your session" />;
  if (session.data?.user === null) {
    return <Navigate to={signInHref(location, session.data.endedBy)} replace />;
  }
  // Signed in, or the check itself failed: the pages then show their own errors.
  return children;
}
