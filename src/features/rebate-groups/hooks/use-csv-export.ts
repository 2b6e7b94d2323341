// CSV export of every row of the current filters and sort, paging the API 100 rows at a time.
import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toApiError, type ApiError } from '@/lib/api-error';
import { rebateGroupQueries } from '../api/queries';
import { toListBody } from '../api/fetchers';
import type { RebateGroup } from '../api/schemas';
import type { Column } from '../model/columns';
import { csvFilename, toCsv } from '../model/csv';
import { MAX_LIMIT, type View } from '../model/view';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; fetched: number; total: number | null }
  | { status: 'done'; rows: number; filename: string }
  | { status: 'error'; error: ApiError };

/** Saves text as a file through a temporary object URL. */
function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
      setState({ status: 'running', fetched: 0, total: null });
      // Same retry policy as the list (transient failures, Retry-After): fetchQuery alone
      // would not retry.
      const { retry, retryDelay } = queryClient.getDefaultOptions().queries ?? {};
      const rows: RebateGroup[] = [];
      try {
        for (let offset = 0; ; offset += MAX_LIMIT) {
          const options = rebateGroupQueries.listBody(
            toListBody({ ...view, limit: MAX_LIMIT, offset }),
          );
          current.current = options.queryKey;
          const page = await queryClient.fetchQuery({
            ...options,
            ...(retry !== undefined && { retry }),
            ...(retryDelay !== undefined && { retryDelay }),
          });
          if (id !== run.current) return;
          rows.push(...page.data);
          setState({ status: 'running', fetched: rows.length, total: page.totals.count });
          if (page.data.length < MAX_LIMIT || rows.length >= page.totals.count) break;
        }
        const filename = csvFilename();
        download(toCsv(rows, columns), filename);
        setState({ status: 'done', rows: rows.length, filename });
      } catch (e) {
        if (id !== run.current) return; // cancelled: the cancel already reset the state
        setState({ status: 'error', error: toApiError(e) });
      } finally {
        if (id === run.current) current.current = null;
      }
    },
    [queryClient],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, cancel, reset };
}
