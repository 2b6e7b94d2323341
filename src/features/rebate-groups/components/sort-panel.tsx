// The sort panel: the sort keys as chips in priority order, editable by mouse and keyboard.
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { SORT_FIELD_LABELS } from '../model/columns';
import { visuallyHidden } from './visually-hidden';
import { addSort, moveSort, removeSort, toggleDirection } from '../model/sort';
import { SORT_FIELDS, type SortField, type SortKey } from '../model/view';

export interface SortPanelProps {
  ordering: readonly SortKey[];
  onChange: (ordering: SortKey[]) => void;
}

const DIRECTION_WORDS = { asc: 'ascending', desc: 'descending' } as const;

export const SortPanel = memo(function SortPanel({ ordering, onChange }: SortPanelProps) {
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  // After a move, a removal or an addition, focus follows the chip (or lands on a neighbour)
  // once the new order has rendered: React may re-insert a moved node, which drops its focus.
  const pendingFocus = useRef<SortField | 'add' | null>(null);
  const chipRefs = useRef(new Map<SortField, HTMLDivElement>());
  const addRef = useRef<HTMLButtonElement>(null);
  const setFocusField = (target: SortField | 'add') => {
    pendingFocus.current = target;
  };

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    (target === 'add' ? addRef.current : chipRefs.current.get(target))?.focus();
  }, [ordering]);

  const unused = SORT_FIELDS.filter((f) => !ordering.some((k) => k.field === f));

  const move = (field: SortField, by: -1 | 1) => {
    const to = ordering.findIndex((k) => k.field === field) + by;
    if (to < 0 || to >= ordering.length) return; // already at that end: no request
    onChange(moveSort(ordering, field, by));
    setFocusField(field);
  };

  const remove = (field: SortField) => {
    const at = ordering.findIndex((k) => k.field === field);
    const neighbour = ordering[at + 1] ?? ordering[at - 1];
    onChange(removeSort(ordering, field));
    setFocusField(neighbour ? neighbour.field : 'add');
  };

  const onChipKey = (e: KeyboardEvent, field: SortField) => {
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      move(field, e.key === 'ArrowLeft' ? -1 : 1);
    }
  };

  return (
    <Box
      role="group"
      aria-label="Sort"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, minHeight: 36 }}
    >
      <Typography variant="body2" color="text.secondary" component="span" sx={{ mr: 0.5 }}>
        Sorted by
      </Typography>
      <Box component="span" id="rebate-groups-sort-help" sx={visuallyHidden}>
        Enter reverses the direction, Delete removes the key, Alt+Left and Alt+Right move it.
      </Box>
      {ordering.length === 0 && (
        <Typography variant="body2" component="span">
          nothing (the API’s own order)
        </Typography>
      )}
      {ordering.map((key, i) => {
        const name = SORT_FIELD_LABELS[key.field];
        const words = DIRECTION_WORDS[key.direction];
        return (
          <Box
            key={key.field}
            sx={{ display: 'inline-flex', alignItems: 'center' }}
            role="group"
            aria-label={`Sort key ${i + 1}: ${name}`}
          >
            <IconButton
              size="small"
              aria-label={`Move ${name} sort earlier`}
              disabled={i === 0}
              onClick={() => move(key.field, -1)}
              sx={{ p: 0.25 }}
            >
              <ChevronLeftIcon fontSize="small" />
            </IconButton>
            <Chip
              ref={(el: HTMLDivElement | null) => {
                if (el) chipRefs.current.set(key.field, el);
                else chipRefs.current.delete(key.field);
              }}
              size="small"
              color="primary"
              variant="outlined"
              icon={
                key.direction === 'asc' ? (
                  <ArrowUpwardIcon fontSize="small" />
                ) : (
                  <ArrowDownwardIcon fontSize="small" />
                )
              }
              label={`${i + 1}. ${name}`}
              aria-label={`Sort ${i + 1}: ${name}, ${words}`}
              aria-describedby="rebate-groups-sort-help"
              onClick={() => onChange(toggleDirection(ordering, key.field))}
              onDelete={() => remove(key.field)}
              onKeyDown={(e) => onChipKey(e, key.field)}
            />
            <IconButton
              size="small"
              aria-label={`Move ${name} sort later`}
              disabled={i === ordering.length - 1}
              onClick={() => move(key.field, 1)}
              sx={{ p: 0.25 }}
            >
              <ChevronRightIcon fontSize="small" />
            </IconButton>
          </Box>
        );
      })}
      <Button
        ref={addRef}
        size="small"
        startIcon={<AddIcon />}
        disabled={unused.length === 0}
        onClick={(e) => setMenuAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={menuAnchor ? 'true' : undefined}
        aria-controls={menuAnchor ? 'rebate-groups-add-sort' : undefined}
      >
        Add sort
      </Button>
      <Menu
        id="rebate-groups-add-sort"
        anchorEl={menuAnchor}
        open={menuAnchor !== null}
        onClose={() => setMenuAnchor(null)}
        slotProps={{ list: { 'aria-label': 'Add sort' } }}
      >
        {unused.map((field) => (
          <MenuItem
            key={field}
            onClick={() => {
              setMenuAnchor(null);
              onChange(addSort(ordering, field));
              setFocusField(field);
            }}
          >
            {SORT_FIELD_LABELS[field]}
          </MenuItem>
        ))}
      </Menu>
    </Box>
  );
});
