// "Export CSV": exports the current filters and sort, with progress, cancel and the outcome.
import { memo } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Snackbar from '@mui/material/Snackbar';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { nextStep } from '@/lib/api-error';
import { useCsvExport } from '../hooks/use-csv-export';
import type { Column } from '../model/columns';
import { formatInteger } from '../model/format';
import type { Filters, SortKey } from '../model/view';

export interface ExportButtonProps {
  filters: Filters;
  ordering: SortKey[];
  columns: readonly Column[];
  disabled?: boolean;
}

/** Memoised, and given only what an export uses: a page change does not re-render it. */
export const ExportButton = memo(function ExportButton({
  filters,
  ordering,
  columns,
  disabled,
}: ExportButtonProps) {
  const { state, start, cancel, reset } = useCsvExport();
  const view = { filters, ordering };
  const running = state.status === 'running';
  const percent =
    running && state.total ? Math.min(100, Math.round((state.fetched / state.total) * 100)) : 0;

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<DownloadIcon />}
        disabled={disabled || running}
        onClick={() => void start(view, columns)}
      >
        Export CSV
      </Button>
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
            <Button onClick={cancel}>Cancel</Button>
          ) : (
            <>
              <Button onClick={reset}>Close</Button>
              <Button variant="contained" onClick={() => void start(view, columns)}>
                Try again
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
      <Snackbar
        open={state.status === 'done'}
        autoHideDuration={5000}
        onClose={reset}
        message={
          state.status === 'done'
            ? `Exported ${formatInteger(state.rows)} groups to ${state.filename}.`
            : ''
        }
      />
    </>
  );
});
