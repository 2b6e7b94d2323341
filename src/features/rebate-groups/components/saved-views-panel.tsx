// The saved views' popover (apply or delete one, save the current view) and the dialog that names
// a view. The trigger is saved-views-menu.tsx; this code comes when the pointer or focus reaches
// the trigger (lazy-parts.ts).
import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import TextField from '@mui/material/TextField';
import BookmarkAddIcon from '@mui/icons-material/BookmarkAddOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useStoredState } from '../hooks/use-stored-state';
import { SORT_FIELD_LABELS } from '../model/columns';
import { label } from '../model/format';
import {
  MAX_SAVED_VIEW_NAME,
  SAVED_VIEWS_KEY,
  contentOf,
  deleteSavedView,
  savedViewsSchema,
  upsertSavedView,
  type SavedView,
  type SavedViewContent,
  type ViewSnapshot,
} from '../model/saved-views';
import { FILTER_KEYS, type FilterKey } from '../model/view';

export interface SavedViewsPanelProps {
  /** The trigger the popover opens from; null when closed. */
  anchor: HTMLElement | null;
  onClose: () => void;
  current: ViewSnapshot;
  onApply: (saved: SavedViewContent) => void;
}

const NO_VIEWS: SavedView[] = [];
const NOUNS: Record<FilterKey, string> = {
  group_type: 'Type',
  group_id: 'IDs',
  rebate_period: 'Period',
  link_code: 'Link codes',
};

/** "Type: Auto · Period: Weekly · sorted by Clients ↓ · 50 per page · 2 columns hidden" */
function summary(view: SavedView): string {
  const parts = FILTER_KEYS.filter((k) => view.filters[k].length > 0).map(
    (k) => `${NOUNS[k]}: ${view.filters[k].map(label).join(', ')}`,
  );
  const sort = view.ordering
    .map((s) => `${SORT_FIELD_LABELS[s.field]} ${s.direction === 'asc' ? '↑' : '↓'}`)
    .join(', ');
  if (sort) parts.push(`sorted by ${sort}`);
  if (view.limit !== undefined) parts.push(`${view.limit} per page`);
  const hidden = view.hidden?.length ?? 0;
  if (hidden > 0) parts.push(`${hidden} ${hidden === 1 ? 'column' : 'columns'} hidden`);
  return parts.join(' · ') || 'No filters';
}

export function SavedViewsPanel({ anchor, onClose, current, onApply }: SavedViewsPanelProps) {
  const [views, setViews] = useStoredState(SAVED_VIEWS_KEY, savedViewsSchema, NO_VIEWS);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [name, setName] = useState('');

  const trimmed = name.trim();
  const replaces = views.some((v) => v.name.toLowerCase() === trimmed.toLowerCase());

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!trimmed) return;
    setViews(upsertSavedView(views, trimmed, current));
    setDialogOpen(false);
    setName('');
  };

  return (
    <>
      {/* A popover list, not a Menu: each row has two actions (apply, delete), and a button
          inside a menu item would be nested interactive content. */}
      <Popover
        id="rebate-groups-saved-views"
        anchorEl={anchor}
        open={anchor !== null}
        onClose={onClose}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 360, maxWidth: '90vw' } } }}
      >
        <List dense aria-label="Saved views">
          <ListItem disablePadding>
            <ListItemButton
              onClick={() => {
                onClose();
                setDialogOpen(true);
              }}
            >
              <ListItemIcon>
                <BookmarkAddIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText primary="Save current view…" />
            </ListItemButton>
          </ListItem>
          <Divider component="li" />
          {views.length === 0 && (
            <ListItem>
              <ListItemText
                primary="No saved views yet"
                slotProps={{ primary: { color: 'text.secondary' } }}
              />
            </ListItem>
          )}
          {views.map((view) => (
            <ListItem
              key={view.name}
              disablePadding
              secondaryAction={
                <IconButton
                  size="small"
                  edge="end"
                  aria-label={`Delete saved view ${view.name}`}
                  onClick={() => setViews(deleteSavedView(views, view.name))}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              }
            >
              <ListItemButton
                onClick={() => {
                  onClose();
                  onApply(contentOf(view));
                }}
              >
                <ListItemText
                  primary={view.name}
                  secondary={summary(view)}
                  slotProps={{ secondary: { noWrap: true } }}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </Popover>
      <Dialog open={dialogOpen} onClose={() => setDialogOpen(false)} fullWidth maxWidth="xs">
        <form onSubmit={save}>
          <DialogTitle>Save view</DialogTitle>
          <DialogContent>
            <TextField
              // The dialog exists to type this name: focus belongs in the field.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
              fullWidth
              margin="dense"
              label="View name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              slotProps={{ htmlInput: { maxLength: MAX_SAVED_VIEW_NAME } }}
              helperText={
                replaces
                  ? 'A view with this name exists: saving replaces it.'
                  : 'Saves the current filters, sort, page size and columns in this browser.'
              }
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDialogOpen(false)}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={!trimmed}>
              Save
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
