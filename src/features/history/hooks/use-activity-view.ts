// The Activity page's view from the URL (its single source of truth), and the setter that writes
// a change back as a new history entry, so back/forward restore each view.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  changeActivityView,
  parseActivityView,
  writeActivityView,
  type ActivityChange,
  type ActivityView,
} from '../model/activity-view';

export function useActivityView(): {
  view: ActivityView;
  change: (change: ActivityChange) => void;
} {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the text: same URL, same view
  const view = useMemo(() => parseActivityView(params), [key]);
  const change = useCallback(
    (next: ActivityChange) =>
      setParams((current) => writeActivityView(changeActivityView(view, next), current)),
    [setParams, view],
  );
  return { view, change };
}
