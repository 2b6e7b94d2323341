// A text field that turns entries into chips: Enter, comma or space commits; a pasted list splits.
import { memo, useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { splitList } from '@/lib/split-list';

export interface ChipsInputProps {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** An error sentence for a value that cannot be a chip, or null when it is fine. */
  validate: (value: string) => string | null;
  helperText?: string;
  /** What two values must share to be the same chip (link codes ignore case); the value itself by default. */
  dedupeKey?: (value: string) => string;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
}

const SEPARATOR = /[\s,;]/;

const identity = (value: string) => value;

/** Memoised: the filters toolbar passes stable handlers, so another filter's change skips it. */
export const ChipsInput = memo(function ChipsInput({
  label,
  values,
  onChange,
  validate,
  helperText,
  dedupeKey = identity,
  placeholder,
  inputMode = 'text',
}: ChipsInputProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  /** Adds every valid entry of `raw`; invalid ones stay in the field with a message. */
  const commit = (raw: string) => {
    const entries = splitList(raw);
    if (entries.length === 0) {
      setText('');
      setError(null);
      return;
    }
    const bad = entries.filter((e) => validate(e) !== null);
    const seen = new Set(values.map(dedupeKey));
    const good = entries.filter((e) => {
      if (validate(e) !== null || seen.has(dedupeKey(e))) return false;
      seen.add(dedupeKey(e));
      return true;
    });
    if (good.length > 0) onChange([...values, ...good]);
    setText(bad.join(' '));
    setError(bad.length > 0 ? validate(bad[0] ?? '') : null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',' || e.key === ';') {
      if (text.trim() === '' && e.key === 'Enter') return;
      e.preventDefault();
      commit(text);
    } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
      e.preventDefault();
      onChange(values.slice(0, -1));
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text');
    if (!SEPARATOR.test(pasted.trim())) return; // a single value pastes as typing would
    e.preventDefault();
    const input = e.currentTarget;
    const start = input.selectionStart ?? text.length;
    const end = input.selectionEnd ?? text.length;
    commit(text.slice(0, start) + pasted + text.slice(end));
  };

  const onTextChange = (next: string) => {
    // A typed separator commits what came before it (a space in "12 40" makes two chips).
    if (SEPARATOR.test(next) && next.trim() !== '') {
      commit(next);
      return;
    }
    setText(next.trimStart());
    const entry = next.trim();
    setError(entry === '' ? null : validate(entry));
  };

  const help = error ?? helperText;
  return (
    <TextField
      id={`${id}-input`}
      label={label}
      size="small"
      error={error !== null}
      // TextField wires the helper line to the input's aria-describedby.
      helperText={help}
      value={text}
      placeholder={values.length === 0 ? placeholder : undefined}
      onChange={(e) => onTextChange(e.target.value)}
      onBlur={() => {
        if (text.trim() !== '') commit(text);
      }}
      slotProps={{
        // On the input itself: paste reads its selection.
        htmlInput: { inputMode, autoComplete: 'off', onKeyDown, onPaste },
        input: {
          startAdornment:
            values.length === 0
              ? undefined
              : values.map((value) => (
                  <Chip
                    key={value}
                    label={value}
                    size="small"
                    onDelete={() => onChange(values.filter((v) => v !== value))}
                    aria-label={`${label}: ${value}. Press Delete to remove.`}
                    sx={{ my: 0.25, mr: 0.5 }}
                  />
                )),
        },
      }}
      sx={{
        minWidth: 220,
        flex: '1 1 220px',
        '& .MuiInputBase-root': { flexWrap: 'wrap', rowGap: 0.25, py: values.length > 0 ? 0.5 : 0 },
        '& .MuiInputBase-input': { flex: '1 0 80px', minWidth: 80 },
      }}
    />
  );
});
