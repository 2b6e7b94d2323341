// The cashflow groups list: name search, sort, pages, all in the URL; each row says what the
// group does in plain words and links to its details. Groups ticked here (across pages) open
// the bulk add/remove of affiliates.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import { PageHeader } from '@/components/page-header';
import { routes } from '@/config/routes';
import { toApiError } from '@/lib/api-error';
import { cashflowGroupQueries, type CashflowGroupListRow } from '../api';
import {
  COUNTRY_OPTIONS,
  describeGroup,
  FIELD_FILTER_OPTIONS,
  hasClientFilters,
  LIST_PAGE_SIZES,
  type ListSort,
  type RuleField,
} from '../model';
import {
  filteredListPage,
  groupScanQueries,
  type FilteredListPage,
} from '../api/scan-cashflow-groups';
import { useCashflowGroupsView } from '../hooks/use-cashflow-groups-view';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { TargetRuleNamesProvider, useTargetRuleNames } from './describe-names';
import { RetryAlert } from '@/components/retry-alert';
import LinearProgress from '@mui/material/LinearProgress';

const SEARCH_DELAY_MS = 300;

// The selection boxes are the browser's own, and the hidden header text is styled here: MUI's
// Checkbox (with SwitchBase) and the shared VisuallyHidden each came as files of their own in the
// build, 9 files for the list's first load against the 6 scripts/__tests__/chunks.test.ts holds.
const SELECT_BOX_SX = {
  width: 18,
  height: 18,
  m: 0,
  // sx maps palette names for colour keys only; accent-color takes the value itself. The CSS
  // variable, not theme.palette: with colour schemes that is the light scheme's blue in dark too.
  accentColor: (theme: Theme) => (theme.vars ?? theme).palette.primary.main,
};
const HIDDEN_SX = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const BulkMembershipDialog = lazy(() =>
  import('./bulk-membership-dialog').then((m) => ({ default: m.BulkMembershipDialog })),
);

const SORT_LABELS: Record<ListSort, string> = {
  name: 'Name, A to Z',
  '-name': 'Name, Z to A',
  id: 'ID, lowest first',
  '-id': 'ID, highest first',
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The first line of the plain-words summary: the first rule, or "every conversion". Target rules
 * by name where the network's list has them, as on the group's page.
 */
function firstLine(
  row: CashflowGroupListRow,
  targetRules: Record<string, string>,
): { text: string; more: number } {
  if (!row.rules) return { text: row.problem ?? 'The stored rules could not be read.', more: 0 };
  const [heading, first] = describeGroup(
    { ...row, affiliateMode: 'selected', rules: row.rules },
    { targetRules },
  );
  if (row.rules.length === 0 || first === undefined) return { text: heading ?? '', more: 0 };
  return { text: first, more: row.rules.length - 1 };
}

function GroupRow({
  row,
  selected,
  onToggle,
}: {
  row: CashflowGroupListRow;
  selected: boolean;
  onToggle: (row: CashflowGroupListRow) => void;
}) {
  const targetRules = useTargetRuleNames();
  const line = firstLine(row, targetRules);
  return (
    <TableRow hover selected={selected}>
      <TableCell padding="checkbox" sx={{ textAlign: 'center' }}>
        <Box
          component="input"
          type="checkbox"
          checked={selected}
          // A group whose rules cannot be read cannot be written whole (replace-all update).
          disabled={!row.rules}
          onChange={() => onToggle(row)}
          aria-label={`Select ${row.name}`}
          sx={SELECT_BOX_SX}
        />
      </TableCell>
      <TableCell sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}>
        {row.id}
      </TableCell>
      <TableCell>
        <Link component={RouterLink} to={routes.cashflowGroup(row.id)} sx={{ fontWeight: 600 }}>
          {row.name}
        </Link>
      </TableCell>
      <TableCell align="right">{row.rules ? row.rules.length : '—'}</TableCell>
      <TableCell align="right">
        {row.affiliateIds.length === 0 ? 'all' : row.affiliateIds.length}
      </TableCell>
      <TableCell>
        <Typography variant="body2" color={row.rules ? 'text.primary' : 'error'}>
          {line.text}
          {line.more > 0 && (
            <Typography component="span" variant="body2" color="text.secondary">
              {' '}
              and {count(line.more, 'more rule', 'more rules')}
            </Typography>
          )}
        </Typography>
      </TableCell>
    </TableRow>
  );
}

