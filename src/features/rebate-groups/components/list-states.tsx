// The list's non-table states: empty, error, not available, rate-limited, offline, slow.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import FilterAltOffIcon from '@mui/icons-material/FilterAltOffOutlined';
import InboxIcon from '@mui/icons-material/InboxOutlined';
import { nextStep, type ApiError } from '@/lib/api-error';
import { receivedAtOf } from '../api/received-at';
import { useCountdown } from '../hooks/use-countdown';

export function EmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const Icon = filtered ? FilterAltOffIcon : InboxIcon;
  return (
    <Box sx={{ py: 8, px: 2, textAlign: 'center' }} role="status">
      <Icon sx={{ fontSize: 40, color: 'text.disabled', mb: 1 }} aria-hidden />
      <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
        {filtered ? 'No groups match these filters' : 'No rebate groups yet'}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: filtered ? 2 : 0 }}>
        {filtered
          ? 'Try fewer filters, or clear them to see every group.'
          : 'Rebate groups created in your Exness partner area will appear here.'}
      </Typography>
      {filtered && (
        <Button variant="outlined" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}

export function ListError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const step =
    error.kind === 'rate-limit'
      ? 'Too many requests. Wait a few seconds, then try again.'
      : nextStep(error);
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      <AlertTitle>Could not load rebate groups</AlertTitle>
      {error.message}
      {step && (
        <Typography variant="body2" component="span" sx={{ display: 'block', mt: 0.5 }}>
          {step}
        </Typography>
      )}
    </Alert>
  );
}

export function NotAvailable() {
  return (
    <Alert severity="info">
      <AlertTitle>Rebate groups are not available for this partner account</AlertTitle>
      Exness did not allow this account to use automatic rebates. Ask your Exness account manager to
      enable them.
    </Alert>
  );
}

/** "Retrying in N s" while a 429 waits out its Retry-After before react-query's retry. */
export function RateLimitNotice({ error }: { error: ApiError }) {
  const at = receivedAtOf(error);
  const wait = Math.min(error.retryAfterMs ?? 0, 60_000);
  const seconds = useCountdown(at === undefined ? null : at + wait);
  return (
    <Alert severity="warning" role="status">
      Too many requests to Exness. {seconds > 0 ? `Retrying in ${seconds} s…` : 'Retrying now…'}
    </Alert>
  );
}

export function OfflineBanner() {
  return (
    <Alert severity="warning" role="status">
      You are offline. The list will refresh when the connection is back.
    </Alert>
  );
}

/** A request that has not answered after a few seconds: say so, and let the user decide. */
export function StillWaitingNotice({
  onCancel,
  onRetry,
}: {
  onCancel: () => void;
  onRetry: () => void;
}) {
  return (
    <Alert
      severity="info"
      role="status"
      action={
        <>
          <Button color="inherit" size="small" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        </>
      }
    >
      Still waiting for Exness to answer. You can keep waiting, cancel, or try again.
    </Alert>
  );
}

/** The user stopped waiting: nothing is loading now, and the list may be the previous one. */
export function StoppedNotice({
  onRetry,
  showingOld,
}: {
  onRetry: () => void;
  showingOld: boolean;
}) {
  return (
    <Alert
      severity="warning"
      role="status"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      {showingOld
        ? 'Stopped waiting for the rebate groups. The rows below are from before this change.'
        : 'Stopped waiting for the rebate groups.'}
    </Alert>
  );
}
