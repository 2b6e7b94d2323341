// The filter toolbar: Type, Rebate period, Group IDs and Link codes, plus the active-filter chips.
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import { useDebouncedCallback } from '../hooks/use-debounced-callback';
import { label } from '../model/format';
import {
  FILTER_KEYS,
  GROUP_TYPES,
  MAX_LINK_CODE_LENGTH,
  REBATE_PERIODS,
  emptyFilters,
  groupIdSchema,
  hasFilters,
  type FilterKey,
  type Filters,
} from '../model/view';
import { ChipsInput } from './chips-input';

/** Quick successive edits (ticking three types, pasting then fixing an ID) become one request. */
export const FILTER_DEBOUNCE_MS = 400;

export interface FiltersToolbarProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /**
   * A tick in an open menu: the filters the menu will send when it closes. The page asks for
   * their rows now, so closing the menu shows them at once instead of starting the request.
   */
  onPreview?: (filters: Filters) => void;
}

const CHIP_NOUNS: Record<FilterKey, string> = {
  group_type: 'Type',
  group_id: 'Group ID',
  rebate_period: 'Period',
  link_code: 'Link code',
};

function key(filters: Filters): string {
  return JSON.stringify(FILTER_KEYS.map((k) => filters[k]));
}

function validateGroupId(value: string): string | null {
  return groupIdSchema.safeParse(value).success
    ? null
    : `“${value}” is not a group ID: use digits only.`;
}

/** Link codes are told apart without regard to case: "vip" and "VIP" are one filter. */
function linkCodeKey(value: string): string {
  return value.toLowerCase();
}

function validateLinkCode(value: string): string | null {
  return value.length > MAX_LINK_CODE_LENGTH
    ? `Link codes are at most ${MAX_LINK_CODE_LENGTH} characters.`
    : null;
}

