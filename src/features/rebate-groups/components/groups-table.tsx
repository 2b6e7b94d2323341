// The rebate groups table: sortable headers (click / shift-click), formatted cells, keyboard rows.
import { memo, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
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
import type { Theme } from '@mui/material/styles';
import { StaticStyles } from '@/components/static-styles';
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
  period: 110,
  created: 110,
  rebateSize: 96,
};

/** Cells that may take a second line when the screen is narrow. */
const WRAPPING: ReadonlySet<Column['id']> = new Set(['title', 'period']);

export interface GroupsTableProps {
  columns: readonly Column[];
  rows: readonly RebateGroup[] | undefined;
  /** Rows to draw as skeletons while the first page loads. */
  skeletonRows: number;
  ordering: readonly SortKey[];
  onOrderingChange: (ordering: SortKey[]) => void;
  /**
   * A sort header pressed: the order its click will ask for. A person's click comes 50–150 ms
   * after the press, time enough for the rows to be on their way.
   */
  onOrderingPreview?: (ordering: SortKey[]) => void;
  density: Density;
  onOpen: (group: RebateGroup) => void;
}

// Cell contents are plain elements with class names styled once for the table (tableStyles): an
// `sx` per cell would make emotion serialise and hash styles for all 225 cells on every render.
function Cell({ column, group }: { column: Column; group: RebateGroup }) {
  switch (column.id) {
    case 'title':
      return (
        <span className="rg-title">
          <span className="rg-title-text">{group.group_title}</span>
          {group.is_default && (
            <Chip label="Default" size="small" color="primary" variant="outlined" />
          )}
        </span>
      );
    case 'type':
      return <>{label(group.group_type)}</>;
    case 'period':
      return (
        <>
          {/* Two unbreakable parts, told apart by colour (a "·" would dangle at a line's end):
              on a laptop the dates may go under the length, so the nine default columns fit
              1280 px without scrolling sideways. */}
          <span className="rg-nowrap">
            {formatPeriodLength(group.rebate_period, group.rebate_period_value)}
          </span>
          {group.rebate_period_start && group.rebate_period_end && (
            <>
              {' '}
              <span className="rg-secondary rg-nowrap">
                {formatPeriodDates(group.rebate_period_start, group.rebate_period_end)}
              </span>
            </>
          )}
        </>
      );
    case 'linkCode':
      return group.link_code ? (
        <code className="rg-code">{group.link_code}</code>
      ) : (
        <span className="rg-secondary" aria-label="No link code">
          —
        </span>
      );
    case 'created':
      return <CreatedDate iso={group.created} />;
    default:
      return <>{displayValue(column, group)}</>;
  }
}

/** What a closed tooltip's popper renders: nothing (MUI's own closed popper renders nothing too). */
function NoPopper() {
  return null;
}
const UNOPENED_SLOTS = { popper: NoPopper };

/**
 * The exact time on hover: the date's description. Until it first opens, the tooltip's popper
 * slot is an empty component: MUI renders its styled popper (a styled component, an emotion
 * insertion and two Popper layers, twice as the tooltip mounts) for each row's closed tooltip,
 * which was about a third of the components a page, sort or filter change rendered. On opening
 * (onOpen comes in the same batch as the open state) MUI's own popper takes over for good, so
 * the tooltip shows, animates and closes as before.
 */
function CreatedDate({ iso }: { iso: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <Tooltip
      describeChild
      title={formatDateTime(iso)}
      placement="top-start"
      slots={opened ? undefined : UNOPENED_SLOTS}
      onOpen={opened ? undefined : () => setOpened(true)}
    >
      <time dateTime={iso}>{formatDate(iso)}</time>
    </Tooltip>
  );
}

/**
 * Body rows and cells are plain <tr>/<td> styled here once, as MUI's TableRow (hover) and
 * TableCell (body) are: 225 to 900 styled components re-rendered on every page change cost
 * emotion a style serialisation each, which was most of a page change's time.
 *
 * The stylesheet is global and written once (StaticStyles renders once): as the table's
 * `sx` it was serialised and hashed again on every page, sort and filter change. MUI's CSS
 * variables (app/theme.ts) keep it right in both colour schemes.
 */
