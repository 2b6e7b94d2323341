// The list's pager: rows per page, the rows shown, previous and next: MUI's TablePagination, with
// the view's offset and limit translated to its page and rows per page, and numbers grouped.
// (MUI's own buttons keep focus on the other button when the focused one turns itself off.)
import { memo } from 'react';
import TablePagination from '@mui/material/TablePagination';
import { formatInteger } from '../model/format';
import { PAGE_SIZES, lastPageOffset } from '../model/view';

export interface PagerProps {
  count: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: number) => void;
}

export const Pager = memo(function Pager({
  count,
  limit,
  offset,
  onOffsetChange,
  onLimitChange,
}: PagerProps) {
  const lastPage = lastPageOffset(count, limit) / limit;
  // An offset past the end (a hand-typed URL) shows the last page until the page moves there.
  const page = Math.min(Math.floor(offset / limit), lastPage);
  // A deep-linked size such as 40 is valid: offer it next to the usual ones.
  const sizes = [...new Set<number>([...PAGE_SIZES, limit])].sort((a, b) => a - b);

  return (
    <TablePagination
      component="div"
      count={count}
      page={page}
      rowsPerPage={limit}
      rowsPerPageOptions={sizes}
      onPageChange={(_, next) => onOffsetChange(next * limit)}
      onRowsPerPageChange={(e) => onLimitChange(Number(e.target.value))}
      labelDisplayedRows={({ from, to, count: total }) =>
        `${formatInteger(from)}–${formatInteger(to)} of ${formatInteger(total)}`
      }
      sx={{
        borderTop: 1,
        borderColor: 'divider',
        // On a phone the row is wider than the screen: the buttons go to a second line rather
        // than out of view.
        '& .MuiTablePagination-toolbar': { flexWrap: 'wrap' },
      }}
    />
  );
});
