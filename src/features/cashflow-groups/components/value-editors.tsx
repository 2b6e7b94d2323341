// The value editor a rule row shows for its field: countries, target rules, or free strings.
// Each reports the text typed into its box but not yet confirmed to the wizard's draft, and
// starts with it when a draft is resumed.
import { memo, useEffect, useMemo, useState, type ClipboardEvent, type Ref } from 'react';
import { useQuery } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import { addUnique, splitList } from '@/lib/split-list';
import { cashflowGroupQueries } from '../api';
import { countryName, isCountryCode } from '../model';
import { resolveCountry, searchCountries } from '../model/countries';
import { fieldKind, type RuleField } from '../model/types';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { usePendingValue } from '../hooks/pending-values';
import { useTargetRuleNames } from './describe-names';
import { NO_GLOBAL_STYLES } from './no-global-styles';
import { TextValuesEditor } from './text-values-editor';

export interface ValueEditorProps {
  /** The rule's key for its unconfirmed text in the draft (pending-values.ts). */
  pendingKey: string;
  field: RuleField;
  values: string[];
  onChange: (values: string[]) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  error: string | undefined;
}

const SEARCH_DEBOUNCE_MS = 300;

/** The light row hands focus to the element so marked (see rule-row-lite). */
const HAND_OVER = { 'data-rb': 'value' } as Record<string, string>;

export const ValueEditor = memo(function ValueEditor(props: ValueEditorProps) {
  switch (fieldKind(props.field)) {
    case 'country':
      return <CountryEditor {...props} />;
    case 'target-rule':
      return <TargetRuleEditor {...props} />;
    case 'text':
      return <TextValuesEditor {...props} inputProps={HAND_OVER} />;
  }
});

/**
 * Only errors and notes take a line under the box: with 200 rows, a hint on each is noise. A
 * note (what a paste left out) shows with any error rather than behind it: it answers what the
 * user just did, and an error from before the paste may be on its way out.
 */
function helperFor(error: string | undefined, note?: string) {
  if (note === undefined) return error;
  return error === undefined ? note : `${note}. ${error}`;
}

// ---------------------------------------------------------------------------------------------
// Countries: ISO 3166-1 alpha-2, searchable by code, name or a common alias ("UK", "Holland").

const ALL_COUNTRIES = searchCountries('');
const COUNTRY_CODES = ALL_COUNTRIES.map((c) => c.code);

function countryLabel(code: string): string {
  const name = countryName(code);
  return name ? `${name} (${code})` : code;
}

/**
 * The search text of a picker, as the draft's unconfirmed text: starts from a resumed draft's
 * and reports every change (the picker renders per key anyway; this adds no render).
 */
function usePendingSearch(pendingKey: string) {
  const { initial, report } = usePendingValue(pendingKey);
  const [input, setInput] = useState(initial);
  useEffect(() => report(input), [report, input]);
  return [input, setInput] as const;
}

