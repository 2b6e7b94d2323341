// Shows its children only to a signed-in user; otherwise (or when any call answers 401) the
// sign-in page, which brings the user back here afterwards.
import { useEffect, useEffectEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import LinearProgress from '@mui/material/LinearProgress';
import { onSignedOut } from '@/lib/session-signal';
import { sessionQueries } from '../api/queries';
import { useSession } from '../hooks/use-session';
import { signInHref } from '../model/return-to';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const sessionLost = useEffectEvent(() => {
    void navigate(signInHref(location, 'expired'), { replace: true });
    // The cached "signed in" is wrong now; the sign-in page asks the server afresh.
    queryClient.removeQueries({ queryKey: sessionQueries.status().queryKey });
  });
  useEffect(() => onSignedOut(sessionLost), []);

  if (session.isPending) return <LinearProgress aria-label="Checking your session" />;
  if (session.data?.user === null) return <Navigate to={signInHref(location)} replace />;
  // Signed in, or the check itself failed: the pages then show their own errors.
  return children;
}
