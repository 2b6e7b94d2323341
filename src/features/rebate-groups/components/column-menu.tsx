// Table layout controls: row density and which columns show. Both persist (see table-prefs).
import { memo, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import DensityMediumIcon from '@mui/icons-material/DensityMedium';
import DensitySmallIcon from '@mui/icons-material/DensitySmall';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import { ItemMenu, menuIntent } from '@/components/item-menu-part';
import { OnDemand } from '@/components/on-demand';
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
          {...menuIntent}
        >
          <ViewColumnIcon />
        </IconButton>
      </Tooltip>
      <OnDemand what="The columns menu" open={anchor !== null}>
        <ItemMenu
          id="rebate-groups-columns-menu"
          anchorEl={anchor}
          open={anchor !== null}
          onClose={() => setAnchor(null)}
          kind="checks"
          checkIcons
          dense
          label={{ 'aria-label': 'Columns' }}
          entries={COLUMNS.map((column) => {
            const shown = !prefs.hidden.includes(column.id);
            // The last visible column cannot be hidden: an empty table helps no one.
            return {
              key: column.id,
              label: column.header,
              selected: shown,
              disabled: shown && visibleCount === 1,
            };
          })}
          onPick={(key) => {
            const column = COLUMNS.find((c) => c.id === key);
            if (column) toggle(column.id);
          }}
        />
      </OnDemand>
    </>
  );
});
