// A menu drawn from plain entries: a select's options, a list of actions or of checks.
//
// This module is a part fetched on demand (see item-menu-part.ts): MUI's Menu brings its Popover,
// Modal, focus trap and transitions, about 9 KB gzip that no page needs before a menu opens. Its
// callers pass data, not MenuItem elements, so that MenuItem stays in this part too.
import { type KeyboardEvent } from 'react';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
// Only the context (Select's own module is tree-shaken away): what MUI's Select gives its menu.
import { SelectFocusSourceProvider } from '@mui/material/Select';
import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';

export interface MenuEntry {
  key: string;
  label: string;
  /** Chosen: an option's `aria-selected`, a check's `aria-checked`. */
  selected?: boolean;
  disabled?: boolean;
}

export interface ItemMenuProps {
  /** The menu's own id (the popover), for an opener's `aria-controls` on a menu. */
  id?: string;
  /** The list's id, for a combobox's `aria-controls`. */
  listId?: string;
  anchorEl: HTMLElement | null;
  open: boolean;
  onClose: () => void;
  onPick: (key: string) => void;
  entries: readonly MenuEntry[];
  /**
   * `listbox`: a select's options (below the field, at least as wide, the chosen one focused);
   * `menu`: actions; `checks`: things to turn on and off, each a `menuitemcheckbox`.
   */
  kind: 'listbox' | 'menu' | 'checks';
  /** A listbox where several options can be chosen. */
  multiple?: boolean;
  /** Draws each entry's state as a check box icon (never an input: it would be nested). */
  checkIcons?: boolean;
  /** Smaller rows: the list's for `checks`, each item's otherwise. */
  dense?: boolean;
  /** The list's name. */
  label: { 'aria-labelledby': string } | { 'aria-label': string };
  /** How a listbox was opened: by pointer, its first option takes focus without the keyboard's
   * focus ring, as in MUI's Select (a script's focus would otherwise show it). */
  openedBy?: 'keyboard' | 'mouse' | null;
}

const ITEM_ROLE = { listbox: 'option', menu: 'menuitem', checks: 'menuitemcheckbox' } as const;

/** As MUI's Select: Space picks on key down, and its key up must not pick again (MenuItem would
 * click on it; the menu may have opened on that same Space). */
function onOptionKeyDown(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== ' ' || e.target !== e.currentTarget) return;
  e.preventDefault();
  if (!e.repeat) e.currentTarget.click();
}
function onOptionKeyUp(e: KeyboardEvent<HTMLElement>) {
  if (e.key === ' ') e.preventDefault();
}

export default function ItemMenu({
  id,
  listId,
  anchorEl,
  open,
  onClose,
  onPick,
  entries,
  kind,
  multiple = false,
  checkIcons = false,
  dense = false,
  label,
  openedBy = null,
}: ItemMenuProps) {
  const listbox = kind === 'listbox';
  return (
    <SelectFocusSourceProvider value={openedBy}>
      <Menu
        id={id}
        anchorEl={anchorEl}
        open={open}
        onClose={onClose}
        {...(listbox && {
          anchorOrigin: { vertical: 'bottom', horizontal: 'center' },
          transformOrigin: { vertical: 'top', horizontal: 'center' },
        })}
        slotProps={{
          list: {
            id: listId,
            role: listbox ? 'listbox' : 'menu',
            'aria-multiselectable': listbox && multiple ? 'true' : undefined,
            disableListWrap: listbox,
            dense: kind === 'checks' && dense,
            ...label,
          },
          paper: { style: { minWidth: listbox ? anchorEl?.clientWidth : undefined } },
        }}
      >
        {entries.map((entry) => (
          <MenuItem
            key={entry.key}
            role={ITEM_ROLE[kind]}
            dense={kind !== 'checks' && dense}
            disabled={entry.disabled}
            selected={listbox ? Boolean(entry.selected) : undefined}
            aria-selected={listbox ? Boolean(entry.selected) : undefined}
            aria-checked={kind === 'checks' ? Boolean(entry.selected) : undefined}
            onClick={() => onPick(entry.key)}
            onKeyDown={listbox ? onOptionKeyDown : undefined}
            onKeyUp={listbox ? onOptionKeyUp : undefined}
          >
            {checkIcons ? (
              <>
                <ListItemIcon>
                  {entry.selected ? (
                    <CheckBoxIcon fontSize="small" color="primary" />
                  ) : (
                    <CheckBoxOutlineBlankIcon fontSize="small" />
                  )}
                </ListItemIcon>
                <ListItemText primary={entry.label} />
              </>
            ) : (
              entry.label
            )}
          </MenuItem>
        ))}
      </Menu>
    </SelectFocusSourceProvider>
  );
}
