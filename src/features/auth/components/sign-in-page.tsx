// The sign-in page: user name and password, a clear message when it fails, and back to the page
// the user came from.
import { useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import { PRODUCT_NAME } from '@/config/routes';
import { toApiError, type ApiError } from '@/lib/api-error';
import { sessionQueries } from '../api/queries';
import { useSession, useSignIn } from '../hooks/use-session';
import { safeReturnTo } from '../model/return-to';

/** What went wrong, in words the user can act on. */
export function signInErrorMessage(error: ApiError): string {
  if (error.code === 'InvalidCredentials') return 'Wrong user name or password.';
  if (error.kind === 'rate-limit') {
    const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000));
    return `Too many failed sign-ins. Wait ${seconds} s, then try again.`;
  }
  if (error.kind === 'network' || error.kind === 'timeout') {
    return 'Could not reach the dashboard server. Check your connection, then try again.';
  }
  return error.message;
}

const REASONS: Record<string, string> = {
  expired: 'Your session has ended. Sign in again to continue.',
  'signed-out': 'You are signed out.',
};

export function SignInPage() {
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const reason = REASONS[params.get('reason') ?? ''];
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ username: false, password: false });
  const [error, setError] = useState<string | undefined>();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorId = useId();

  if (session.data?.user) return <Navigate to={returnTo} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    setError(undefined);
    if (nowMissing.username) return usernameRef.current?.focus();
    if (nowMissing.password) return passwordRef.current?.focus();
    try {
      await signIn.mutateAsync({ username: username.trim(), password });
      void navigate(returnTo, { replace: true });
    } catch (e) {
      setError(signInErrorMessage(toApiError(e)));
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper variant="outlined" sx={{ p: { xs: 3, sm: 4 }, width: '100%', maxWidth: 400 }}>
        <Stack
          component="form"
          // POST even if the script's handler never runs: a password must never land in a URL.
          method="post"
          noValidate
          onSubmit={submit}
          spacing={2}
          aria-label="Sign in"
        >
          <div>
            <Typography variant="overline" component="p" color="text.secondary">
              {PRODUCT_NAME}
            </Typography>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
              Sign in
            </Typography>
          </div>
          {reason && !error && <Alert severity="info">{reason}</Alert>}
          {session.data?.autoSignIn && (
            <Alert
              severity="info"
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() =>
                    void queryClient.invalidateQueries({
                      queryKey: sessionQueries.status().queryKey,
                    })
                  }
                >
                  Continue
                </Button>
              }
            >
              Emulated dev mode signs you in automatically.
            </Alert>
          )}
          {error && (
            <Alert severity="error" id={errorId}>
              {error}
            </Alert>
          )}
          <TextField
            label="User name"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            inputRef={usernameRef}
            error={missing.username}
            helperText={missing.username ? 'Enter your user name.' : undefined}
            required
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            inputRef={passwordRef}
            error={missing.password}
            helperText={missing.password ? 'Enter your password.' : undefined}
            slotProps={{ htmlInput: error ? { 'aria-describedby': errorId } : {} }}
            required
          />
          <Button type="submit" variant="contained" size="large" loading={signIn.isPending}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
