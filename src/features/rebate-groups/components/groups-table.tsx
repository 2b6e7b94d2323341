// The rebate groups table: sortable headers (click / shift-click), formatted cells, keyboard rows.
import type { KeyboardEvent, MouseEvent } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import type { RebateGroup } from '../api/schemas';
import { displayValue, type Column } from '../model/columns';
import {
  formatDate,
  formatDateTime,
  formatPeriodDates,
  formatPeriodLength,
  label,
} from '../model/format';
import { cycleSort, directionOf } from '../model/sort';
import type { SortKey } from '../model/view';
import type { Density } from '../model/table-prefs';

const MIN_WIDTHS: Partial<Record<Column['id'], number>> = {
  title: 200,
  period: 150,
  created: 110,
  rebateSize: 96,
};

export interface GroupsTableProps {
  columns: readonly Column[];
  rows: readonly RebateGroup[] | undefined;
  /** Rows to draw as skeletons while the first page loads. */
  skeletonRows: number;
  ordering: readonly SortKey[];
  onOrderingChange: (ordering: SortKey[]) => void;
  density: Density;
  onOpen: (group: RebateGroup) => void;
}

function Cell({ column, group }: { column: Column; group: RebateGroup }) {
  switch (column.id) {
    case 'title':
      return (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Box component="span" sx={{ fontWeight: 500 }}>
            {group.group_title}
          </Box>
          {group.is_default && (
            <Chip label="Default" size="small" color="primary" variant="outlined" />
          )}
        </Box>
      );
    case 'type':
      return <>{label(group.group_type)}</>;
    case 'period':
      return (
        <>
          {formatPeriodLength(group.rebate_period, group.rebate_period_value)}
          {group.rebate_period_start && group.rebate_period_end && (
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {' · '}
              {formatPeriodDates(group.rebate_period_start, group.rebate_period_end)}
            </Box>
          )}
        </>
      );
    case 'linkCode':
      return group.link_code ? (
        <Box component="code" sx={{ fontFamily: 'ui-monospace, monospace', fontSize: '0.8125rem' }}>
          {group.link_code}
        </Box>
      ) : (
        <Box component="span" sx={{ color: 'text.secondary' }} aria-label="No link code">
          —
        </Box>
      );
    case 'created':
      return (
        <Tooltip title={formatDateTime(group.created)} placement="top-start" describeChild>
          <Box component="time" dateTime={group.created}>
            {formatDate(group.created)}
          </Box>
        </Tooltip>
      );
    default:
      return <>{displayValue(column, group)}</>;
  }
}

export function GroupsTable({
  columns,
  rows,
  skeletonRows,
  ordering,
  onOrderingChange,
  density,
  onOpen,
}: GroupsTableProps) {
  const multi = ordering.length > 1;

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, group: RebateGroup) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(group);
    }
  };

  return (
    <Table
      size={density === 'compact' ? 'small' : 'medium'}
      aria-label="Rebate groups"
      // Nine columns must fit a laptop screen: tighter side padding than MUI's 16px.
      sx={{ '& .MuiTableCell-root': { px: 1.25 }, '& .MuiTableCell-root:first-of-type': { pl: 2 } }}
    >
      <TableHead>
        <TableRow>
          {columns.map((column) => {
            const field = column.sortField;
            const direction = field ? directionOf(ordering, field) : 'off';
            const priority = field ? ordering.findIndex((k) => k.field === field) + 1 : 0;
            return (
              <TableCell
                key={column.id}
                align={column.numeric ? 'right' : 'left'}
                sortDirection={direction === 'off' ? false : direction}
                sx={{ whiteSpace: 'nowrap', fontWeight: 600, minWidth: MIN_WIDTHS[column.id] }}
              >
                {field ? (
                  <TableSortLabel
                    active={direction !== 'off'}
                    sx={
                      direction === 'off'
                        ? {
                            // An unsorted column's arrow (shown on hover) must not reserve
                            // width: nine columns have to fit a laptop screen.
                            position: 'relative',
                            '& .MuiTableSortLabel-icon': {
                              position: 'absolute',
                              [column.numeric ? 'right' : 'left']: '100%',
                              m: 0,
                            },
                          }
                        : undefined
                    }
                    direction={direction === 'off' ? 'asc' : direction}
                    onClick={(e: MouseEvent) =>
                      onOrderingChange(cycleSort(ordering, field, e.shiftKey))
                    }
                    title="Click to sort; Shift-click to add as another sort key"
                  >
                    {column.header}
                    {multi && priority > 0 && (
                      <Box
                        component="span"
                        aria-hidden
                        sx={{ ml: 0.25, fontSize: '0.7rem', color: 'text.secondary', order: 2 }}
                      >
                        {priority}
                      </Box>
                    )}
                  </TableSortLabel>
                ) : (
                  column.header
                )}
              </TableCell>
            );
          })}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows
          ? rows.map((group) => (
              <TableRow
                key={group.id}
                hover
                tabIndex={0}
                onClick={() => onOpen(group)}
                onKeyDown={(e) => onRowKey(e, group)}
                sx={{
                  cursor: 'pointer',
                  '&:focus-visible': {
                    outline: 2,
                    outlineColor: 'primary.main',
                    outlineOffset: -2,
                  },
                }}
              >
                {columns.map((column) => (
                  <TableCell
                    key={column.id}
                    align={column.numeric ? 'right' : 'left'}
                    sx={{
                      fontVariantNumeric: column.numeric ? 'tabular-nums' : undefined,
                      whiteSpace: column.id === 'title' ? undefined : 'nowrap',
                    }}
                  >
                    <Cell column={column} group={group} />
                  </TableCell>
                ))}
              </TableRow>
            ))
          : Array.from({ length: skeletonRows }, (_, i) => (
              <TableRow key={i} aria-hidden>
                {columns.map((column) => (
                  <TableCell key={column.id} align={column.numeric ? 'right' : 'left'}>
                    <Skeleton
                      variant="text"
                      width={column.id === 'title' ? '70%' : column.numeric ? 40 : 64}
                      sx={{ display: 'inline-block' }}
                    />
                  </TableCell>
                ))}
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
