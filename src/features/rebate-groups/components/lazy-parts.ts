// The list's parts that only a click shows: the details drawer, the export's progress and outcome,
// the saved views. Their code (and the MUI drawer, dialog and snackbar under it) is not in the
// page's first load; the page fetches it once it is idle (`preloadListParts`), so a click seldom
// waits, and renders each through `OnDemand`.
import { lazyWithPreload } from '@/lib/lazy-with-preload';

export const GroupDetailsDrawer = lazyWithPreload(() =>
  import('./group-details-drawer').then((m) => m.GroupDetailsDrawer),
);
export const ExportStatus = lazyWithPreload(() =>
  import('./export-status').then((m) => m.ExportStatus),
);
export const SavedViewsPanel = lazyWithPreload(() =>
  import('./saved-views-panel').then((m) => m.SavedViewsPanel),
);

/** Fetches all three; a failure shows when its part is opened. */
export function preloadListParts(): Promise<unknown> {
  return Promise.all([
    GroupDetailsDrawer.preload(),
    ExportStatus.preload(),
    SavedViewsPanel.preload(),
  ]);
}
