// The list's parts that only a click shows: the details drawer, the export's progress and outcome,
// the saved views. Their code (and the MUI drawer, dialog and snackbar under it) is not in the
// page's first load: each control that opens one fetches it on intent (`preloadOnIntent`: the
// pointer over it, focus, a touch), so a click seldom waits, and renders it through `OnDemand`.
// Fetching them all once the page was idle cost the list's Lighthouse score 0.005 (total
// blocking time +15 ms: their parsing fell inside the measured window).
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
