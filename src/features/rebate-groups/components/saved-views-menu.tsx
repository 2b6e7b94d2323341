// Saved views: save the current view (filters, sort, page size, columns) under a name; list, apply and delete them. This is
// the trigger; the popover and its dialog are saved-views-panel.tsx, whose code the trigger fetches
// on intent (lazy-parts.ts).
import { memo, useCallback, useState } from 'react';
import Button from '@mui/material/Button';
import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import { OnDemand } from '@/components/on-demand';
import { preloadOnIntent } from '@/lib/lazy-with-preload';
import type { SavedViewContent, ViewSnapshot } from '../model/saved-views';
import { SavedViewsPanel } from './lazy-parts';

const intent = preloadOnIntent(SavedViewsPanel);

export interface SavedViewsMenuProps {
  /** The view as the list shows it now: what "Save current view" keeps. */
  current: ViewSnapshot;
  onApply: (saved: SavedViewContent) => void;
}

export const SavedViewsMenu = memo(function SavedViewsMenu({
  current,
  onApply,
}: SavedViewsMenuProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = useCallback(() => setAnchor(null), []);

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<BookmarksIcon />}
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? 'rebate-groups-saved-views' : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
        {...intent}
      >
        Saved views
      </Button>
      <OnDemand what="Saved views" open={anchor !== null}>
        <SavedViewsPanel anchor={anchor} onClose={close} current={current} onApply={onApply} />
      </OnDemand>
    </>
  );
});
