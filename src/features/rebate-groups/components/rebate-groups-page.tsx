// The rebate groups page: URL-driven filters, sort and paging over the Exness list API.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { OnDemand } from '@/components/on-demand';
import { afterNextPaint } from '@/lib/after-paint';
import { preloadOnIntent } from '@/lib/lazy-with-preload';
import { toApiError } from '@/lib/api-error';
import { rebateGroupQueries } from '../api/queries';
import type { RebateGroup } from '../api/schemas';
import { useOnline } from '../hooks/use-online';
import { useRebateGroupsView } from '../hooks/use-rebate-groups-view';
import { useStillWaiting } from '../hooks/use-still-waiting';
import { useStoredState } from '../hooks/use-stored-state';
import { COLUMNS } from '../model/columns';
import { formatInteger } from '../model/format';
import type { SavedViewContent } from '../model/saved-views';
import { DEFAULT_TABLE_PREFS, TABLE_PREFS_KEY, tablePrefsSchema } from '../model/table-prefs';
import { emptyFilters, hasFilters, type Filters, type SortKey, type View } from '../model/view';
import { ColumnMenu } from './column-menu';
import { ExportButton } from './export-button';
import { FiltersToolbar } from './filters-toolbar';
import { GroupsTable } from './groups-table';
import { GroupDetailsDrawer } from './lazy-parts';
import { Pager } from './pager';
import { RebateGroupsHeader } from './list-header';
import {
  EmptyState,
  ListError,
  NotAvailable,
  OfflineBanner,
  RateLimitNotice,
  StillWaitingNotice,
  StoppedNotice,
} from './list-states';
import { SavedViewsMenu } from './saved-views-menu';
import { SortPanel } from './sort-panel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';

const detailsIntent = preloadOnIntent(GroupDetailsDrawer);

