// The cashflow groups list's view, read from and written to the URL (its single source of truth).
import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { z } from 'zod/mini';
import { changeListView, parseListView, writeListView, type ListView } from '../model';

// Notices travel in the history entry's state: they survive the URL clean-up below and vanish
// on the next real navigation, without a second source of truth.
const noticeState = z.object({ cashflowGroupNotices: z.array(z.string()) });

export interface CashflowGroupsViewApi {
  view: ListView;
  notices: string[];
  dismissNotices: () => void;
  change: (change: Partial<ListView>, options?: { replace?: boolean }) => void;
}

export function useCashflowGroupsView(): CashflowGroupsViewApi {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const parsed = useMemo(() => parseListView(searchParams), [searchParams]);
  const { view } = parsed;

  // A URL with invalid values is rewritten (replace: Back does not return to it) to the view
  // actually shown; the notices say what changed.
  useEffect(() => {
    if (parsed.notices.length === 0) return;
    setSearchParams(writeListView(parsed.view, searchParams), {
      replace: true,
      state: { cashflowGroupNotices: parsed.notices },
    });
  }, [parsed, searchParams, setSearchParams]);

  const fromState = noticeState.safeParse(location.state);
  const notices =
    parsed.notices.length > 0
      ? parsed.notices
      : fromState.success
        ? fromState.data.cashflowGroupNotices
        : [];

  const change = useCallback(
    (next: Partial<ListView>, options: { replace?: boolean } = {}) => {
      setSearchParams(writeListView(changeListView(view, next), searchParams), {
        replace: options.replace ?? false,
      });
    },
    [view, searchParams, setSearchParams],
  );
  const dismissNotices = useCallback(
    () => setSearchParams(writeListView(view, searchParams), { replace: true }),
    [view, searchParams, setSearchParams],
  );

  return { view, notices, dismissNotices, change };
}
