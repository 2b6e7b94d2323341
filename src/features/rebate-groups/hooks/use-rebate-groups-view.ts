// The list's view, read from and written to the URL (its single source of truth).
import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { z } from 'zod/mini';
import {
  lastPageOffset,
  parseView,
  writeView,
  type Filters,
  type SortKey,
  type View,
} from '../model/view';

// Notices travel in the history entry's state: they survive the URL clean-up below and vanish
// on the next real navigation, without a second source of truth.
const noticeStateSchema = z.object({ rebateGroupNotices: z.array(z.string()) });

export interface RebateGroupsViewApi {
  view: View;
  notices: string[];
  dismissNotices: () => void;
  setFilters: (filters: Filters) => void;
  setOrdering: (ordering: SortKey[]) => void;
  setLimit: (limit: number) => void;
  setOffset: (offset: number) => void;
  applySaved: (filters: Filters, ordering: SortKey[]) => void;
  /** Called with the answer's total: an offset past the end moves to the last page. */
  clampToTotal: (count: number) => void;
}

export function useRebateGroupsView(): RebateGroupsViewApi {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const parsed = useMemo(() => parseView(searchParams), [searchParams]);
  const { view } = parsed;

  // A URL with invalid values is rewritten (replace, so Back does not return to it) to the view
  // actually shown; the notices say what changed.
  useEffect(() => {
    if (parsed.notices.length === 0) return;
    setSearchParams(writeView(parsed.view, searchParams), {
      replace: true,
      state: { rebateGroupNotices: parsed.notices },
    });
  }, [parsed, searchParams, setSearchParams]);

  const stateNotices = noticeStateSchema.safeParse(location.state);
  const notices =
    parsed.notices.length > 0
      ? parsed.notices
      : stateNotices.success
        ? stateNotices.data.rebateGroupNotices
        : [];

  const write = useCallback(
    (next: View, options: { replace?: boolean; notices?: string[] } = {}) => {
      setSearchParams(writeView(next, searchParams), {
        replace: options.replace ?? false,
        state: options.notices ? { rebateGroupNotices: options.notices } : null,
      });
    },
    [searchParams, setSearchParams],
  );

  const dismissNotices = useCallback(() => write(view, { replace: true }), [view, write]);
  const setFilters = useCallback(
    (filters: Filters) => write({ ...view, filters, offset: 0 }),
    [view, write],
  );
  const setOrdering = useCallback(
    (ordering: SortKey[]) => write({ ...view, ordering, offset: 0 }),
    [view, write],
  );
  const setLimit = useCallback(
    (limit: number) => write({ ...view, limit, offset: 0 }),
    [view, write],
  );
  const setOffset = useCallback((offset: number) => write({ ...view, offset }), [view, write]);
  const applySaved = useCallback(
    (filters: Filters, ordering: SortKey[]) => write({ ...view, filters, ordering, offset: 0 }),
    [view, write],
  );
  const clampToTotal = useCallback(
    (count: number) => {
      if (view.offset === 0 || view.offset < count) return;
      const offset = lastPageOffset(count, view.limit);
      write(
        { ...view, offset },
        {
          replace: true,
          notices: [
            count === 0
              ? 'That page is past the end of the list: showing the first page.'
              : `That page is past the end of the list: showing the last page.`,
          ],
        },
      );
    },
    [view, write],
  );

  return {
    view,
    notices,
    dismissNotices,
    setFilters,
    setOrdering,
    setLimit,
    setOffset,
    applySaved,
    clampToTotal,
  };
}
