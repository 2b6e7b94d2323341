// The export's progress dialog (with Cancel, and Try again after a failure) and the snackbar that
// says where the file went. Only an export shows them: their code comes apart from the page's
// (see export-button.tsx).
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Snackbar from '@mui/material/Snackbar';
import { nextStep } from '@/lib/api-error';
import type { ExportState } from '../hooks/use-csv-export';
import { formatInteger } from '../model/format';

export interface ExportStatusProps {
  state: ExportState;
  onCancel: () => void;
  /** Closes the failure or the snackbar. */
  onClose: () => void;
  onRetry: () => void;
}

export function ExportStatus({ state, onCancel, onClose, onRetry }: ExportStatusProps) {
  const running = state.status === 'running';
  const percent =
    running && state.total ? Math.min(100, Math.round((state.fetched / state.total) * 100)) : 0;

  return (
    <>
      <Dialog
        open={running || state.status === 'error'}
        aria-labelledby="rebate-groups-export-title"
      >
        <DialogTitle id="rebate-groups-export-title">Exporting rebate groups</DialogTitle>
        <DialogContent sx={{ minWidth: 360 }}>
          {running && (
            <>
              <DialogContentText sx={{ mb: 2 }} role="status">
                {state.total === null
                  ? 'Starting…'
                  : `${formatInteger(state.fetched)} of ${formatInteger(state.total)} groups`}
              </DialogContentText>
              <LinearProgress
                aria-label="Export progress"
                variant={state.total === null ? 'indeterminate' : 'determinate'}
                value={percent}
              />
            </>
          )}
          {state.status === 'error' && (
            <Alert severity="error">
              {state.error.message} {nextStep(state.error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          {running ? (
            <Button onClick={onCancel}>Cancel</Button>
          ) : (
            <>
              <Button onClick={onClose}>Close</Button>
              <Button variant="contained" onClick={onRetry}>
                Try again
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
      <Snackbar
        open={state.status === 'done'}
        autoHideDuration={5000}
        onClose={onClose}
        message={
          state.status === 'done'
            ? `Exported ${formatInteger(state.rows)} groups to ${state.filename}.`
            : ''
        }
      />
    </>
  );
}
