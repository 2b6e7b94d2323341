// The list's pager: rows per page, the rows shown, previous and next.
//
// MUI's TablePagination, same look and words, without its code: it imports its actions, which
// import MUI's Tooltip and with it Popper and @popperjs/core (about 11 KB gzip of the list's
// first load), for two buttons whose own `title` says the same. Its styles are written once
// (StaticStyles), so a page change re-renders the text and the buttons' state, not a stylesheet.
import { memo, useId, useLayoutEffect, useRef, type FocusEvent } from 'react';
import IconButton from '@mui/material/IconButton';
import type { Theme } from '@mui/material/styles';
import KeyboardArrowLeft from '@mui/icons-material/KeyboardArrowLeft';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import { SelectField } from '@/components/select-field';
import { StaticStyles } from '@/components/static-styles';
import { formatInteger } from '../model/format';
import { PAGE_SIZES, lastPageOffset } from '../model/view';

export interface PagerProps {
  count: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: number) => void;
}

const pagerStyles = (theme: Theme) => {
  const palette = (theme.vars ?? theme).palette;
  const text = { ...theme.typography.body2, margin: '14px 0', flexShrink: 0 };
  return {
    '.rg-pager': {
      overflow: 'auto',
      color: palette.text.primary,
      fontSize: theme.typography.pxToRem(14),
      borderTop: `1px solid ${palette.divider}`,
    },
    '.rg-pager-bar': {
      position: 'relative',
      display: 'flex',
      alignItems: 'center',
      minHeight: 52,
      paddingLeft: theme.spacing(2),
      paddingRight: 2,
      [theme.breakpoints.up('sm')]: { paddingLeft: theme.spacing(3) },
    },
    '.rg-pager-spacer': { flex: '1 1 100%' },
    '.rg-pager-text': text,
    // Two classes: MUI's own input styles are one class, inserted in no fixed order with ours.
    '.rg-pager .rg-pager-size': {
      color: 'inherit',
      fontSize: 'inherit',
      flexShrink: 0,
      marginRight: 32,
      marginLeft: 8,
      '& .select-field-display': {
        paddingLeft: 8,
        paddingRight: 24,
        textAlign: 'right',
        textAlignLast: 'right',
      },
      '& .select-field-display:focus': { backgroundColor: palette.action.focus },
    },
    '.rg-pager-actions': { flexShrink: 0, marginLeft: 20 },
  } as const;
};

export const Pager = memo(function Pager({
  count,
  limit,
  offset,
  onOffsetChange,
  onLimitChange,
}: PagerProps) {
  const labelId = useId();
  const selectId = useId();
  const lastPage = lastPageOffset(count, limit) / limit;
  const page = Math.min(Math.floor(offset / limit), lastPage);
  const from = count === 0 ? 0 : page * limit + 1;
  const to = Math.min(count, (page + 1) * limit);
  // A deep-linked size such as 40 is valid: offer it next to the usual ones.
  const sizes = [...new Set<number>([...PAGE_SIZES, limit])].sort((a, b) => a - b).map(String);

  // "Next" pressed on the last but one page disables itself, and a disabled button loses focus:
  // focus moves to the other button, as MUI's pager does, instead of falling to the page.
  const actions = useRef<HTMLDivElement>(null);
  const focused = useRef<HTMLButtonElement | null>(null);
  const onFocus = (e: FocusEvent<HTMLButtonElement>) => (focused.current = e.currentTarget);
  const onBlur = (e: FocusEvent<HTMLButtonElement>) => {
    // Disabling a focused button blurs it with nowhere to go (relatedTarget null): keep it.
    if (!e.currentTarget.disabled || e.relatedTarget !== null) focused.current = null;
  };
  useLayoutEffect(() => {
    const button = focused.current;
    if (!button?.disabled) return;
    focused.current = null;
    const active = document.activeElement;
    if (active && active !== button && active !== document.body) return;
    const other = [...(actions.current?.querySelectorAll('button') ?? [])].find(
      (b) => b !== button && !b.disabled,
    );
    other?.focus();
  });

  return (
    <div className="rg-pager">
      <StaticStyles styles={pagerStyles} />
      <div className="rg-pager-bar">
        <div className="rg-pager-spacer" />
        <p className="rg-pager-text" id={labelId}>
          Rows per page:
        </p>
        <SelectField
          variant="standard"
          className="rg-pager-size"
          id={selectId}
          labelId={labelId}
          options={sizes}
          optionLabel={String}
          value={String(limit)}
          onChange={(size) => onLimitChange(Number(size))}
        />
        <p className="rg-pager-text">
          {formatInteger(from)}–{formatInteger(to)} of {formatInteger(count)}
        </p>
        <div className="rg-pager-actions" ref={actions}>
          <IconButton
            color="inherit"
            aria-label="Go to previous page"
            title="Go to previous page"
            disabled={page === 0}
            onClick={() => onOffsetChange((page - 1) * limit)}
            onFocus={onFocus}
            onBlur={onBlur}
          >
            <KeyboardArrowLeft />
          </IconButton>
          <IconButton
            color="inherit"
            aria-label="Go to next page"
            title="Go to next page"
            disabled={page >= lastPage}
            onClick={() => onOffsetChange((page + 1) * limit)}
            onFocus={onFocus}
            onBlur={onBlur}
          >
            <KeyboardArrowRight />
          </IconButton>
        </div>
      </div>
    </div>
  );
});
