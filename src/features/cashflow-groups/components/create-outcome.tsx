// What "Create group" led to: the success panel, and the "outcome unknown" panel that checks
// with the network before allowing a retry.
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useEffect, useRef, useState } from 'react';
import { routes } from '@/config/routes';
import { nextStep, SERVER_SETUP_CODES, type ApiError } from '@/lib/api-error';
import type { CreateState } from '../hooks/use-create-group';
import { GroupSummary } from './group-summary';

export function CreatedPanel({
  id,
  name,
  summary,
  onCreateAnother,
}: {
  id: string;
  name: string;
  summary: string[];
  onCreateAnother: () => void;
}) {
  // The page body would otherwise hold focus after the wizard it replaced: start from here.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, md: 4 }, maxWidth: 880 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
        <CheckCircleIcon color="success" fontSize="large" aria-hidden />
        <div>
          <Typography
            variant="h5"
            component="h2"
            sx={{ fontWeight: 600 }}
            tabIndex={-1}
            id="created-heading"
            ref={headingRef}
          >
            Cashflow group created
          </Typography>
          <Typography color="text.secondary">
            “{name}” has ID <strong>#{id}</strong>.
          </Typography>
        </div>
      </Stack>
      <GroupSummary lines={summary} />
      {/* No link into HasOffers itself: its address needs the network id, which the browser is
          not told (/api/health says only the mode). */}
      <Stack direction="row" sx={{ mt: 3, flexWrap: 'wrap', gap: 1.5 }}>
        <Button variant="contained" component={RouterLink} to={routes.cashflowGroup(id)}>
          Open the group
        </Button>
        <Button variant="outlined" component={RouterLink} to={routes.editCashflowGroup(id)}>
          Edit the group
        </Button>
        <Button onClick={onCreateAnother}>Create another</Button>
        <Button component={RouterLink} to={routes.cashflowGroups}>
          See all cashflow groups
        </Button>
      </Stack>
    </Paper>
  );
}

/** One sentence as the API wrote it: its spacing tidied, a full stop ensured. */
export function asSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' || /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** HasOffers' limit as it states it ("Configured: 50/10s window"), when it does. */
function limitOf(e: ApiError): string | undefined {
  const all = [e.message, ...e.details].join(' ');
  return /configured:\s*([^;.]+?window)/i.exec(all)?.[1]?.trim();
}

const PERMISSION_TEXT = /\bpermission\b|not (?:allowed|authori[sz]ed) to/i;

/**
 * What to do after a refused create, in one sentence. The words are the create's own: a
 * HasOffers refusal is a decision on this request, not "a problem" to retry, and a missing
 * permission is the dashboard server's (its NetworkToken), which retrying cannot change.
 */
export function refusalNextStep(e: ApiError): string {
  if (e.code !== undefined && SERVER_SETUP_CODES.has(e.code)) return nextStep(e);
  if (e.kind === 'forbidden' || PERMISSION_TEXT.test([e.message, ...e.details].join(' '))) {
    return 'Trying again will not change this: ask whoever runs the dashboard server to allow its HasOffers API key (NetworkToken) to create cashflow groups.';
  }
  switch (e.kind) {
    case 'unauthorized':
      return nextStep(e);
    case 'bad-request':
      return 'Correct the highlighted values, then create the group again.';
    case 'server':
      return 'The service is unavailable right now. Create the group again in a minute.';
    default:
      return 'Change what HasOffers names, then create the group again; if the reason is unclear, send this message to support.';
  }
}

