// A select field: MUI's Select as it looks and answers the keyboard, without its code in a page's
// first load.
//
// MUI's Select imports its Menu (with Popover, Modal, focus trap and transitions), the native
// select and all three input variants: about 19 KB gzip of the rebate groups list's first load,
// for two filters and the pager's page size. Here the closed field is MUI's own OutlinedInput (or
// InputBase), so its label, notch, hover and focus are MUI's, with a combobox of ours inside; the
// options open in `ItemMenu`, a part fetched when the pointer comes over the field or it gets focus.
// Not carried over: typing a letter on the closed field to pick an option, and picking by
// pressing on the field and releasing over an option.
import { useId, useImperativeHandle, useRef, useState, type FocusEvent, type Ref } from 'react';
import FormControl from '@mui/material/FormControl';
import InputBase from '@mui/material/InputBase';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import type { SxProps, Theme } from '@mui/material/styles';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { OnDemand } from './on-demand';
import { ItemMenu, menuIntent } from './item-menu-part';
import { StaticStyles } from './static-styles';

const OPEN_KEYS = new Set([' ', 'ArrowUp', 'ArrowDown', 'Enter']);

// MUI's Select styles for its display and icon (SelectInput, NativeSelectInput), on our classes.
// Two classes beat the input's own padding, which is one class.
const styles = (theme: Theme) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    '.select-field .select-field-display': {
      height: 'auto',
      minHeight: '1.4375em',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      userSelect: 'none',
      cursor: 'pointer',
      borderRadius: 0,
      paddingRight: 24,
      minWidth: 16,
    },
    '.select-field.MuiOutlinedInput-root .select-field-display': {
      paddingRight: 32,
      borderRadius: (theme.vars ?? theme).shape.borderRadius,
    },
    '.select-field-icon': {
      position: 'absolute',
      right: 0,
      top: 'calc(50% - .5em)',
      pointerEvents: 'none',
      color: palette.action.active,
    },
    '.MuiOutlinedInput-root .select-field-icon': { right: 7 },
    '.select-field-icon-open': { transform: 'rotate(180deg)' },
  } as const;
};

interface DisplayProps {
  ref?: Ref<{ focus: () => void; value: string }>;
  className?: string;
  id?: string;
  onFocus?: (e: FocusEvent<HTMLDivElement>) => void;
  onBlur?: (e: FocusEvent<HTMLDivElement>) => void;
  'aria-describedby'?: string;
  // Ours, through `inputProps`:
  text: string;
  open: boolean;
  onOpen: (by: 'keyboard' | 'mouse') => void;
  labelId: string;
  listId: string;
}

/** The closed field, rendered by MUI's InputBase in place of its input (`inputComponent`). */
function SelectDisplay({
  ref,
  className,
  id,
  onFocus,
  onBlur,
  text,
  open,
  onOpen,
  labelId,
  listId,
  'aria-describedby': describedBy,
}: DisplayProps) {
  const div = useRef<HTMLDivElement>(null);
  // InputBase reads `value` to know whether the field is filled and calls `focus` when its frame
  // is clicked, as with the input it expects.
  useImperativeHandle(ref, () => ({ focus: () => div.current?.focus(), value: text }), [text]);
  return (
    <>
      <div
        ref={div}
        id={id}
        role="combobox"
        tabIndex={0}
        className={`${className ?? ''} select-field-display`}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        onPointerEnter={menuIntent.onPointerEnter}
        onPointerDown={menuIntent.onPointerDown}
        onFocus={(e) => {
          menuIntent.onFocus();
          onFocus?.(e);
        }}
        // The field keeps its focused look while its menu is open, as MUI's does.
        onBlur={(e) => {
          if (!open) onBlur?.(e);
        }}
        onKeyDown={(e) => {
          if (!OPEN_KEYS.has(e.key)) return;
          e.preventDefault();
          onOpen('keyboard');
        }}
        onMouseDown={(e) => {
          if (e.button !== 0) return;
          // Focus here, not where the press would put it once the menu has taken focus; and no
          // keyboard focus ring for a press.
          e.preventDefault();
          e.currentTarget.focus({ focusVisible: false });
          onOpen('mouse');
        }}
      >
        {text || (
          // Keeps the line's height when there is nothing to show.
          <span className="notranslate" aria-hidden>
            {'\u200b'}
          </span>
        )}
      </div>
      <ArrowDropDownIcon
        className={`select-field-icon${open ? ' select-field-icon-open' : ''}`}
        aria-hidden
      />
    </>
  );
}

