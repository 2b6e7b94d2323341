// Table layout controls: row density and which columns show. Both persist (see table-prefs).
import { memo, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import DensityMediumIcon from '@mui/icons-material/DensityMedium';
import DensitySmallIcon from '@mui/icons-material/DensitySmall';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import { COLUMNS, type ColumnId } from '../model/columns';
import type { TablePrefs } from '../model/table-prefs';

export interface ColumnMenuProps {
  prefs: TablePrefs;
  onChange: (prefs: TablePrefs) => void;
}

export const ColumnMenu = memo(function ColumnMenu({ prefs, onChange }: ColumnMenuProps) {
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
      {/* The buttons keep their names; the tooltips' words describe them. */}
      <Tooltip describeChild title={compact ? 'Comfortable rows' : 'Compact rows'}>
        <IconButton
          aria-label="Compact rows"
          aria-pressed={compact}
          onClick={() => onChange({ ...prefs, density: compact ? 'comfortable' : 'compact' })}
        >
          {compact ? <DensitySmallIcon /> : <DensityMediumIcon />}
        </IconButton>
      </Tooltip>
      <Tooltip describeChild title="Show or hide columns" placement="bottom-end">
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
        {COLUMNS.map((column) => {
          const shown = !prefs.hidden.includes(column.id);
          return (
            // A check, not an action: the menu stays open for the next one. The box is an icon
            // (aria-checked says it), not a control nested in the item.
            <MenuItem
              key={column.id}
              role="menuitemcheckbox"
              aria-checked={shown}
              // The last visible column cannot be hidden: an empty table helps no one.
              disabled={shown && visibleCount === 1}
              onClick={() => toggle(column.id)}
            >
              <ListItemIcon>
                {shown ? (
                  <CheckBoxIcon fontSize="small" color="primary" />
                ) : (
                  <CheckBoxOutlineBlankIcon fontSize="small" />
                )}
              </ListItemIcon>
              <ListItemText primary={column.header} />
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
});
