// /activity: every recorded change across cashflow groups, filterable by user, group, kind and
// dates.
// The view lives in the URL (back/forward restore it); the filtered history exports as CSV/JSON.
import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
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
import { PageHeader } from '@/components/page-header';
import { toApiError } from '@/lib/api-error';
import { exportUrl } from '../api/fetchers';
import { historyQueries } from '../api/queries';
import { useActivityView } from '../hooks/use-activity-view';
import { ACTIVITY_PAGE_SIZES, type ActivityView } from '../model/activity-view';
import { CHANGE_KINDS } from '../api/schemas';
import { formatWhen, KIND_FILTER_LABELS, kindLabel, stateLabel } from '../model/describe-change';

export interface ActivityPageProps {
  /** The group's details page (the app knows the routes). */
  groupHref: (groupId: string) => string;
}

const EVERYONE = '';

function Filters({
  view,
  onApply,
}: {
  view: ActivityView;
  onApply: (filters: Pick<ActivityView, 'user' | 'group' | 'kind' | 'from' | 'to'>) => void;
}) {
  const users = useQuery(historyQueries.users());
  // A user in the URL that the list does not (yet) know still shows as chosen.
  const options = [...new Set([...(users.data ?? []), ...(view.user ? [view.user] : [])])];
  return (
    <Box
      component="form"
      aria-label="Filter the activity"
      // Uncontrolled, re-made from the URL on every view: the URL stays the one source of truth.
      key={`${view.user}|${view.group}|${view.kind}|${view.from}|${view.to}`}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const text = (name: string) => {
          const v = data.get(name);
          return typeof v === 'string' ? v.trim() : '';
        };
        const kind = CHANGE_KINDS.find((k) => k === text('kind')) ?? '';
        onApply({
          user: text('user'),
          group: text('group'),
          kind,
          from: text('from'),
          to: text('to'),
        });
      }}
    >
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ alignItems: { md: 'center' } }}
      >
        <TextField
          select
          size="small"
          name="user"
          label="User"
          defaultValue={view.user}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value={EVERYONE}>Everyone</MenuItem>
          {options.map((u) => (
            <MenuItem key={u} value={u}>
              {u}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          name="group"
          label="Group id"
          defaultValue={view.group}
          slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[1-9][0-9]*' } }}
          sx={{ width: 140 }}
        />
        <TextField
          select
          size="small"
          name="kind"
          label="Kind"
          defaultValue={view.kind}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">Every kind</MenuItem>
          {CHANGE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {KIND_FILTER_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="date"
          name="from"
          label="From"
          defaultValue={view.from}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          type="date"
          name="to"
          label="To"
          defaultValue={view.to}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button type="submit" variant="contained">
          Apply filters
        </Button>
        <Button
          type="button"
          onClick={() => onApply({ user: '', group: '', kind: '', from: '', to: '' })}
          disabled={!view.user && !view.group && !view.kind && !view.from && !view.to}
        >
          Clear filters
        </Button>
      </Stack>
    </Box>
  );
}

export function ActivityPage({ groupHref }: ActivityPageProps) {
  const { view, change } = useActivityView();
  const query = useQuery(historyQueries.list(view));
  const captionId = useId();
  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Activity"
        subtitle="Every change to cashflow groups recorded by the dashboard: saves made here, and changes noticed that were made elsewhere."
        actions={
          <>
            <Button variant="outlined" href={exportUrl(view, 'csv')} download>
              Export CSV
            </Button>
            <Button variant="outlined" href={exportUrl(view, 'json')} download>
              Export JSON
            </Button>
          </>
        }
      />
      <Stack spacing={2}>
        <Filters view={view} onApply={(filters) => change(filters)} />
        {query.isError && (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={() => void query.refetch()}>
                Try again
              </Button>
            }
          >
            The activity could not be loaded: {toApiError(query.error).message}
          </Alert>
        )}
        <Paper variant="outlined">
          <Box sx={{ height: 4 }}>
            {query.isFetching && <LinearProgress aria-label="Loading" />}
          </Box>
          <TableContainer>
            <Table size="small" aria-labelledby={captionId}>
              <caption
                id={captionId}
                style={{ captionSide: 'top', textAlign: 'left', padding: 16 }}
              >
                {query.data
                  ? `${query.data.total} recorded ${query.data.total === 1 ? 'change' : 'changes'}`
                  : 'Recorded changes'}
              </caption>
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Who</TableCell>
                  <TableCell>What</TableCell>
                  <TableCell>Group</TableCell>
                  <TableCell>Outcome</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {query.isSuccess && items.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={5}>
                      <Typography color="text.secondary">
                        No change matches these filters.
                      </Typography>
                    </TableCell>
                  </TableRow>
                )}
                {items.map((c) => {
                  const name = c.group?.name ?? c.request?.name ?? '';
                  return (
                    <TableRow key={c.id}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {formatWhen(c.requestedAt)}
                      </TableCell>
                      <TableCell>{c.user}</TableCell>
                      <TableCell>
                        #{c.id} {kindLabel(c)}
                      </TableCell>
                      <TableCell>
                        {c.groupId ? (
                          <Link component={RouterLink} to={groupHref(c.groupId)}>
                            {name ? `${name} (#${c.groupId})` : `#${c.groupId}`}
                          </Link>
                        ) : (
                          name || '—'
                        )}
                      </TableCell>
                      <TableCell>{stateLabel(c) ?? 'saved'}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
          <TablePagination
            component="div"
            count={query.data?.total ?? 0}
            page={Math.floor(view.offset / view.limit)}
            rowsPerPage={view.limit}
            rowsPerPageOptions={[...ACTIVITY_PAGE_SIZES]}
            onPageChange={(_e, page) => change({ offset: page * view.limit })}
            onRowsPerPageChange={(e) => change({ limit: Number(e.target.value) })}
          />
        </Paper>
      </Stack>
    </>
  );
}