const tableStyles = (theme: Theme) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    // Nine columns must fit a laptop screen: tighter side padding than MUI's 16px.
    '.rg-table .MuiTableCell-root': {
      paddingLeft: theme.spacing(1.25),
      paddingRight: theme.spacing(1.25),
    },
    '.rg-table .MuiTableCell-root:first-of-type': { paddingLeft: theme.spacing(2) },
    '.rg-table .rg-row': {
      color: 'inherit',
      display: 'table-row',
      verticalAlign: 'middle',
      outline: 'none',
      cursor: 'pointer',
      '&:hover': { backgroundColor: palette.action.hover },
      '&:focus-visible': {
        outline: `2px solid ${palette.primary.main}`,
        outlineOffset: '-2px',
      },
    },
    '.rg-table .rg-cell': {
      ...theme.typography.body2,
      display: 'table-cell',
      verticalAlign: 'inherit',
      borderBottom: `1px solid ${theme.vars?.palette.TableCell.border ?? theme.palette.divider}`,
      color: palette.text.primary,
      textAlign: 'left',
      padding: '16px 10px',
      whiteSpace: 'nowrap',
    },
    '.rg-table .rg-cell:first-of-type': { paddingLeft: '16px' },
    '.rg-table.rg-compact .rg-cell': { paddingTop: '6px', paddingBottom: '6px' },
    '.rg-table .rg-cell.rg-wrap': { whiteSpace: 'normal' },
    '.rg-table .rg-nowrap': { whiteSpace: 'nowrap' },
    '.rg-table .rg-cell.rg-numeric': { fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
    '.rg-table .rg-title': { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    '.rg-table .rg-title-text': { fontWeight: 500 },
    '.rg-table .rg-secondary': { color: palette.text.secondary },
    '.rg-table .rg-code': { fontFamily: 'ui-monospace, monospace', fontSize: '0.8125rem' },
    // An unsorted column's arrow (MUI's TableSortLabel shows it on hover) must not reserve
    // width: nine columns have to fit a laptop screen.
    '.rg-table .MuiTableSortLabel-root:not(.Mui-active)': { position: 'relative' },
    '.rg-table .MuiTableSortLabel-root:not(.Mui-active) .MuiTableSortLabel-icon': {
      position: 'absolute',
      left: '100%',
      margin: 0,
    },
    '.rg-table .rg-sort-numeric.MuiTableSortLabel-root:not(.Mui-active) .MuiTableSortLabel-icon': {
      left: 'auto',
      right: '100%',
    },
  } as const;
};

interface GroupRowProps {
  group: RebateGroup;
  columns: readonly Column[];
  onOpen: (group: RebateGroup) => void;
}

/**
 * One body row, memoised: rows whose group object is unchanged (the query keeps unchanged rows'
 * objects across fetches) skip rendering, and so does every row while the next page is fetched.
 */
const GroupRow = memo(function GroupRow({ group, columns, onOpen }: GroupRowProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(group);
    }
  };
  return (
    <tr tabIndex={0} className="rg-row" onClick={() => onOpen(group)} onKeyDown={onKeyDown}>
      {columns.map((column) => (
        <td
          key={column.id}
          className={`rg-cell${column.numeric ? ' rg-numeric' : ''}${WRAPPING.has(column.id) ? ' rg-wrap' : ''}`}
        >
          <Cell column={column} group={group} />
        </td>
      ))}
    </tr>
  );
});

type GroupsTableHeadProps = Pick<
  GroupsTableProps,
  'columns' | 'ordering' | 'onOrderingChange' | 'onOrderingPreview'
>;

/**
 * The header row, memoised: a page change leaves columns and ordering as they are (the view keeps
 * their identity), so its nine cells and eight sort buttons skip rendering.
 */
const GroupsTableHead = memo(function GroupsTableHead({
  columns,
  ordering,
  onOrderingChange,
  onOrderingPreview,
}: GroupsTableHeadProps) {
  const multi = ordering.length > 1;
  return (
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
                  direction={direction === 'off' ? 'asc' : direction}
                  className={column.numeric ? 'rg-sort-numeric' : undefined}
                  onClick={(e: MouseEvent) =>
                    onOrderingChange(cycleSort(ordering, field, e.shiftKey))
                  }
                  onPointerDown={(e: PointerEvent) => {
                    // The main button only: a right press opens a menu, not a sort.
                    if (e.button === 0) onOrderingPreview?.(cycleSort(ordering, field, e.shiftKey));
                  }}
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
  );
});

export function GroupsTable({
  columns,
  rows,
  skeletonRows,
  ordering,
  onOrderingChange,
  onOrderingPreview,
  density,
  onOpen,
}: GroupsTableProps) {
  return (
    <>
      <StaticStyles styles={tableStyles} />
      <Table
        size={density === 'compact' ? 'small' : 'medium'}
        aria-label="Rebate groups"
        className={density === 'compact' ? 'rg-table rg-compact' : 'rg-table'}
      >
        <GroupsTableHead
          columns={columns}
          ordering={ordering}
          onOrderingChange={onOrderingChange}
          onOrderingPreview={onOrderingPreview}
        />
        <TableBody>
          {rows
            ? rows.map((group) => (
                <GroupRow key={group.id} group={group} columns={columns} onOpen={onOpen} />
              ))
            : Array.from({ length: skeletonRows }, (_, i) => (
                <TableRow key={i} aria-hidden>
                  {columns.map((column) => (
                    <TableCell key={column.id} align={column.numeric ? 'right' : 'left'}>
                      <Skeleton
                        sx={{
                          display: 'inline-block',
                          width: column.id === 'title' ? '70%' : column.numeric ? 40 : 64,
                        }}
                      />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
        </TableBody>
      </Table>
    </>
  );
}
