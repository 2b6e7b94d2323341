// The /cashflow-groups/new page: offers to resume a stored draft (or says why one was dropped),
// or, with ?clone=<id>, starts from a copy of that group; then runs the wizard. "Create another"
// starts a fresh wizard.
import { useEffect, useState, useTransition } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { PageHeader } from '@/components/page-header';
import { cashflowGroupQueries, type CashflowGroupDetail } from '../api';
import { emptyGroupForm } from '../model';
import { clearDraft, lookUpDraft, type DraftLookup, type WizardDraft } from '../hooks/use-draft';
import { STEP_PARAM } from '../hooks/use-wizard-step';
import { STEP_TITLES } from '../hooks/wizard-steps';
import { CashflowWizard, type WizardInitial } from './wizard';
import { GroupLoadState } from './group-load-state';
import { CLONE_PARAM, isGroupId } from './group-links';

type Phase =
  { kind: 'asking'; draft: WizardDraft } | { kind: 'editing'; initial: WizardInitial; run: number };

function fresh(run: number): Phase {
  return { kind: 'editing', initial: { form: emptyGroupForm(), step: 'details' }, run };
}

function draftSummary(d: WizardDraft): string {
  const name = d.form.name.trim() ? `“${d.form.name.trim()}”` : 'An unnamed group';
  const rules = d.form.rules.length;
  const when = new Date(d.savedAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return `${name}, ${rules} ${rules === 1 ? 'rule' : 'rules'}, at the ${STEP_TITLES[d.step]} step, saved ${when}.`;
}

const DISCARD_NOTICE: Record<'corrupt' | 'outdated', string> = {
  corrupt: 'A saved draft could not be read and was discarded.',
  outdated: 'A saved draft from an older version of the dashboard was discarded.',
};

/** A new group's form from an existing one: the same rules and affiliates, a new name. */
function cloneForm(group: CashflowGroupDetail): WizardInitial {
  return {
    form: { ...group.form, name: `${group.form.name} (copy)` },
    step: 'details',
    clone: true,
  };
}

export function NewCashflowGroupPage() {
  const [params] = useSearchParams();
  const cloneId = params.get(CLONE_PARAM);
  // Kept here: the wizard goes on with the copy after ?clone= leaves the URL.
  const [clone, setClone] = useState<CashflowGroupDetail | undefined>(undefined);
  if (cloneId !== null && clone?.id !== cloneId) {
    return <CloneLoader id={cloneId} onLoaded={setClone} />;
  }
  return <NewGroupPage key={clone?.id ?? 'new'} {...(clone && { clone })} />;
}

/** ?clone=<id>: loads the group, then hands over to the wizard without the parameter (a reload
 * then offers the draft instead of cloning again over the user's changes). */
function CloneLoader({
  id,
  onLoaded,
}: {
  id: string;
  onLoaded: (group: CashflowGroupDetail) => void;
}) {
  const valid = isGroupId(id);
  const query = useQuery({ ...cashflowGroupQueries.detail(valid ? id : '0'), enabled: valid });
  const group = query.data;
  useEffect(() => {
    if (group) onLoaded(group);
  }, [group, onLoaded]);
  return <GroupLoadState id={id} valid={valid} query={query} />;
}

function NewGroupPage({ clone }: { clone?: CashflowGroupDetail }) {
  const [lookup] = useState<DraftLookup>(lookUpDraft);
  const [phase, setPhase] = useState<Phase>(() =>
    clone
      ? { kind: 'editing', initial: cloneForm(clone), run: 0 }
      : lookup.kind === 'found'
        ? { kind: 'asking', draft: lookup.draft }
        : fresh(0),
  );
  const [notice, setNotice] = useState<string | null>(() =>
    clone
      ? `A copy of “${clone.form.name}” (#${clone.id}): give it a new name, check each step, then create it.${lookup.kind === 'found' ? ' It replaces the unfinished draft you had.' : ''}`
      : lookup.kind === 'discarded'
        ? DISCARD_NOTICE[lookup.reason]
        : null,
  );
  const [, setParams] = useSearchParams();

  useEffect(() => {
    if (!clone) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete(CLONE_PARAM);
        return next;
      },
      { replace: true },
    );
  }, [clone, setParams]);
  const [resuming, startResume] = useTransition();

  useEffect(() => {
    // Removing it here, not while reading: reading is pure (StrictMode reads twice).
    if (lookup.kind === 'discarded') clearDraft();
  }, [lookup]);

  const resume = (draft: WizardDraft) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(STEP_PARAM, draft.step);
        return next;
      },
      { replace: true },
    );
    // A draft with hundreds of rules takes a moment to mount; a transition keeps the page
    // responsive (and the button says so) meanwhile.
    startResume(() =>
      setPhase({
        kind: 'editing',
        run: 0,
        initial: {
          form: draft.form,
          step: draft.step,
          ...(draft.idempotencyKey !== undefined && { idempotencyKey: draft.idempotencyKey }),
          ...(draft.pendingValues !== undefined && { pendingValues: draft.pendingValues }),
        },
      }),
    );
  };

  const discard = () => {
    clearDraft();
    setPhase(fresh(0));
  };

  const createAnother = () => {
    clearDraft();
    setNotice(null);
    setParams({ [STEP_PARAM]: 'details' });
    setPhase((p) => fresh(p.kind === 'editing' ? p.run + 1 : 0));
  };

  return (
    <>
      <PageHeader
        title="New cashflow group"
        subtitle="Rules that decide which conversions the group's payouts apply to"
      />
      {notice && (
        <Alert severity="info" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {phase.kind === 'editing' ? (
        <CashflowWizard key={phase.run} initial={phase.initial} onCreateAnother={createAnother} />
      ) : (
        <Dialog open aria-labelledby="resume-draft-title" aria-describedby="resume-draft-text">
          <DialogTitle id="resume-draft-title">Resume your draft?</DialogTitle>
          <DialogContent>
            <DialogContentText id="resume-draft-text">
              You started a cashflow group here earlier and did not create it:{' '}
              {draftSummary(phase.draft)}
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button color="error" onClick={discard} disabled={resuming}>
              Discard
            </Button>
            <Button
              variant="contained"
              onClick={() => resume(phase.draft)}
              loading={resuming}
              loadingPosition="start"
            >
              Resume draft
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