function MultiSelectImpl<T extends string>({
  id,
  fieldLabel,
  options,
  values,
  onChange,
  onClose,
}: {
  id: string;
  fieldLabel: string;
  options: readonly T[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  /** The menu closed: the ticks made while it was open are one change. */
  onClose: () => void;
}) {
  return (
    <TextField
      select
      id={id}
      label={fieldLabel}
      size="small"
      // MUI's multiple Select takes a mutable array; it never writes to it.
      value={values as T[]}
      onChange={(e) => {
        // A multiple Select's event carries the chosen values as an array.
        const chosen: unknown = e.target.value;
        if (!Array.isArray(chosen)) return;
        // In the options' order, not the order of the clicks.
        onChange(options.filter((o) => chosen.includes(o)));
      }}
      slotProps={{
        // "Any" shows in the field when nothing is chosen: the label stays above it.
        inputLabel: { shrink: true },
        select: {
          multiple: true,
          displayEmpty: true,
          renderValue: (chosen) => renderChoice(chosen as readonly string[]),
          onClose,
          MenuProps: { slotProps: { list: { dense: true } } },
        },
      }}
      sx={{ minWidth: 170, flex: '0 1 200px' }}
    >
      {options.map((option) => {
        const chosen = values.includes(option);
        return (
          // The option's aria-selected says it is ticked: the box is an icon, not a control
          // nested inside the option.
          <MenuItem key={option} value={option}>
            <ListItemIcon>
              {chosen ? (
                <CheckBoxIcon fontSize="small" color="primary" />
              ) : (
                <CheckBoxOutlineBlankIcon fontSize="small" />
              )}
            </ListItemIcon>
            <ListItemText primary={label(option)} />
          </MenuItem>
        );
      })}
    </TextField>
  );
}

function renderChoice(values: readonly string[]): string {
  return values.map(label).join(', ') || 'Any';
}

/**
 * Memoised, with stable handlers from the toolbar: closing one menu re-renders that select only,
 * not the other select and both chip inputs (a filter change is otherwise a full toolbar render).
 */
const MultiSelect = memo(MultiSelectImpl) as typeof MultiSelectImpl;

export const FiltersToolbar = memo(function FiltersToolbar({
  filters,
  onChange,
  onPreview,
}: FiltersToolbarProps) {
  // The toolbar edits a draft that reaches the URL (and so the API) once edits pause. A URL change
  // that is not our own commit landing (Back, a saved view) replaces the draft.
  const [draft, setDraft] = useState(filters);
  const [seen, setSeen] = useState(() => key(filters));
  const [committed, setCommitted] = useState(() => key(filters));
  const incoming = key(filters);
  if (incoming !== seen) {
    setSeen(incoming);
    if (incoming !== committed) {
      setDraft(filters);
      setCommitted(incoming);
    }
  }

  const { call, flush } = useDebouncedCallback((next: Filters) => {
    setCommitted(key(next));
    onChange(next);
  }, FILTER_DEBOUNCE_MS);

  // The handlers below never change identity, so the memoised controls skip renders that are
  // not theirs; they read the draft and the committed key of the last commit (or of their own
  // change, set here at once).
  const latest = useRef({ draft, committed, onPreview });
  useLayoutEffect(() => {
    latest.current = { draft, committed, onPreview };
  });

  /**
   * 'debounce': typing and chip edits, sent once edits pause. 'now': one deliberate act (remove a
   * chip, Clear all). 'hold': ticks in an open multi-select, sent when its menu closes.
   */
  type When = 'debounce' | 'now' | 'hold';
  const change = useCallback(
    (next: Filters, when: When = 'debounce') => {
      latest.current.draft = next;
      setDraft(next);
      if (when === 'hold') {
        latest.current.onPreview?.(next);
        return;
      }
      call(next);
      if (when === 'now') flush();
    },
    [call, flush],
  );

  const set = useCallback(
    <K extends FilterKey>(k: K, values: Filters[K], when: When = 'debounce') =>
      change({ ...latest.current.draft, [k]: values }, when),
    [change],
  );

  const remove = (k: FilterKey, value: string) =>
    set(k, (draft[k] as string[]).filter((v) => v !== value) as Filters[typeof k], 'now');

  // A microtask later: MUI's Select calls onClose before it closes its menu, so the list's render
  // (flushSync, for the new rows) ran with the menu still open: the menu's Popover measured
  // itself again and the Select read its width, each a forced layout of the new rows, before a
  // second render closed the menu. Now the menu closes first (React's own microtask, queued by
  // the Select's state update ahead of this one) and the rows follow in the same task, one
  // layout for both before the frame.
  const release = useCallback(
    () =>
      queueMicrotask(() => {
        const { draft: current, committed: sent } = latest.current;
        if (key(current) !== sent) change(current, 'now');
      }),
    [change],
  );

  const onTypeChange = useCallback(
    (v: Filters['group_type']) => set('group_type', v, 'hold'),
    [set],
  );
  const onPeriodChange = useCallback(
    (v: Filters['rebate_period']) => set('rebate_period', v, 'hold'),
    [set],
  );
  const onIdsChange = useCallback((v: string[]) => set('group_id', v), [set]);
  const onCodesChange = useCallback((v: string[]) => set('link_code', v), [set]);

  const active = FILTER_KEYS.flatMap((k) => draft[k].map((value) => ({ k, value })));

  return (
    <Box component="section" aria-label="Filters">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
        <MultiSelect
          id="rebate-groups-filter-type"
          fieldLabel="Type"
          options={GROUP_TYPES}
          values={draft.group_type}
          onChange={onTypeChange}
          onClose={release}
        />
        <MultiSelect
          id="rebate-groups-filter-period"
          fieldLabel="Rebate period"
          options={REBATE_PERIODS}
          values={draft.rebate_period}
          onChange={onPeriodChange}
          onClose={release}
        />
        <ChipsInput
          label="Group IDs"
          values={draft.group_id}
          onChange={onIdsChange}
          validate={validateGroupId}
          placeholder="e.g. 12, 40"
          inputMode="numeric"
        />
        <ChipsInput
          label="Link codes"
          values={draft.link_code}
          onChange={onCodesChange}
          validate={validateLinkCode}
          dedupeKey={linkCodeKey}
          helperText="Case does not matter: VIP and vip are one code."
          placeholder="Paste a list or type and press Enter"
        />
      </Box>
      {hasFilters(draft) && (
        <Box
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, alignItems: 'center', mt: 1.5 }}
          role="group"
          aria-label="Active filters"
        >
          <Typography variant="body2" color="text.secondary" component="span" sx={{ mr: 0.5 }}>
            Filtered by
          </Typography>
          {active.map(({ k, value }) => {
            const text = `${CHIP_NOUNS[k]}: ${k === 'group_type' || k === 'rebate_period' ? label(value) : value}`;
            return (
              <Chip
                key={`${k}:${value}`}
                label={text}
                size="small"
                // The whole chip is the "remove" button; the cross is its visible cue.
                onClick={() => remove(k, value)}
                onDelete={() => remove(k, value)}
                aria-label={`Remove filter ${text}`}
              />
            );
          })}
          <Button size="small" onClick={() => change(emptyFilters(), 'now')}>
            Clear all
          </Button>
        </Box>
      )}
    </Box>
  );
});
