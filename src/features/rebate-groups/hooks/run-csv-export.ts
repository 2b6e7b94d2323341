// The CSV export's work: pages the API 100 rows at a time, then writes the file. Fetched when an
// export starts (use-csv-export.ts), not with the list's first load.
import type { QueryClient } from '@tanstack/react-query';
import { rebateGroupQueries } from '../api/queries';
import { toListBody } from '../api/fetchers';
import type { RebateGroup } from '../api/schemas';
import type { Column } from '../model/columns';
import { csvFilename, toCsv } from '../model/csv';
import { MAX_LIMIT, type View } from '../model/view';

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

export interface ExportRun {
  /** False once the export was cancelled or restarted: stop, write nothing. */
  isCurrent: () => boolean;
  /** The query about to be fetched, so that a cancel can cancel it. */
  onRequest: (queryKey: readonly unknown[]) => void;
  onProgress: (fetched: number, total: number) => void;
}

/** Exports every row of the view's filters and sort; undefined when no longer current. */
export async function runCsvExport(
  queryClient: QueryClient,
  view: Pick<View, 'filters' | 'ordering'>,
  columns: readonly Column[],
  { isCurrent, onRequest, onProgress }: ExportRun,
): Promise<{ rows: number; filename: string } | undefined> {
  // Same retry policy as the list (transient failures, Retry-After): fetchQuery alone would not
  // retry.
  const { retry, retryDelay } = queryClient.getDefaultOptions().queries ?? {};
  const rows: RebateGroup[] = [];
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const options = rebateGroupQueries.listBody(toListBody({ ...view, limit: MAX_LIMIT, offset }));
    onRequest(options.queryKey);
    const page = await queryClient.fetchQuery({
      ...options,
      ...(retry !== undefined && { retry }),
      ...(retryDelay !== undefined && { retryDelay }),
    });
    if (!isCurrent()) return undefined;
    rows.push(...page.data);
    onProgress(rows.length, page.totals.count);
    if (page.data.length < MAX_LIMIT || rows.length >= page.totals.count) break;
  }
  const filename = csvFilename();
  download(toCsv(rows, columns), filename);
  return { rows: rows.length, filename };
}
