// The list's view, read from and written to the URL (its single source of truth).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { replaceEqualDeep } from '@tanstack/react-query';
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

export interface RebateGroupsViewOptions {
  /**
   * Called with the view a setter is about to put in the URL (as the URL will read back), before
   * the router renders it: the page starts that view's request here, so it travels while React
   * renders the change instead of leaving from an effect after the render.
   */
  beforeWrite?: (next: View) => void;
}

export function useRebateGroupsView({
  beforeWrite,
}: RebateGroupsViewOptions = {}): RebateGroupsViewApi {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const parsed = useMemo(() => parseView(searchParams), [searchParams]);

  // Structural sharing, as React Query does for answers: the parts of the view a URL change left
  // alone keep their identity (a page change keeps `filters` and `ordering`), so the memoised
  // toolbar, sort panel and menus skip rendering. Adjusted during render (React's "state from
  // the previous render" pattern): the extra pass re-runs this hook only, before any child.
  const [shared, setShared] = useState(parsed.view);
  const view = replaceEqualDeep(shared, parsed.view);
  if (view !== shared) setShared(view);

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

  // The setters below never change identity (memoised children keep skipping renders); they read
  // the view and the URL of the last commit, which is what an event or an effect acts on.
  const latest = useRef({ view, searchParams, setSearchParams, beforeWrite });
  useLayoutEffect(() => {
    latest.current = { view, searchParams, setSearchParams, beforeWrite };
  });

  const write = useCallback(
    (next: View, options: { replace?: boolean; notices?: string[]; fromEffect?: boolean } = {}) => {
      const { searchParams: current, setSearchParams: set, beforeWrite: before } = latest.current;
      const params = writeView(next, current);
      before?.(parseView(params).view);
      set(params, {
        replace: options.replace ?? false,
        state: options.notices ? { rebateGroupNotices: options.notices } : null,
        // The router renders a navigation as a transition by default: time-sliced, so the
        // browser may paint the old rows once more before the new ones. The person is waiting
        // for exactly this render, so it runs at once; not from an effect, where React cannot
        // flush while it is committing (and nobody clicked).
        flushSync: !options.fromEffect,
      });
    },
    [],
  );

  const dismissNotices = useCallback(() => write(latest.current.view, { replace: true }), [write]);
  const setFilters = useCallback(
    (filters: Filters) => write({ ...latest.current.view, filters, offset: 0 }),
    [write],
  );
  const setOrdering = useCallback(
    (ordering: SortKey[]) => write({ ...latest.current.view, ordering, offset: 0 }),
    [write],
  );
  const setLimit = useCallback(
    (limit: number) => write({ ...latest.current.view, limit, offset: 0 }),
    [write],
  );
  const setOffset = useCallback(
    (offset: number) => write({ ...latest.current.view, offset }),
    [write],
  );
  const applySaved = useCallback(
    (filters: Filters, ordering: SortKey[]) =>
      write({ ...latest.current.view, filters, ordering, offset: 0 }),
    [write],
  );
  const clampToTotal = useCallback(
    (count: number) => {
      const { view } = latest.current;
      if (view.offset === 0 || view.offset < count) return;
      const offset = lastPageOffset(count, view.limit);
      write(
        { ...view, offset },
        {
          replace: true,
          fromEffect: true,
          notices: [
            count === 0
              ? 'That page is past the end of the list: showing the first page.'
              : `That page is past the end of the list: showing the last page.`,
          ],
        },
      );
    },
    [write],
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