export function CashflowGroupsPage() {
  const { view, notices, dismissNotices, change } = useCashflowGroupsView();
  const queryClient = useQueryClient();
  // Kept across pages and searches: a selection is built up while looking for groups.
  const [chosen, setChosen] = useState<ReadonlyMap<string, CashflowGroupListRow>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);
  const toggle = (row: CashflowGroupListRow) =>
    setChosen((current) => {
      const next = new Map(current);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row);
      return next;
    });

  // The box follows the URL (back/forward), and the URL follows the box once typing pauses.
  const [search, setSearch] = useState(view.q);
  const [lastQ, setLastQ] = useState(view.q);
  if (view.q !== lastQ) {
    setLastQ(view.q);
    setSearch(view.q);
  }
  const debounced = useDebouncedValue(search, SEARCH_DELAY_MS);
  useEffect(() => {
    if (debounced.trim() !== view.q) change({ q: debounced }, { replace: true });
    // Only a pause in typing writes; a URL change alone must not write the old text back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  // Filters the upstream cannot apply read the groups page by page and filter them here.
  const clientFiltered = hasClientFilters(view);
  const listQuery = useQuery({
    ...cashflowGroupQueries.list(view),
    placeholderData: keepPreviousData,
    enabled: !clientFiltered,
  });
  const scanQuery = useQuery({ ...groupScanQueries.all(), enabled: clientFiltered });
  const query = clientFiltered ? scanQuery : listQuery;
  const page: FilteredListPage | undefined = clientFiltered
    ? scanQuery.data && filteredListPage(scanQuery.data, view)
    : listQuery.data;
  const readOnly = page?.readOnly;

  const [affText, setAffText] = useState(view.aff ?? '');
  const [lastAff, setLastAff] = useState(view.aff);
  if (view.aff !== lastAff) {
    setLastAff(view.aff);
    setAffText(view.aff ?? '');
  }
  const debouncedAff = useDebouncedValue(affText, SEARCH_DELAY_MS);
  useEffect(() => {
    const next = debouncedAff.trim();
    if (next === (view.aff ?? '') || (next !== '' && !/^\d+$/.test(next))) return;
    change({ aff: next || undefined }, { replace: true });
    // Only a pause in typing writes, as for the name search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedAff]);

  useEffect(() => {
    if (clientFiltered || !page || view.page >= page.pageCount) return;
    void queryClient.prefetchQuery(cashflowGroupQueries.list({ ...view, page: view.page + 1 }));
  }, [clientFiltered, page, view, queryClient]);

  return (
    <>
      <PageHeader
        title="Cashflow groups"
        subtitle="HasOffers payout and revenue groups: which conversions each one applies to"
        actions={
          <Button variant="contained" component={RouterLink} to={routes.newCashflowGroup}>
            New cashflow group
          </Button>
        }
      />
      {notices.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }} onClose={dismissNotices}>
          {notices.join(' ')}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          label="Search by name"
          type="search"
          size="small"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          sx={{ minWidth: 280 }}
        />
        <TextField
          select
          label="Sort by"
          size="small"
          value={view.sort}
          onChange={(e) => change({ sort: e.target.value as ListSort })}
          sx={{ minWidth: 200 }}
        >
          {(Object.keys(SORT_LABELS) as ListSort[]).map((s) => (
            <MenuItem key={s} value={s}>
              {SORT_LABELS[s]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          label="Affiliate ID"
          size="small"
          value={affText}
          onChange={(e) => setAffText(e.target.value)}
          error={affText.trim() !== '' && !/^\d+$/.test(affText.trim())}
          helperText="Groups naming it, and groups for all affiliates"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ minWidth: 200 }}
        />
        <TextField
          select
          label="Field used"
          size="small"
          value={view.field ?? ''}
          onChange={(e) =>
            change({
              field: FIELD_FILTER_OPTIONS.find((o) => o.value === e.target.value)?.value as
                RuleField | undefined,
            })
          }
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">Any field</MenuItem>
          {FIELD_FILTER_OPTIONS.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Country"
          size="small"
          value={view.country ?? ''}
          onChange={(e) => change({ country: e.target.value || undefined })}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">Any country</MenuItem>
          {COUNTRY_OPTIONS.map((c) => (
            <MenuItem key={c.code} value={c.code}>
              {c.name} ({c.code})
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {readOnly !== undefined && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Filtered within the first {readOnly} groups: the network has more, not searched.
        </Alert>
      )}

      {chosen.size > 0 && (
        <Stack
          direction="row"
          spacing={2}
          sx={{ mb: 2, alignItems: 'center' }}
          role="region"
          aria-label="Selected groups"
        >
          <Typography>{count(chosen.size, 'group selected', 'groups selected')}</Typography>
          <Button variant="outlined" onClick={() => setBulkOpen(true)}>
            Add or remove affiliates…
          </Button>
          <Button onClick={() => setChosen(new Map())}>Clear selection</Button>
        </Stack>
      )}
      {bulkOpen && (
        <Suspense fallback={<LinearProgress aria-label="Loading" />}>
          <BulkMembershipDialog groups={[...chosen.values()]} onClose={() => setBulkOpen(false)} />
        </Suspense>
      )}

      {query.isError && !page ? (
        <RetryAlert onRetry={() => void query.refetch()}>
          The cashflow groups could not be loaded: {toApiError(query.error).message}
        </RetryAlert>
      ) : (
        <Paper variant="outlined">
          <Box sx={{ height: 4 }}>
            {query.isFetching && <LinearProgress aria-label="Loading" />}
          </Box>
          <TableContainer>
            <Table size="small" aria-label="Cashflow groups">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <Box component="span" sx={HIDDEN_SX}>
                      Select
                    </Box>
                  </TableCell>
                  <TableCell sx={{ width: 72 }}>ID</TableCell>
                  <TableCell>Name</TableCell>
                  <TableCell align="right" sx={{ width: 72 }}>
                    Rules
                  </TableCell>
                  <TableCell align="right" sx={{ width: 96 }}>
                    Affiliates
                  </TableCell>
                  <TableCell>What it matches</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                <TargetRuleNamesProvider>
                  {page?.rows.map((row) => (
                    <GroupRow
                      key={row.id}
                      row={row}
                      selected={chosen.has(row.id)}
                      onToggle={toggle}
                    />
                  ))}
                </TargetRuleNamesProvider>
                {page && page.rows.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={6}>
                      <Typography sx={{ py: 3, textAlign: 'center' }} color="text.secondary">
                        {page.count > 0 ? (
                          <>
                            This page is past the end of the list.{' '}
                            <Link component="button" onClick={() => change({ page: 1 })}>
                              Show the first page
                            </Link>
                          </>
                        ) : view.q ? (
                          `No cashflow group has “${view.q}” in its name.`
                        ) : (
                          'There are no cashflow groups yet.'
                        )}
                      </Typography>
                    </TableCell>
                  </TableRow>
                )}
                {!page && (
                  <TableRow>
                    <TableCell colSpan={6}>
                      <Typography sx={{ py: 3, textAlign: 'center' }} color="text.secondary">
                        Loading cashflow groups…
                      </Typography>
                    </TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </TableContainer>
          <TablePagination
            component="div"
            count={page?.count ?? 0}
            page={page && page.rows.length > 0 ? view.page - 1 : 0}
            rowsPerPage={view.limit}
            rowsPerPageOptions={[...LIST_PAGE_SIZES]}
            onPageChange={(_, p) => change({ page: p + 1 })}
            onRowsPerPageChange={(e) => change({ limit: Number(e.target.value) })}
          />
        </Paper>
      )}
    </>
  );
}