interface CommonProps<T extends string> {
  id: string;
  options: readonly T[];
  optionLabel: (option: T) => string;
  /** The menu closed (picked, Escape, Tab, a click outside). */
  onClose?: () => void;
}

interface SingleProps<T extends string> extends CommonProps<T> {
  multiple?: false;
  value: T;
  onChange: (value: T) => void;
}

interface MultipleProps<T extends string> extends CommonProps<T> {
  multiple: true;
  value: readonly T[];
  /** The new choice, in the options' order (not the order of the clicks). */
  onChange: (value: T[]) => void;
  /** The closed field's words for a choice (every choice, none included). */
  renderValue: (value: readonly T[]) => string;
}

type Look =
  /** A field of its own: MUI's outlined text field, small, its label always above. */
  | { variant: 'outlined'; label: string; sx?: SxProps<Theme> }
  /** Words in a line (the pager): no frame; named by an element of the caller's. */
  | { variant: 'standard'; labelId: string; className?: string };

export type SelectFieldProps<T extends string> = (SingleProps<T> | MultipleProps<T>) & Look;

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { id, options, optionLabel, onClose } = props;
  // Open, and how (the first option's focus ring depends on it), or closed.
  const [openedBy, setOpenedBy] = useState<'keyboard' | 'mouse' | null>(null);
  const open = openedBy !== null;
  // The menu's anchor: the field's frame, as for MUI's Select (state, as it is read in render).
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const ownLabelId = useId();
  const listId = useId();
  const labelId = props.variant === 'outlined' ? ownLabelId : props.labelId;

  const chosen: readonly T[] = props.multiple ? props.value : [props.value];
  const text = props.multiple
    ? props.renderValue(props.value)
    : props.value === ''
      ? ''
      : optionLabel(props.value);

  const close = () => {
    setOpenedBy(null);
    onClose?.();
  };
  const pick = (key: string) => {
    const option = options.find((o) => o === key);
    if (option === undefined) return;
    if (props.multiple) {
      const next = props.value.includes(option)
        ? props.value.filter((v) => v !== option)
        : [...props.value, option];
      props.onChange(options.filter((o) => next.includes(o)));
      return;
    }
    if (option !== props.value) props.onChange(option);
    close();
  };

  const inputProps = { text, open, onOpen: setOpenedBy, labelId, listId };
  // (`as never` below: InputBase types `inputComponent` as an input element's component, and
  // SelectDisplay takes the props InputBase gives it plus ours, as MUI's own SelectInput does.)
  const input =
    props.variant === 'outlined' ? (
      <OutlinedInput
        ref={setRoot}
        id={id}
        label={props.label}
        notched
        className="select-field"
        inputComponent={SelectDisplay as never}
        inputProps={inputProps}
        value={text}
      />
    ) : (
      <InputBase
        ref={setRoot}
        id={id}
        className={`select-field ${props.className ?? ''}`}
        inputComponent={SelectDisplay as never}
        inputProps={inputProps}
        value={text}
      />
    );

  return (
    <>
      <StaticStyles styles={styles} />
      {props.variant === 'outlined' ? (
        <FormControl size="small" sx={props.sx}>
          <InputLabel id={labelId} htmlFor={id} shrink>
            {props.label}
          </InputLabel>
          {input}
        </FormControl>
      ) : (
        input
      )}
      <OnDemand what="The list of choices" open={open}>
        <ItemMenu
          listId={listId}
          anchorEl={root}
          open={open}
          onClose={close}
          onPick={pick}
          entries={options.map((o) => ({
            key: o,
            label: optionLabel(o),
            selected: chosen.includes(o),
          }))}
          kind="listbox"
          multiple={props.multiple}
          checkIcons={props.multiple}
          dense={props.multiple}
          label={{ 'aria-labelledby': labelId }}
          openedBy={openedBy}
        />
      </OnDemand>
    </>
  );
}