export function RebateGroupsPage() {
  const queryClient = useQueryClient();
  // A filter, sort or page change asks for its rows as the click happens; the page's query then
  // finds the request under way (or the answer cached) rather than sending it after rendering.
  // Rows not yet in the cache: the view hook holds the change for them, briefly, so a quick
  // answer paints once with its rows rather than after a render of the old ones.
  const prefetchList = useCallback(
    (next: View) => {
      const options = rebateGroupQueries.list(next);
      const request = queryClient.prefetchQuery(options);
      return queryClient.getQueryData(options.queryKey) === undefined ? request : undefined;
    },
    [queryClient],
  );
  const {
    view,
    notices,
    dismissNotices,
    setFilters,
    viewWith,
    setOrdering,
    setLimit,
    setOffset,
    applySaved,
    clampToTotal,
  } = useRebateGroupsView({ beforeWrite: prefetchList });
  // Rows asked for ahead of the change that will show them: a tick in an open filter menu (the
  // menu sends it on closing), a press on a sort header (the click comes with the release).
  const previewFilters = useCallback(
    (filters: Filters) =>
      void queryClient.prefetchQuery(rebateGroupQueries.list(viewWith({ filters }))),
    [queryClient, viewWith],
  );
  const previewOrdering = useCallback(
    (ordering: SortKey[]) =>
      void queryClient.prefetchQuery(rebateGroupQueries.list(viewWith({ ordering }))),
    [queryClient, viewWith],
  );
  const [prefs, setPrefs] = useStoredState(TABLE_PREFS_KEY, tablePrefsSchema, DEFAULT_TABLE_PREFS);
  const [selected, setSelected] = useState<RebateGroup | null>(null);
  const closeDetails = useCallback(() => setSelected(null), []);
  const online = useOnline();

  const query = useQuery({
    ...rebateGroupQueries.list(view),
    placeholderData: keepPreviousData,
    // The route loader may have asked already (app/router.tsx) and failed for good before this
    // page's code arrived: show that outcome, with its Retry, rather than asking all over again
    // (a 403 is not asked twice; a failing upstream does not get a second round of retries).
    retryOnMount: false,
  });
  const { data, isPlaceholderData, isFetching, error, failureReason, refetch } = query;
  const count = data?.totals.count;

  // A list that does not answer says so after a few seconds rather than showing skeleton rows
  // until the last retry's timeout; Cancel stops waiting for this view, Retry asks again.
  const listKey = JSON.stringify(rebateGroupQueries.list(view).queryKey);
  const stillWaiting = useStillWaiting(isFetching, listKey);
  const [stoppedKey, setStoppedKey] = useState<string | null>(null);
  const stopped = stoppedKey === listKey && !isFetching;
  const cancelWaiting = () => {
    setStoppedKey(listKey);
    void queryClient.cancelQueries({
      queryKey: rebateGroupQueries.list(view).queryKey,
      exact: true,
    });
  };
  const retryList = () => {
    setStoppedKey(null);
    // refetch() alone would join the request under way while there are no rows yet (react-query
    // cancels a running fetch for a refetch only once it has data): drop it, then ask afresh.
    const { queryKey } = rebateGroupQueries.list(view);
    void queryClient.cancelQueries({ queryKey, exact: true }).then(() => refetch());
  };

  // Prefetch the next page once this one is really here, so "next" is instant. After the paint:
  // React runs a click's effects before the browser paints, and this request is for later.
  useEffect(() => {
    if (count === undefined || isPlaceholderData) return;
    const next = view.offset + view.limit;
    if (next >= count) return;
    return afterNextPaint(
      () => void queryClient.prefetchQuery(rebateGroupQueries.list({ ...view, offset: next })),
    );
  }, [count, isPlaceholderData, view, queryClient]);

  // An offset past the end (a stale link, rows deleted since) moves to the last page.
  useEffect(() => {
    if (count !== undefined && !isPlaceholderData) clampToTotal(count);
  }, [count, isPlaceholderData, clampToTotal]);

  // What a saved view keeps and restores: the list's part lives in the URL, the table's in prefs.
  const snapshot = useMemo(
    () => ({
      filters: view.filters,
      ordering: view.ordering,
      limit: view.limit,
      hidden: prefs.hidden,
      density: prefs.density,
    }),
    [view.filters, view.ordering, view.limit, prefs.hidden, prefs.density],
  );
  const applyView = useCallback(
    (saved: SavedViewContent) => {
      applySaved(saved);
      if (saved.hidden !== undefined || saved.density !== undefined) {
        setPrefs({
          hidden: saved.hidden ?? prefs.hidden,
          density: saved.density ?? prefs.density,
        });
      }
    },
    [applySaved, setPrefs, prefs],
  );

  // A page change from the pager (at the table's foot) shows the new page from its first row:
  // left where it was, the view stayed on the pager and the user scrolled up for every page.
  const tableTop = useRef<HTMLDivElement>(null);
  const changePage = useCallback(
    (offset: number) => {
      setOffset(offset);
      const top = tableTop.current;
      if (top && top.getBoundingClientRect().top < 0) top.scrollIntoView({ block: 'start' });
    },
    [setOffset],
  );

  const columns = useMemo(
    () => COLUMNS.filter((c) => !prefs.hidden.includes(c.id)),
    [prefs.hidden],
  );
  const apiError = error ? toApiError(error) : null;
  const waitingError = failureReason && !error ? toApiError(failureReason) : null;
  const rateLimited = isFetching && waitingError?.kind === 'rate-limit' ? waitingError : null;
  const filtered = hasFilters(view.filters);

  if (apiError?.kind === 'forbidden') {
    return (
      <>
        <RebateGroupsHeader />
        <NotAvailable />
      </>
    );
  }

  return (
    <>
      <RebateGroupsHeader
        actions={
          <>
            <SavedViewsMenu current={snapshot} onApply={applyView} />
            <ExportButton
              filters={view.filters}
              ordering={view.ordering}
              columns={columns}
              disabled={!count}
            />
          </>
        }
      />
      <Stack spacing={2}>
        {!online && <OfflineBanner />}
        {notices.length > 0 && (
          <Alert severity="info" onClose={dismissNotices}>
            {notices.length === 1 ? (
              notices[0]
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {notices.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </Box>
            )}
          </Alert>
        )}
        <Paper variant="outlined" sx={{ p: 2 }}>
          <FiltersToolbar filters={view.filters} onChange={setFilters} onPreview={previewFilters} />
        </Paper>
        {rateLimited && <RateLimitNotice error={rateLimited} />}
        {stillWaiting && !rateLimited && (
          <StillWaitingNotice onCancel={cancelWaiting} onRetry={retryList} />
        )}
        {stopped && !apiError && (data === undefined || isPlaceholderData) && (
          <StoppedNotice onRetry={retryList} showingOld={data !== undefined} />
        )}
        {stopped && !apiError && data === undefined ? null : apiError && !data ? (
          <ListError error={apiError} onRetry={() => void refetch()} />
        ) : (
          <Paper
            ref={tableTop}
            variant="outlined"
            sx={{ position: 'relative', overflow: 'hidden', scrollMarginTop: 8 }}
          >
            <Box
              sx={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                gap: 1,
                px: 2,
                py: 1,
                borderBottom: 1,
                borderColor: 'divider',
              }}
            >
              <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                <SortPanel ordering={view.ordering} onChange={setOrdering} />
              </Box>
              <Typography
                variant="body2"
                color="text.secondary"
                role="status"
                aria-label="Totals"
                sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
              >
                {data
                  ? `${formatInteger(data.totals.count)} ${data.totals.count === 1 ? 'group' : 'groups'} · ${formatInteger(data.totals.clients)} ${data.totals.clients === 1 ? 'client' : 'clients'}`
                  : ' '}
              </Typography>
              <ColumnMenu prefs={prefs} onChange={setPrefs} />
            </Box>
            {/* Its 2 px are always reserved, so nothing jumps when a page loads; the bar itself is
                mounted only while loading. MUI's indeterminate bar animates left/right, which
                the browser recomputes on the main thread every frame even when hidden: kept
                mounted, it cost style and layout work 60 times a second on an idle page. */}
            <Box sx={{ height: 2 }}>
              {isFetching && data && (
                <LinearProgress aria-label="Loading rebate groups" sx={{ height: 2 }} />
              )}
            </Box>
            {data && data.totals.count === 0 && data.data.length === 0 ? (
              <EmptyState filtered={filtered} onClear={() => setFilters(emptyFilters())} />
            ) : (
              // A row opens the details drawer: its code comes on the way to a row.
              <Box sx={{ overflowX: 'auto' }} {...detailsIntent}>
                <GroupsTable
                  columns={columns}
                  rows={data?.data}
                  skeletonRows={Math.min(view.limit, 10)}
                  ordering={view.ordering}
                  onOrderingChange={setOrdering}
                  onOrderingPreview={previewOrdering}
                  density={prefs.density}
                  onOpen={setSelected}
                />
              </Box>
            )}
            {data && data.totals.count > 0 && (
              <Pager
                count={data.totals.count}
                limit={view.limit}
                offset={view.offset}
                onOffsetChange={changePage}
                onLimitChange={setLimit}
              />
            )}
          </Paper>
        )}
      </Stack>
      <OnDemand what="The group’s details" open={selected !== null}>
        <GroupDetailsDrawer group={selected} onClose={closeDetails} />
      </OnDemand>
    </>
  );
}
