// What "Create group" led to: the success panel, and the "outcome unknown" panel that checks
// with the network before allowing a retry.
import { Link as RouterLink } from '@/lib/router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { routes } from '@/config/routes';
import { nextStep } from '@/lib/api-error';
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
          >
            Cashflow group created
          </Typography>
          <Typography color="text.secondary">
            “{name}” has ID <strong>#{id}</strong>.
          </Typography>
        </div>
      </Stack>
      <GroupSummary lines={summary} />
      <Stack direction="row" spacing={1.5} sx={{ mt: 3 }}>
        <Button variant="contained" onClick={onCreateAnother}>
          Create another
        </Button>
        <Button component={RouterLink} to={routes.cashflowGroups}>
          See all cashflow groups
        </Button>
      </Stack>
    </Paper>
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
          <AlertTitle>HasOffers did not create the group</AlertTitle>
          {state.refusal.message} {nextStep(state.refusal.error)}
        </Alert>
      );
    case 'unknown':
    case 'checking':
    case 'check-failed':
      return (
        <Alert severity="warning">
          <AlertTitle>We do not know whether the group was created</AlertTitle>
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
          <AlertTitle>The group was not created</AlertTitle>
          No group with this name exists in the network, so trying again is safe.
        </Alert>
      );
  }
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
      return (
        <Button
          variant="contained"
          onClick={onCreate}
          disabled={state.status === 'sending'}
          loading={state.status === 'sending'}
          loadingPosition="start"
        >
          Create group
        </Button>
      );
  }
}
