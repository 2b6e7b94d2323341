// Saved views: save the current filters + sort under a name; list, apply and delete them. This is
// the trigger; the popover and its dialog are saved-views-panel.tsx, whose code the trigger fetches
// on intent (lazy-parts.ts).
import { memo, useCallback, useState } from 'react';
import Button from '@mui/material/Button';
import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import { OnDemand } from '@/components/on-demand';
import { preloadOnIntent } from '@/lib/lazy-with-preload';
import type { Filters, SortKey } from '../model/view';
import { SavedViewsPanel } from './lazy-parts';

const intent = preloadOnIntent(SavedViewsPanel);

export interface SavedViewsMenuProps {
  filters: Filters;
  ordering: readonly SortKey[];
  onApply: (filters: Filters, ordering: SortKey[]) => void;
}

export const SavedViewsMenu = memo(function SavedViewsMenu({
  filters,
  ordering,
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
        <SavedViewsPanel
          anchor={anchor}
          onClose={close}
          filters={filters}
          ordering={ordering}
          onApply={onApply}
        />
      </OnDemand>
    </>
  );
});
