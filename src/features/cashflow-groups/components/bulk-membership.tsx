// Bulk membership: choose affiliates, groups and add or remove; review the combined diff of every
// group, confirm once, then write group by group with progress, a stop between groups and a
// per-group report.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { routes } from '@/config/routes';
import { toApiError } from '@/lib/api-error';
import { cashflowGroupKeys, type CashflowGroupListRow } from '../api';
import {
  applyMembership,
  membershipIo,
  rowsLearnt,
  type GroupOutcome,
  type MembershipIo,
  type PlannedChange,
} from '../api/bulk-membership';
import { groupScanKeys, withKnownRows, type GroupScan } from '../api/scan-cashflow-groups';
import { planMembership, type MembershipAction, type PlanEntry } from '../model';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import { DiffView } from './diff-view';

type Phase =
  | { step: 'choose'; error?: string }
  | { step: 'planning'; done: number; total: number }
  | { step: 'review'; plan: PlanEntry[] }
  | { step: 'running'; plan: PlanEntry[]; outcomes: GroupOutcome[] }
  | { step: 'done'; plan: PlanEntry[]; outcomes: GroupOutcome[]; stopped: boolean };

function parseIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

function outcomeText(o: Exclude<GroupOutcome, { status: 'waiting' }>): string {
  switch (o.status) {
    case 'saved':
      return 'Saved.';
    case 'changed-meanwhile':
      return `Skipped, not overwritten: ${o.message}. Review it again.`;
    case 'failed':
      return `Refused: ${o.error.message}`;
    case 'not-attempted':
      return o.reason === 'stopped'
        ? 'Not attempted: you stopped the run before this group.'
        : 'Not attempted: the run ended at a refusal before this group.';
  }
}

