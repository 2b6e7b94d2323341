// Free strings (source, aff_sub*, adv_sub*): chips, Enter or comma adds, a pasted list splits.
//
// Not an Autocomplete, though it looks like the country and target-rule editors beside it: there
// is nothing to pick from, and an Autocomplete renders itself on every key typed and reads its
// box's width while doing so, which makes the browser lay the page out mid-keystroke. Here the
// text being typed lives in the input alone (uncontrolled), so a keystroke renders nothing; only
// adding or removing a value does. At 200 rules that took a keystroke's main-thread work from
// about 20 ms to about 15 (bench/changes.md).
//
// The text typed but not yet confirmed is reported to the wizard's draft (a plain call into a
// store, no state) and comes back into the box when a draft is resumed, still unconfirmed.
import { useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useForkRef } from '@mui/material/utils';
import { addUnique, splitList } from '@/lib/split-list';
import { usePendingValue } from '../hooks/pending-values';
import { NO_GLOBAL_STYLES } from './no-global-styles';

export interface TextValuesEditorProps {
  values: string[];
  onChange: (values: string[]) => void;
  onBlur: () => void;
  inputRef: React.Ref<HTMLInputElement>;
  error: string | undefined;
  /** Extra props for the input (the light row's hand-over mark). */
  inputProps?: Record<string, string>;
  /** The rule's key for its unconfirmed text in the draft (none: the text is not kept). */
  pendingKey?: string;
}

/** What separates values: a sub value may contain spaces, so a space does not. */
const VALUE_SEPARATORS = /[\n\r\t,;]+/;

/**
 * Empties the input as typing would: through the native setter and an input event, so that
 * React's change tracking and MUI's FormControl see it empty. A plain `value = ''` leaves MUI
 * thinking the box is still filled, and its label would stay raised over an empty box.
 */
function clearInput(el: HTMLInputElement) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, '');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

// The box as the Autocomplete beside it draws it (the same height, 42 px with a line of chips),
// which the light row copies (rule-row-lite's .rbl-value): chips wrap inside the outline, the
// input takes the rest of the line.
const BOX_SX = {
  '& .MuiInputBase-root': { flexWrap: 'wrap', padding: '6px' },
  '& .MuiInputBase-input': {
    flexGrow: 1,
    width: 0,
    minWidth: 30,
    textOverflow: 'ellipsis',
    padding: '2.5px 4px 2.5px 8px',
  },
  '& .MuiChip-root': { margin: '3px', maxWidth: 'calc(100% - 6px)' },
} as const;

export function TextValuesEditor({
  values,
  onChange,
  onBlur,
  inputRef,
  error,
  inputProps,
  pendingKey = '',
}: TextValuesEditorProps) {
  const pending = usePendingValue(pendingKey);
  const input = useRef<HTMLInputElement | null>(null);
  const ref = useForkRef(inputRef, input);
  const box = useRef<HTMLDivElement | null>(null);

  /** Adds the entries of `text` and empties the input. */
  const commit = (text: string) => {
    const added = splitList(text, VALUE_SEPARATORS);
    if (added.length > 0) onChange(addUnique(values, added));
    if (input.current) clearInput(input.current);
  };

  const focusChip = (index: number) =>
    box.current?.querySelector<HTMLElement>(`[data-item-index="${index}"]`)?.focus();

  const removeAt = (index: number) => {
    onChange(values.filter((_, i) => i !== index));
    // A chip removed from the keyboard had focus; the input takes it rather than the page.
    input.current?.focus();
  };

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const el = event.currentTarget;
    // An IME's Enter confirms its composition, not a value.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      // An empty Enter is left alone, as the Autocomplete left it.
      if (el.value.trim() === '') return;
      event.preventDefault();
      commit(el.value);
    } else if (event.key === 'Backspace' && el.value === '' && values.length > 0) {
      event.preventDefault();
      onChange(values.slice(0, -1));
    } else if (event.key === 'ArrowLeft' && el.value === '' && values.length > 0) {
      event.preventDefault();
      focusChip(values.length - 1);
    }
  };

  const onChipKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowLeft' && index > 0) {
      event.preventDefault();
      focusChip(index - 1);
    } else if (event.key === 'ArrowRight' || event.key === 'Escape') {
      event.preventDefault();
      if (event.key === 'ArrowRight' && index < values.length - 1) focusChip(index + 1);
      else input.current?.focus();
    }
    // Backspace and Delete: the Chip calls onDelete itself.
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!VALUE_SEPARATORS.test(pasted)) return;
    event.preventDefault();
    const el = event.currentTarget;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? el.value.length;
    commit(el.value.slice(0, start) + pasted + el.value.slice(end));
  };

  return (
    <TextField
      ref={box}
      label="Value"
      size="small"
      fullWidth
      inputRef={ref}
      error={error !== undefined}
      helperText={error}
      placeholder={values.length === 0 ? 'Type, then Enter' : undefined}
      // Uncontrolled: read once, so a resumed draft's unconfirmed text is back in its box.
      defaultValue={pending.initial}
      onChange={(event) => {
        // A typed comma ends a value, as in most tag inputs. Nothing else is rendered per key.
        // Every way a value is confirmed empties the box through here (clearInput), which
        // also takes its text out of the draft.
        const text = event.target.value;
        if (text.endsWith(',')) commit(text.slice(0, -1));
        else pending.report(text);
      }}
      onBlur={(event) => {
        // A value typed but not yet confirmed is kept rather than silently dropped.
        if (event.target.value.trim() !== '') commit(event.target.value);
        onBlur();
      }}
      sx={BOX_SX}
      slotProps={{
        input: {
          ...NO_GLOBAL_STYLES,
          startAdornment:
            values.length === 0
              ? undefined
              : values.map((v, i) => (
                  <Chip
                    key={v}
                    size="small"
                    label={v}
                    // Reached with the arrow keys from the input, as the Autocomplete's are.
                    tabIndex={-1}
                    data-item-index={i}
                    onDelete={() => removeAt(i)}
                    onKeyDown={onChipKeyDown(i)}
                  />
                )),
        },
        htmlInput: {
          ...inputProps,
          onPaste,
          onKeyDown: onInputKeyDown,
          autoComplete: 'off',
          spellCheck: false,
        },
      }}
    />
  );
}
