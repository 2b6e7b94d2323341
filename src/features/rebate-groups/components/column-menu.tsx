// Table layout controls: which columns show, and row density. Both persist (see table-prefs).
import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import DensityMediumIcon from '@mui/icons-material/DensityMedium';
import DensitySmallIcon from '@mui/icons-material/DensitySmall';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import { COLUMNS, type ColumnId } from '../model/columns';
import type { TablePrefs } from '../model/table-prefs';

export interface ColumnMenuProps {
  prefs: TablePrefs;
  onChange: (prefs: TablePrefs) => void;
}

export function ColumnMenu({ prefs, onChange }: ColumnMenuProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const visibleCount = COLUMNS.length - prefs.hidden.length;

  const toggle = (id: ColumnId) => {
    const hidden = prefs.hidden.includes(id)
      ? prefs.hidden.filter((h) => h !== id)
      : [...prefs.hidden, id];
    onChange({ ...prefs, hidden });
  };

  const compact = prefs.density === 'compact';
  return (
    <>
      <Tooltip title={compact ? 'Comfortable rows' : 'Compact rows'}>
        <IconButton
          aria-label="Compact rows"
          aria-pressed={compact}
          onClick={() => onChange({ ...prefs, density: compact ? 'comfortable' : 'compact' })}
        >
          {compact ? <DensitySmallIcon /> : <DensityMediumIcon />}
        </IconButton>
      </Tooltip>
      <Tooltip title="Show or hide columns">
        <IconButton
          aria-label="Columns"
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
          aria-controls={anchor ? 'rebate-groups-columns-menu' : undefined}
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <ViewColumnIcon />
        </IconButton>
      </Tooltip>
      <Menu
        id="rebate-groups-columns-menu"
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { dense: true, 'aria-label': 'Columns' } }}
      >
        <ListSubheader sx={{ lineHeight: '32px' }}>Columns</ListSubheader>
        {COLUMNS.map((column) => {
          const shown = !prefs.hidden.includes(column.id);
          // The last visible column cannot be hidden: an empty table helps no one.
          const locked = shown && visibleCount === 1;
          return (
            <MenuItem
              key={column.id}
              role="menuitemcheckbox"
              aria-checked={shown}
              disabled={locked}
              onClick={() => toggle(column.id)}
            >
              <ListItemIcon>
                <Checkbox
                  edge="start"
                  size="small"
                  checked={shown}
                  tabIndex={-1}
                  disableRipple
                  slotProps={{ input: { 'aria-hidden': true } }}
                  sx={{ p: 0 }}
                />
              </ListItemIcon>
              <ListItemText primary={column.header} />
            </MenuItem>
          );
        })}
        <Divider />
        <MenuItem
          role="menuitemcheckbox"
          aria-checked={compact}
          onClick={() => onChange({ ...prefs, density: compact ? 'comfortable' : 'compact' })}
        >
          <ListItemIcon>
            <Checkbox
              edge="start"
              size="small"
              checked={compact}
              tabIndex={-1}
              disableRipple
              slotProps={{ input: { 'aria-hidden': true } }}
              sx={{ p: 0 }}
            />
          </ListItemIcon>
          <ListItemText primary="Compact rows" />
        </MenuItem>
      </Menu>
    </>
  );
}
