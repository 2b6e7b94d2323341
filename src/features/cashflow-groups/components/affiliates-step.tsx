// The Affiliates step: all affiliates, or chosen ones (search by company or ID, paged, and a
// bulk "Paste IDs" box that de-duplicates and flags IDs the network does not know).
import { useId, useMemo, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import Pagination from '@mui/material/Pagination';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { routes } from '@/config/routes';
import { affiliateQueries } from '../api';
import type { AffiliateMode, GroupForm } from '../model/types';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useAffiliateLookup } from './describe-names';
import LinearProgress from '@mui/material/LinearProgress';

export const AFFILIATE_PAGE_SIZE = 10;
const SEARCH_DEBOUNCE_MS = 300;

/** "0012" → "12"; undefined when it is not a positive whole number. */
function canonicalAffiliateId(raw: string): string | undefined {
  const s = raw.trim().replace(/^#/, '');
  return /^\d{1,15}$/.test(s) && /[1-9]/.test(s) ? s.replace(/^0+/, '') : undefined;
}

/** Splits pasted text into new ids, ids already chosen (or repeated) and entries that are no id. */
export function parsePastedIds(
  text: string,
  current: readonly string[],
): { added: string[]; duplicates: number; invalid: string[] } {
  const seen = new Set(current);
  const added: string[] = [];
  const invalid: string[] = [];
  let duplicates = 0;
  // Same separators as splitList, but repeats are counted here rather than silently dropped.
  for (const item of text.split(/[\s,;]+/).filter(Boolean)) {
    const id = canonicalAffiliateId(item);
    if (id === undefined) invalid.push(item);
    else if (seen.has(id)) duplicates += 1;
    else {
      seen.add(id);
      added.push(id);
    }
  }
  return { added, duplicates, invalid: [...new Set(invalid)] };
}

export function AffiliatesStep() {
  const { control } = useFormContext<GroupForm>();
  const modeCtl = useController({ control, name: 'affiliateMode' });
  const idsCtl = useController({ control, name: 'affiliateIds' });
  const labelId = useId();
  const mode = modeCtl.field.value;

  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h6" component="h2">
          Affiliates
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Which affiliates&rsquo; conversions the group applies to.
        </Typography>
      </div>
      <FormControl>
        <FormLabel id={labelId}>Apply the group to</FormLabel>
        <RadioGroup
          aria-labelledby={labelId}
          value={mode}
          onChange={(e) => modeCtl.field.onChange(e.target.value as AffiliateMode)}
        >
          <FormControlLabel value="all" control={<Radio />} label="All affiliates" />
          <FormControlLabel value="selected" control={<Radio />} label="Selected affiliates" />
        </RadioGroup>
      </FormControl>

      {mode === 'all' ? (
        <Alert severity="warning">
          The group applies to every affiliate in the network, including those who join later.
        </Alert>
      ) : (
        <SelectedAffiliates
          ids={idsCtl.field.value}
          onChange={idsCtl.field.onChange}
          error={idsCtl.fieldState.error?.message}
        />
      )}
    </Stack>
  );
}

function SelectedAffiliates({
  ids,
  onChange,
  error,
}: {
  ids: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  // Names learnt from search results, so a just-picked chip has its name before the lookup.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const lookup = useAffiliateLookup(ids);
  const found = lookup.data?.found;
  const unknown = useMemo(() => {
    const u = new Set(lookup.data?.unknown ?? []);
    return ids.filter((id) => u.has(id));
  }, [ids, lookup.data]);

  const nameOf = (id: string) => found?.[id]?.company ?? picked[id];
  const selected = useMemo(() => new Set(ids), [ids]);

  const toggle = (id: string, company: string) => {
    if (selected.has(id)) onChange(ids.filter((x) => x !== id));
    else {
      setPicked((p) => ({ ...p, [id]: company }));
      onChange([...ids, id]);
    }
  };

  return (
    <Stack spacing={3}>
      <Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
          <Typography variant="subtitle1" component="h3">
            Chosen affiliates ({ids.length})
          </Typography>
          {ids.length > 0 && (
            <Button size="small" onClick={() => onChange([])}>
              Remove all
            </Button>
          )}
        </Stack>
        {error && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {error}
          </Alert>
        )}
        {ids.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            None yet. Search below, or paste a list of IDs.
          </Typography>
        ) : (
          <Box
            component="ul"
            aria-label="Chosen affiliates"
            sx={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 0.75,
              listStyle: 'none',
              p: 0,
              m: 0,
              maxHeight: 220,
              overflowY: 'auto',
            }}
          >
            {ids.map((id) => {
              const name = nameOf(id);
              const isUnknown = unknown.includes(id);
              const label = isUnknown ? `#${id} (unknown)` : name ? `${name} (#${id})` : `#${id}`;
              return (
                <li key={id}>
                  <Chip
                    size="small"
                    label={label}
                    color={isUnknown ? 'error' : 'default'}
                    variant={isUnknown ? 'outlined' : 'filled'}
                    onDelete={() => onChange(ids.filter((x) => x !== id))}
                  />
                </li>
              );
            })}
          </Box>
        )}
        {unknown.length > 0 && (
          <Alert
            severity="error"
            sx={{ mt: 1 }}
            action={
              <Button
                color="inherit"
                size="small"
                onClick={() => onChange(ids.filter((id) => !unknown.includes(id)))}
              >
                Remove unknown IDs
              </Button>
            }
          >
            The network does not know {unknown.length === 1 ? 'this ID' : 'these IDs'}:{' '}
            {unknown.join(', ')}
          </Alert>
        )}
      </Box>

      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <AffiliateSearch selected={selected} onToggle={toggle} />
        <PasteIds ids={ids} onChange={onChange} />
      </Stack>
    </Stack>
  );
}