export function BulkMembership({
  groups,
  affiliateId = '',
  preselected = [],
  onRunningChange,
  io = membershipIo,
}: {
  groups: CashflowGroupListRow[];
  /** The affiliate ids field's first value (the affiliate page's own id). */
  affiliateId?: string;
  /** Groups ticked from the start (a selection made on the list). */
  preselected?: readonly string[];
  /** Told when writes start and end: a dialog must not close on a run in progress. */
  onRunningChange?: (running: boolean) => void;
  /** The reads and writes (tests may watch them); the HasOffers calls by default. */
  io?: MembershipIo;
}) {
  const queryClient = useQueryClient();
  const actionLabelId = useId();
  const [idsText, setIdsText] = useState(affiliateId);
  const [action, setAction] = useState<MembershipAction>('add');
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(preselected));
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  // "Stop after this group": read by the run between groups only (see applyMembership).
  const stopRef = useRef<AbortController | null>(null);
  const [stopping, setStopping] = useState(false);
  // The run's last word, focused when it appears: the Stop button a keyboard user was on is gone,
  // and the line sits below every group's report (out of sight in a long list or on a phone).
  const reportRef = useRef<HTMLElement>(null);
  const runDone = phase.step === 'done';
  useEffect(() => {
    if (runDone) reportRef.current?.focus();
  }, [runDone]);

  // Leaving mid-run would hide the run and its report while its writes went on: the app asks
  // first (the tab's unload too), and a page left anyway stops the run after the group in flight.
  const leave = useLeaveGuard(() => stopRef.current !== null);
  useEffect(() => () => stopRef.current?.abort(), []);

  const readable = useMemo(() => groups.filter((g) => g.rules), [groups]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? readable.filter((g) => g.name.toLowerCase().includes(f)) : readable;
  }, [readable, filter]);
  const ids = parseIds(idsText);
  const idsValid = ids.length > 0 && ids.every((id) => /^\d{1,12}$/.test(id));
  const busy = phase.step === 'planning' || phase.step === 'running';

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function review() {
    const chosen = readable.filter((g) => selected.has(g.id));
    setPhase({ step: 'planning', done: 0, total: chosen.length });
    const sources = [];
    try {
      // Each group is read whole (findCashflowGroupById), one after another: the update
      // replaces everything, so the plan starts from the full stored group, not the list row.
      for (const [i, g] of chosen.entries()) {
        const detail = await io.read(g.id);
        if (detail) sources.push({ id: detail.id, modified: detail.modified, form: detail.form });
        setPhase({ step: 'planning', done: i + 1, total: chosen.length });
      }
    } catch (e) {
      setPhase({ step: 'choose', error: toApiError(e).message });
      return;
    }
    setPhase({ step: 'review', plan: planMembership(sources, ids, action) });
  }

  async function apply(plan: PlanEntry[]) {
    const changes = plan.filter((p): p is PlannedChange => p.kind === 'change');
    const stop = new AbortController();
    stopRef.current = stop;
    setStopping(false);
    setPhase({ step: 'running', plan, outcomes: [] });
    onRunningChange?.(true);
    const run = await applyMembership(
      changes,
      (o) => setPhase({ step: 'running', plan, outcomes: o }),
      { io, stop: stop.signal },
    );
    stopRef.current = null;
    onRunningChange?.(false);
    setPhase({ step: 'done', plan, outcomes: run.outcomes, stopped: run.stopped });
    // The page's groups are patched with what the run wrote or re-read, not read again: the scan
    // is up to 20 calls of the network's shared budget. Details and list pages that are not on
    // screen are only marked stale (no call); they read again when next shown.
    queryClient.setQueryData<GroupScan>(
      groupScanKeys.all,
      (scan) => scan && withKnownRows(scan, rowsLearnt(run.outcomes)),
    );
    for (const o of run.outcomes) {
      if (o.status === 'changed-meanwhile' && o.current) {
        queryClient.setQueryData(cashflowGroupKeys.detail(o.id), o.current);
      }
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: cashflowGroupKeys.lists() }),
      ...run.outcomes
        .filter((o) => o.status === 'saved' || o.status === 'failed')
        .map((o) => queryClient.invalidateQueries({ queryKey: cashflowGroupKeys.detail(o.id) })),
    ]);
  }

  const leaveDialog = (
    <Dialog
      open={leave.state === 'blocked'}
      onClose={() => leave.reset?.()}
      aria-labelledby={`${actionLabelId}-leave`}
    >
      <DialogTitle id={`${actionLabelId}-leave`}>Stop the bulk change and leave?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Groups are still being saved. Leaving stops the run after the group being written now; the
          groups after it are not changed, and this page&apos;s report of the run is lost (History
          keeps every saved change).
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button
          color="error"
          onClick={() => {
            stopRef.current?.abort();
            leave.proceed?.();
          }}
        >
          Stop and leave
        </Button>
        <Button variant="contained" onClick={() => leave.reset?.()}>
          Stay
        </Button>
      </DialogActions>
    </Dialog>
  );

  if (phase.step === 'review' || phase.step === 'running' || phase.step === 'done') {
    const changes = phase.plan.filter((p) => p.kind === 'change');
    const skips = phase.plan.filter((p) => p.kind === 'skip');
    const outcomes = phase.step === 'review' ? [] : phase.outcomes;
    const finished = outcomes.filter(
      (o) => o.status !== 'waiting' && o.status !== 'not-attempted',
    ).length;
    const count = (status: GroupOutcome['status']) =>
      outcomes.filter((o) => o.status === status).length;
    return (
      <Stack spacing={2}>
        <Typography sx={{ fontWeight: 600 }}>
          {action === 'add' ? 'Add' : 'Remove'} affiliate{ids.length === 1 ? '' : 's'}{' '}
          {ids.map((i) => `#${i}`).join(', ')}: {changes.length} group
          {changes.length === 1 ? '' : 's'} to change
          {skips.length > 0 ? `, ${skips.length} left as they are` : ''}.
        </Typography>
        {changes.map((c) => {
          const outcome = outcomes.find((o) => o.id === c.id);
          return (
            <Box
              key={c.id}
              component="section"
              aria-label={`Changes to ${c.name}`}
              sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
            >
              <Typography variant="subtitle2" component="h3">
                <Link component={RouterLink} to={routes.cashflowGroup(c.id)}>
                  {c.name}
                </Link>{' '}
                (#{c.id})
              </Typography>
              {c.kind === 'change' && <DiffView diff={c.diff} beforeLabel="the group as read" />}
              {outcome && outcome.status !== 'waiting' && (
                <Alert
                  severity={
                    outcome.status === 'saved'
                      ? 'success'
                      : outcome.status === 'failed'
                        ? 'error'
                        : 'warning'
                  }
                  sx={{ mt: 1 }}
                >
                  {outcomeText(outcome)}
                </Alert>
              )}
            </Box>
          );
        })}
        {skips.length > 0 && (
          <Box component="ul" aria-label="Groups left as they are" sx={{ m: 0, pl: 3 }}>
            {skips.map((s) => (
              <Typography key={s.id} component="li" variant="body2">
                {s.name} (#{s.id}): left as it is, {s.kind === 'skip' ? s.reason : ''}.
              </Typography>
            ))}
          </Box>
        )}
        {phase.step === 'running' && (
          <Box>
            <LinearProgress
              variant="determinate"
              value={changes.length ? (finished / changes.length) * 100 : 100}
              aria-label="Saving groups"
            />
            <Typography role="status" variant="body2">
              Saved or skipped {finished} of {changes.length} groups…
              {stopping && ' Stopping after this group.'}
            </Typography>
          </Box>
        )}
        {phase.step === 'done' && (
          <Typography role="status" tabIndex={-1} ref={reportRef} sx={{ fontWeight: 600 }}>
            {phase.stopped ? 'Stopped' : 'Done'}: {count('saved')} of {changes.length} saved
            {count('changed-meanwhile') > 0 &&
              `, ${count('changed-meanwhile')} skipped (changed meanwhile)`}
            {count('failed') > 0 && ', stopped at a refusal'}
            {count('not-attempted') > 0 && `, ${count('not-attempted')} not attempted`}.
          </Typography>
        )}
        <Stack direction="row" spacing={1}>
          {phase.step === 'review' && (
            <>
              <Button
                variant="contained"
                disabled={changes.length === 0}
                onClick={() => void apply(phase.plan)}
              >
                Save {changes.length} group{changes.length === 1 ? '' : 's'}
              </Button>
              <Button onClick={() => setPhase({ step: 'choose' })}>Back</Button>
            </>
          )}
          {phase.step === 'running' && (
            // The write in flight is never aborted (its outcome would be unknown, and sending it
            // again could apply it twice): the run ends before the next group.
            // Primary, not warning: stopping is safe, and MUI's orange outline fails AA contrast
            // on a light paper (3.3:1).
            <Button
              variant="outlined"
              disabled={stopping}
              onClick={() => {
                stopRef.current?.abort();
                setStopping(true);
              }}
            >
              {stopping ? 'Stopping after this group…' : 'Stop after this group'}
            </Button>
          )}
          {phase.step === 'done' && (
            <Button
              onClick={() => {
                setSelected(new Set());
                setPhase({ step: 'choose' });
              }}
            >
              Start again
            </Button>
          )}
        </Stack>
        {leaveDialog}
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      {phase.step === 'choose' && phase.error && (
        <Alert severity="error">The groups could not be read: {phase.error}</Alert>
      )}
      <TextField
        label="Affiliate IDs"
        size="small"
        value={idsText}
        onChange={(e) => setIdsText(e.target.value)}
        error={idsText.trim() !== '' && !idsValid}
        helperText={
          idsText.trim() !== '' && !idsValid
            ? 'IDs are digits, separated by commas or spaces.'
            : 'One or several, separated by commas or spaces.'
        }
      />
      <FormControl>
        <FormLabel id={actionLabelId}>Change</FormLabel>
        <RadioGroup
          row
          aria-labelledby={actionLabelId}
          value={action}
          onChange={(e) => setAction(e.target.value === 'remove' ? 'remove' : 'add')}
        >
          <FormControlLabel value="add" control={<Radio />} label="Add to groups" />
          <FormControlLabel value="remove" control={<Radio />} label="Remove from groups" />
        </RadioGroup>
      </FormControl>
      <TextField
        label="Filter groups by name"
        type="search"
        size="small"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <Box
        role="group"
        aria-label="Groups to change"
        sx={{ maxHeight: 320, overflowY: 'auto', border: 1, borderColor: 'divider', p: 1 }}
      >
        {shown.length === 0 && (
          <Typography color="text.secondary">No group matches the filter.</Typography>
        )}
        {shown.map((g) => (
          <FormControlLabel
            key={g.id}
            sx={{ display: 'flex' }}
            control={
              <Checkbox size="small" checked={selected.has(g.id)} onChange={() => toggle(g.id)} />
            }
            label={`${g.name} (#${g.id}) · ${
              g.affiliateIds.length === 0 ? 'all affiliates' : `${g.affiliateIds.length} affiliates`
            }`}
          />
        ))}
      </Box>
      {phase.step === 'planning' && (
        <Typography role="status" variant="body2">
          Reading group {phase.done} of {phase.total}…
        </Typography>
      )}
      <Box>
        <Button
          variant="outlined"
          disabled={busy || selected.size === 0 || !idsValid}
          onClick={() => void review()}
        >
          Review changes to {selected.size} group{selected.size === 1 ? '' : 's'}
        </Button>
      </Box>
    </Stack>
  );
}
