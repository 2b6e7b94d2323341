// A group's History on its details page: its recorded versions newest first (who, when, what),
// the plain-words diff with the version before or between any two chosen, and "Restore this
// version", which opens the edit with it filled in. The diff and the links come from the app.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { toApiError } from '@/lib/api-error';
import { historyQueries } from '../api/queries';
import type { Change, RecordedGroup } from '../api/schemas';
import { formatWhen, isVersion, kindLabel, stateLabel, whoLabel } from '../model/describe-change';

export type RenderVersionDiff = (
  before: RecordedGroup | null,
  after: RecordedGroup,
  beforeLabel: string,
) => ReactNode;

export interface GroupHistoryProps {
  groupId: string;
  /**
   * The group's `modified` as the page read it. The read itself may record a version (changed
   * outside the dashboard), and a save changes it: either way the history is asked again.
   */
  modified: string;
  renderDiff: RenderVersionDiff;
  /** The edit page with this recorded version filled in. */
  restoreHref: (changeId: number) => string;
}

type Version = Change & { group: RecordedGroup };

function ChangeLine({ change }: { change: Change }) {
  const problem = stateLabel(change);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1 }}>
      <Typography component="span" sx={{ fontWeight: 600 }}>
        #{change.id} {kindLabel(change)}
      </Typography>
      <Typography component="span" color="text.secondary" variant="body2">
        {whoLabel(change)} · {formatWhen(change.requestedAt)}
      </Typography>
      {problem && <Chip size="small" color="warning" variant="outlined" label={problem} />}
    </Box>
  );
}

function Compare({ versions, renderDiff }: { versions: Version[]; renderDiff: RenderVersionDiff }) {
  const [from, setFrom] = useState(String(versions[1]?.id ?? ''));
  const [to, setTo] = useState(String(versions[0]?.id ?? ''));
  const a = versions.find((v) => String(v.id) === from);
  const b = versions.find((v) => String(v.id) === to);
  const options = versions.map((v) => (
    <MenuItem key={v.id} value={String(v.id)}>
      #{v.id} {kindLabel(v)} · {formatWhen(v.requestedAt)}
    </MenuItem>
  ));
  return (
    <Box component="section" aria-label="Compare two versions">
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        Compare two versions
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 1.5 }}>
        <TextField
          select
          size="small"
          label="From version"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          sx={{ minWidth: 260 }}
        >
          {options}
        </TextField>
        <TextField
          select
          size="small"
          label="To version"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          sx={{ minWidth: 260 }}
        >
          {options}
        </TextField>
      </Stack>
      {a && b && renderDiff(a.group, b.group, `version #${a.id}`)}
    </Box>
  );
}

export function GroupHistory({ groupId, modified, renderDiff, restoreHref }: GroupHistoryProps) {
  const headingId = useId();
  // Always asked again on arrival: a save or a read elsewhere may have added a version.
  const query = useQuery({ ...historyQueries.group(groupId, modified), refetchOnMount: 'always' });
  const changes = useMemo(() => query.data?.items ?? [], [query.data]);
  const versions = useMemo(() => changes.filter(isVersion), [changes]);
  /** The version before each one (older, recorded): what its diff compares with. */
  const previous = useMemo(() => {
    const map = new Map<number, Version>();
    versions.forEach((v, i) => {
      const older = versions[i + 1];
      if (older) map.set(v.id, older);
    });
    return map;
  }, [versions]);
  const newest = versions[0]?.id;

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="h6" component="h2" sx={{ mb: 1 }}>
        History
      </Typography>
      {query.isPending ? (
        <Typography color="text.secondary">Loading the history…</Typography>
      ) : query.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        >
          The history could not be loaded: {toApiError(query.error).message}
        </Alert>
      ) : changes.length === 0 ? (
        <Typography color="text.secondary">
          No change to this group has been recorded by the dashboard yet.
        </Typography>
      ) : (
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            Versions newest first: every save made here, and every state read here that differed
            from the last one recorded. Open one to see what it changed.
          </Typography>
          <div>
            {changes.map((change) => {
              const version = isVersion(change) ? change : undefined;
              const before = version && previous.get(version.id);
              return (
                <Accordion key={change.id} disableGutters variant="outlined">
                  <AccordionSummary
                    expandIcon={<ExpandMoreIcon />}
                    aria-label={`Version #${change.id}: ${kindLabel(change)} ${whoLabel(change)}, ${formatWhen(change.requestedAt)}`}
                  >
                    <ChangeLine change={change} />
                  </AccordionSummary>
                  <AccordionDetails>
                    {version ? (
                      <Stack spacing={1.5}>
                        {renderDiff(
                          before?.group ?? null,
                          version.group,
                          before ? `version #${before.id}` : 'nothing',
                        )}
                        {version.id !== newest && (
                          <div>
                            <Button
                              variant="outlined"
                              component={RouterLink}
                              to={restoreHref(version.id)}
                            >
                              Restore this version
                            </Button>
                          </div>
                        )}
                      </Stack>
                    ) : (
                      <Typography color="text.secondary">
                        {change.request
                          ? `Sent as “${change.request.name}”; no version of the group was recorded from it.`
                          : 'No version of the group was recorded from it.'}
                      </Typography>
                    )}
                  </AccordionDetails>
                </Accordion>
              );
            })}
          </div>
          {versions.length >= 2 && <Compare versions={versions} renderDiff={renderDiff} />}
        </Stack>
      )}
    </Paper>
  );
}
