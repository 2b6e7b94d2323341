// "Export CSV": exports the current filters and sort, with progress, cancel and the outcome.
import { memo } from 'react';
import Button from '@mui/material/Button';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { OnDemand } from '@/components/on-demand';
import { preloadOnIntent } from '@/lib/lazy-with-preload';
import { useCsvExport } from '../hooks/use-csv-export';
import type { Column } from '../model/columns';
import type { Filters, SortKey } from '../model/view';
import { ExportStatus } from './lazy-parts';

// The progress dialog and the export's work (run-csv-export.ts) travel while the pointer is on
// the button.
const intent = preloadOnIntent(ExportStatus, { preload: () => import('../hooks/run-csv-export') });

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
  const exportView = () => void start({ filters, ordering }, columns);

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<DownloadIcon />}
        disabled={disabled || state.status === 'running'}
        onClick={exportView}
        {...intent}
      >
        Export CSV
      </Button>
      <OnDemand what="The export’s progress" open={state.status !== 'idle'}>
        <ExportStatus state={state} onCancel={cancel} onClose={reset} onRetry={exportView} />
      </OnDemand>
    </>
  );
});