/** Seconds until `at`, updated every second while any are left. */
function useSecondsLeft(at: number | undefined): number {
  const left = () => (at === undefined ? 0 : Math.max(0, Math.ceil((at - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    if (at === undefined) return undefined;
    const tick = () => setSeconds(Math.max(0, Math.ceil((at - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === undefined ? 0 : seconds;
}

/** The outcome's title, focused when it appears so a keyboard user lands on what happened. */
function OutcomeTitle({ children }: { children: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [children]);
  return (
    <AlertTitle ref={ref} tabIndex={-1}>
      {children}
    </AlertTitle>
  );
}

/**
 * The create status, shown with the wizard's buttons on the Review step (whose main button
 * becomes the next thing to do: check, then try again).
 */
export function CreateStatus({ state, onDismiss }: { state: CreateState; onDismiss: () => void }) {
  switch (state.status) {
    case 'idle':
    case 'created':
      return null;
    case 'sending':
      return (
        <Alert severity="info" icon={<CircularProgress size={20} />} role="status">
          Creating the group… Do not close this page.
        </Alert>
      );
    case 'refused':
      return (
        <Alert severity="error" onClose={onDismiss}>
          <OutcomeTitle>HasOffers did not create the group</OutcomeTitle>
          {asSentence(state.refusal.message)} {refusalNextStep(state.refusal.error)}
        </Alert>
      );
    case 'rate-limited':
      return <RateLimitedStatus error={state.error} retryAt={state.retryAt} />;
    case 'unreached':
      return state.error.kind === 'network' ? (
        <Alert severity="error">
          <OutcomeTitle>The dashboard server could not be reached</OutcomeTitle>
          Check your connection, then select Create group again. It is sent with the same key, so it
          cannot create the group twice.
        </Alert>
      ) : (
        <Alert severity="error">
          <OutcomeTitle>The dashboard server could not reach HasOffers</OutcomeTitle>
          Select Create group again in a minute. It is sent with the same key, and the dashboard
          server checks whether an earlier attempt created the group before sending, so it cannot be
          created twice.
        </Alert>
      );
    case 'unknown':
    case 'checking':
    case 'check-failed':
      return (
        <Alert severity="warning">
          <OutcomeTitle>We do not know whether the group was created</OutcomeTitle>
          {state.error.message} The request may have reached HasOffers before the connection failed.
          Check before trying again, so the group is not created twice.
          {state.status === 'check-failed' && (
            <Box component="span" sx={{ display: 'block', mt: 1 }}>
              The check failed too: {state.checkError.message} {nextStep(state.checkError)}
            </Box>
          )}
        </Alert>
      );
    case 'not-created':
      return (
        <Alert severity="info">
          <OutcomeTitle>The group was not created</OutcomeTitle>
          No group with this name exists in the network, so trying again is safe.
        </Alert>
      );
  }
}

function RateLimitedStatus({ error, retryAt }: { error: ApiError; retryAt: number }) {
  const seconds = useSecondsLeft(retryAt);
  const limit = limitOf(error);
  return (
    <Alert severity="warning">
      <OutcomeTitle>The group was not created: too many calls</OutcomeTitle>
      HasOffers turned the request away under its call limit
      {limit ? ` (${limit})` : ''}, so it did not create the group. It is not sent again by itself.{' '}
      {/* Not re-announced every second: the button coming back is what matters. */}
      <span aria-live="off">
        {seconds > 0
          ? `You can create it again in ${seconds} s.`
          : 'You can create it again now: select Create group.'}
      </span>
    </Alert>
  );
}

/** "Create group", held back until a limit's wait is over. */
function CreateButton({ state, onCreate }: { state: CreateState; onCreate: () => void }) {
  const seconds = useSecondsLeft(state.status === 'rate-limited' ? state.retryAt : undefined);
  return (
    <Button
      variant="contained"
      onClick={onCreate}
      disabled={state.status === 'sending' || seconds > 0}
      loading={state.status === 'sending'}
      loadingPosition="start"
    >
      Create group
    </Button>
  );
}

/** The Review step's main button for each create state. */
export function CreateAction({
  state,
  onCreate,
  onCheck,
  onRetry,
}: {
  state: CreateState;
  onCreate: () => void;
  onCheck: () => void;
  onRetry: () => void;
}) {
  switch (state.status) {
    case 'unknown':
    case 'checking':
    case 'check-failed':
      return (
        <Button
          variant="contained"
          onClick={onCheck}
          loading={state.status === 'checking'}
          loadingPosition="start"
        >
          Check whether it was created
        </Button>
      );
    case 'not-created':
      return (
        <Button variant="contained" onClick={onRetry}>
          Try again
        </Button>
      );
    default:
      return <CreateButton state={state} onCreate={onCreate} />;
  }
}
