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
  /**
   * The view `setFilters` or `setOrdering` would show for this change, as the URL will read
   * back; nothing is written (the page asks for its rows ahead of the change).
   */
  viewWith: (change: { filters: Filters } | { ordering: SortKey[] }) => View;
  setOrdering: (ordering: SortKey[]) => void;
  setLimit: (limit: number) => void;
  setOffset: (offset: number) => void;
  /** A saved view's list part; one saved before page sizes were kept keeps the current one. */
  applySaved: (saved: { filters: Filters; ordering: SortKey[]; limit?: number }) => void;
  /** Called with the answer's total: an offset past the end moves to the last page. */
  clampToTotal: (count: number) => void;
}

/**
 * How long a change may wait for its rows before the page shows it anyway (see `beforeWrite`).
 * 100 ms is the usual limit below which a response still feels immediate, so no feedback is lost.
 */
export const HOLD_FOR_ROWS_MS = 100;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

export interface RebateGroupsViewOptions {
  /**
   * Called with the view a setter is about to put in the URL (as the URL will read back), before
   * the router renders it: the page starts that view's request here, so it travels while React
   * renders the change instead of leaving from an effect after the render.
   *
   * It may return a promise, settled when that view's rows are in: the URL then changes when
   * it settles, or after HOLD_FOR_ROWS_MS, whichever comes first. A quick answer then shows in
   * one render with its rows, instead of a render of the old rows with a loading bar followed at
   * once by a second one; a slow answer shows the loading bar as before, 100 ms later.
   */
  beforeWrite?: (next: View) => PromiseLike<unknown> | void;
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
  // the view and the URL of the last commit, which is what an event or an effect acts on, or
  // the view of a change still held for its rows, so that a second click builds on the first.
  const latest = useRef({ view, searchParams, setSearchParams, beforeWrite });
  const held = useRef<{ view: View } | null>(null);
  useLayoutEffect(() => {
    // The URL changed while a change was held, and not by it (Back, a link): that wins.
    if (latest.current.searchParams !== searchParams) held.current = null;
    latest.current = { view, searchParams, setSearchParams, beforeWrite };
  });
  // Leaving the page drops a held change: it must not navigate back to the list.
  useEffect(
    () => () => {
      held.current = null;
    },
    [],
  );
  const base = useCallback(() => held.current?.view ?? latest.current.view, []);

  const write = useCallback(
    (next: View, options: { replace?: boolean; notices?: string[]; fromEffect?: boolean } = {}) => {
      const { searchParams: current, setSearchParams: set, beforeWrite: before } = latest.current;
      const params = writeView(next, current);
      const shown = parseView(params).view;
      const commit = () => {
        held.current = null;
        set(params, {
          replace: options.replace ?? false,
          state: options.notices ? { rebateGroupNotices: options.notices } : null,
          // The router renders a navigation as a transition by default: time-sliced, so the
          // browser may paint the old rows once more before the new ones. The person is waiting
          // for exactly this render, so it runs at once; not from an effect, where React cannot
          // flush while it is committing (and nobody clicked).
          flushSync: !options.fromEffect,
        });
      };
      const rows = before?.(shown);
      // A callback typed to return void may still return a value: only a thenable is waited for.
      if (options.fromEffect || !isThenable(rows)) {
        commit();
        return;
      }
      const hold = { view: shown };
      held.current = hold;
      // Whichever comes first; a later change, Back or leaving the page replaces this one.
      const release = () => {
        if (held.current === hold) commit();
      };
      const timer = setTimeout(release, HOLD_FOR_ROWS_MS);
      const settled = () => {
        clearTimeout(timer);
        release();
      };
      rows.then(settled, settled);
    },
    [],
  );

  const dismissNotices = useCallback(() => write(base(), { replace: true }), [write, base]);
  const setFilters = useCallback(
    (filters: Filters) => write({ ...base(), filters, offset: 0 }),
    [write, base],
  );
  const viewWith = useCallback(
    (change: { filters: Filters } | { ordering: SortKey[] }) =>
      parseView(writeView({ ...base(), ...change, offset: 0 }, latest.current.searchParams)).view,
    [base],
  );
  const setOrdering = useCallback(
    (ordering: SortKey[]) => write({ ...base(), ordering, offset: 0 }),
    [write, base],
  );
  const setLimit = useCallback(
    (limit: number) => write({ ...base(), limit, offset: 0 }),
    [write, base],
  );
  const setOffset = useCallback((offset: number) => write({ ...base(), offset }), [write, base]);
  const applySaved = useCallback(
    ({ filters, ordering, limit }: { filters: Filters; ordering: SortKey[]; limit?: number }) => {
      const current = base();
      write({ ...current, filters, ordering, limit: limit ?? current.limit, offset: 0 });
    },
    [write, base],
  );
  const clampToTotal = useCallback(
    (count: number) => {
      const { view } = latest.current;
      // A held change is about to replace this view; its own answer's total decides then.
      if (held.current || view.offset === 0 || view.offset < count) return;
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
    viewWith,
    setOrdering,
    setLimit,
    setOffset,
    applySaved,
    clampToTotal,
  };
}