function CountryEditor({
  pendingKey,
  values,
  onChange,
  onBlur,
  inputRef,
  error,
}: ValueEditorProps) {
  const [note, setNote] = useState<string | undefined>(undefined);
  const [input, setInput] = usePendingSearch(pendingKey);
  // Ranked by the model, best first, so that Enter (autoHighlight) takes an exact code or name.
  const matches = useMemo(
    () => (input.trim() === '' ? ALL_COUNTRIES : searchCountries(input)),
    [input],
  );
  const aliasOf = useMemo(
    () => new Map(matches.flatMap((m) => (m.alias ? [[m.code, m.alias] as const] : []))),
    [matches],
  );

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    const items = splitList(text);
    if (items.length < 2) return;
    event.preventDefault();
    const valid: string[] = [];
    const ignored: string[] = [];
    for (const item of items) {
      const code = resolveCountry(item);
      if (code) valid.push(code);
      else ignored.push(item);
    }
    onChange(addUnique(values, valid));
    setInput('');
    setNote(ignored.length > 0 ? `Not countries, left out: ${ignored.join(', ')}` : undefined);
  };

  return (
    <Autocomplete<string, true, false, false>
      multiple
      disableCloseOnSelect
      options={COUNTRY_CODES}
      value={values}
      filterOptions={() => matches.map((m) => m.code)}
      // Enter takes the first suggestion once something is typed; not on an empty box, where
      // the first is merely the alphabet's first country.
      autoHighlight={input.trim() !== ''}
      getOptionLabel={countryLabel}
      renderOption={(optionProps, code) => {
        const { key, ...liProps } = optionProps;
        const alias = aliasOf.get(code);
        return (
          <li key={key} {...liProps}>
            {alias ? `${alias} → ${countryLabel(code)}` : countryLabel(code)}
          </li>
        );
      }}
      inputValue={input}
      onInputChange={(_, next, reason) => {
        // A pick clears the search (the list stays open for the next one): the typed text
        // would otherwise linger until blur and then collapse the box under the pointer.
        if (reason === 'selectOption' || reason === 'removeOption') setInput('');
        // 'reset' is the Autocomplete emptying an unfocused box to show only the chips, at
        // mount too: it would wipe a resumed draft's search. Blur ('blur') still empties it.
        else if (reason !== 'reset') setInput(next);
      }}
      onChange={(_, next) => {
        onChange(next);
        setInput('');
        setNote(undefined);
      }}
      onBlur={onBlur}
      renderValue={(selected, getItemProps) =>
        selected.map((code, i) => {
          const { key, ...itemProps } = getItemProps({ index: i });
          const known = isCountryCode(code);
          return (
            <Chip
              key={key}
              size="small"
              label={known ? code : `${code} (unknown)`}
              title={known ? countryName(code) : 'Not an ISO 3166-1 country code'}
              color={known ? 'default' : 'error'}
              {...itemProps}
            />
          );
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Value"
          size="small"
          inputRef={inputRef}
          error={error !== undefined}
          helperText={helperFor(error, note)}
          placeholder={values.length === 0 ? 'Search countries by name or code' : undefined}
          slotProps={{
            ...params.slotProps,
            input: { ...params.slotProps.input, ...NO_GLOBAL_STYLES },
            htmlInput: {
              ...params.slotProps.htmlInput,
              ...HAND_OVER,
              onPaste,
            },
          }}
        />
      )}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Advanced targeting rules: the network's target rules, by name or id.

function TargetRuleEditor({
  pendingKey,
  values,
  onChange,
  onBlur,
  inputRef,
  error,
}: ValueEditorProps) {
  const [open, setOpen] = useState(false);
  const [input, setInput] = usePendingSearch(pendingKey);
  const search = useDebouncedValue(input.trim(), SEARCH_DEBOUNCE_MS);
  const known = useTargetRuleNames();
  const query = useQuery({ ...cashflowGroupQueries.targetRules(search), enabled: open });

  const names = useMemo(() => {
    const map = new Map<string, string>(Object.entries(known));
    for (const r of query.data ?? []) map.set(String(r.id), r.name);
    return map;
  }, [known, query.data]);
  const options = useMemo(() => (query.data ?? []).map((r) => String(r.id)), [query.data]);
  const label = (id: string) => {
    const name = names.get(id);
    return name ? `${name} (#${id})` : `#${id}`;
  };

  return (
    <Autocomplete<string, true, false, false>
      multiple
      disableCloseOnSelect
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={options}
      value={values}
      loading={query.isFetching}
      getOptionLabel={label}
      // The server searched already; also match the id typed as digits.
      filterOptions={(opts) => {
        const q = input.trim().toLowerCase();
        if (!q) return opts;
        return opts.filter(
          (id) =>
            id.includes(q.replace(/^#/, '')) || (names.get(id) ?? '').toLowerCase().includes(q),
        );
      }}
      inputValue={input}
      onInputChange={(_, next, reason) => {
        if (reason === 'selectOption' || reason === 'removeOption') setInput('');
        else if (reason !== 'reset') setInput(next);
      }}
      onChange={(_, next) => {
        onChange(next);
        setInput('');
      }}
      onBlur={onBlur}
      noOptionsText={query.isError ? 'Could not load target rules' : 'No target rule matches'}
      renderValue={(selected, getItemProps) =>
        selected.map((id, i) => {
          const { key, ...itemProps } = getItemProps({ index: i });
          return <Chip key={key} size="small" label={label(id)} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Value"
          size="small"
          inputRef={inputRef}
          error={error !== undefined}
          helperText={helperFor(error)}
          placeholder={values.length === 0 ? 'Search target rules by name or ID' : undefined}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, ...HAND_OVER },
            input: {
              ...params.slotProps.input,
              ...NO_GLOBAL_STYLES,
              endAdornment: (
                <>
                  {query.isFetching && <CircularProgress color="inherit" size={16} />}
                  {params.slotProps.input.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
    />
  );
}