function AffiliateSearch({
  selected,
  onToggle,
}: {
  selected: Set<string>;
  onToggle: (id: string, company: string) => void;
}) {
  const [input, setInput] = useState('');
  const [page, setPage] = useState(1);
  const search = useDebouncedValue(input.trim(), SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    ...affiliateQueries.search({ search, page, limit: AFFILIATE_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const resultsId = useId();
  const rows = query.data?.rows ?? [];

  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 3, width: '100%' }}>
      <TextField
        label="Search affiliates"
        placeholder="Company name or ID"
        fullWidth
        size="small"
        value={input}
        onChange={(e) => {
          setInput(e.target.value);
          setPage(1);
        }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
          htmlInput: { 'aria-controls': resultsId },
        }}
      />
      <Box sx={{ height: 4, mt: 1 }}>
        {query.isFetching && <LinearProgress aria-label="Searching affiliates" />}
      </Box>
      <Box id={resultsId} aria-live="polite" aria-busy={query.isFetching}>
        {query.isError ? (
          <Alert severity="error">Could not search affiliates: {query.error.message}</Alert>
        ) : query.isPending ? null : rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            No affiliate matches “{search}”.
          </Typography>
        ) : (
          <>
            <Typography variant="caption" color="text.secondary">
              {query.data.count} {query.data.count === 1 ? 'affiliate' : 'affiliates'}
              {search ? ` match “${search}”` : ''}
            </Typography>
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
              {rows.map((a) => {
                const id = String(a.id);
                return (
                  <li key={id} style={{ display: 'flex', alignItems: 'center' }}>
                    <FormControlLabel
                      sx={{ flex: 1, mr: 0 }}
                      control={
                        <Checkbox
                          size="small"
                          checked={selected.has(id)}
                          onChange={() => onToggle(id, a.company)}
                        />
                      }
                      label={
                        <span>
                          {a.company}{' '}
                          <Typography component="span" variant="body2" color="text.secondary">
                            (#{id}
                            {a.country ? ` · ${a.country}` : ''}
                            {a.status ? ` · ${a.status}` : ''})
                          </Typography>
                        </span>
                      }
                    />
                    {/* A new tab: leaving the wizard here would lose the draft's place. */}
                    <Link
                      href={routes.affiliate(id)}
                      target="_blank"
                      rel="noopener"
                      variant="body2"
                      aria-label={`Groups of ${a.company} (#${id}), opens in a new tab`}
                      sx={{ whiteSpace: 'nowrap', ml: 1 }}
                    >
                      Groups
                    </Link>
                  </li>
                );
              })}
            </Box>
            {query.data.pageCount > 1 && (
              <Pagination
                size="small"
                count={query.data.pageCount}
                page={page}
                onChange={(_, p) => setPage(p)}
                sx={{ mt: 1 }}
                aria-label="Affiliate search results pages"
              />
            )}
          </>
        )}
      </Box>
    </Paper>
  );
}

function PasteIds({ ids, onChange }: { ids: string[]; onChange: (ids: string[]) => void }) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<string | undefined>(undefined);

  const add = () => {
    const { added, duplicates, invalid } = parsePastedIds(text, ids);
    if (added.length > 0) onChange([...ids, ...added]);
    const parts = [`Added ${added.length} ${added.length === 1 ? 'ID' : 'IDs'}`];
    if (duplicates > 0) parts.push(`${duplicates} already chosen or repeated`);
    if (invalid.length > 0) parts.push(`not IDs, left out: ${invalid.join(', ')}`);
    setReport(`${parts.join('; ')}.`);
    setText(invalid.join('\n'));
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 2, width: '100%' }}>
      <TextField
        label="Paste IDs"
        placeholder={'12, 40, 77\nor one per line'}
        multiline
        minRows={4}
        maxRows={10}
        fullWidth
        value={text}
        onChange={(e) => setText(e.target.value)}
        helperText="Comma, space or newline separated. Repeats are dropped."
      />
      <Button sx={{ mt: 1 }} variant="outlined" onClick={add} disabled={text.trim() === ''}>
        Add IDs
      </Button>
      {report && (
        <Typography role="status" variant="body2" sx={{ mt: 1 }}>
          {report}
        </Typography>
      )}
    </Paper>
  );
}
