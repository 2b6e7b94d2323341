// CSV export of every row of the current filters and sort: its state (progress, outcome, cancel);
// the work itself is run-csv-export.ts, fetched when an export starts.
import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toApiError, type ApiError } from '@/lib/api-error';
import type { Column } from '../model/columns';
import type { View } from '../model/view';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; fetched: number; total: number | null }
  | { status: 'done'; rows: number; filename: string }
  | { status: 'error'; error: ApiError };

export function useCsvExport() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const run = useRef(0);
  const current = useRef<readonly unknown[] | null>(null);

  const cancel = useCallback(() => {
    run.current += 1;
    if (current.current) void queryClient.cancelQueries({ queryKey: current.current, exact: true });
    current.current = null;
    setState({ status: 'idle' });
  }, [queryClient]);

  const start = useCallback(
    async (view: Pick<View, 'filters' | 'ordering'>, columns: readonly Column[]) => {
      const id = ++run.current;
      const isCurrent = () => id === run.current;
      setState({ status: 'running', fetched: 0, total: null });
      try {
        // The export's work comes when an export starts (or the pointer is on its button), not
        // with the list's first load.
        const { runCsvExport } = await import('./run-csv-export');
        if (!isCurrent()) return;
        const done = await runCsvExport(queryClient, view, columns, {
          isCurrent,
          onRequest: (queryKey) => {
            current.current = queryKey;
          },
          onProgress: (fetched, total) => setState({ status: 'running', fetched, total }),
        });
        if (done && isCurrent()) setState({ status: 'done', ...done });
      } catch (e) {
        if (!isCurrent()) return; // cancelled: the cancel already reset the state
        setState({ status: 'error', error: toApiError(e) });
      } finally {
        if (isCurrent()) current.current = null;
      }
    },
    [queryClient],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, cancel, reset };
}
