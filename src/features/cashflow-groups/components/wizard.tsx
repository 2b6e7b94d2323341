// The group wizard, for a new group or an edit: one react-hook-form instance for all four steps,
// the step in the URL, per-step validation on "Next", autosaved drafts (new groups only), and the
// create call or the guarded "Save changes" with their outcomes.
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { FormProvider, useForm, useFormState, type Control, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
  affiliateQueries,
  cashflowGroupQueries,
  classifyCreateError,
  type CashflowGroupDetail,
} from '../api';
import {
  describeGroup,
  diffGroups,
  groupFormSchema,
  isEmptyDiff,
  usesTargetRules,
  type GroupForm,
} from '../model';
import {
  STEP_FIELDS,
  STEP_TITLES,
  WIZARD_STEPS,
  stepIndex,
  type WizardStep,
} from '../hooks/wizard-steps';
import { useWizardStep } from '../hooks/use-wizard-step';
import {
  clearDraft,
  hasContent,
  useDraftAutosave,
  useDraftStatus,
  type DraftStatus,
} from '../hooks/use-draft';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import { createPendingValues, PendingValuesContext } from '../hooks/pending-values';
import { useCreateGroup, type CreateRefusal } from '../hooks/use-create-group';
import { useSaveGroup } from '../hooks/use-save-group';
import { takenMessage } from '../hooks/use-name-check';
import { CreateAction, CreatedPanel, CreateStatus } from './create-outcome';
import { TargetRuleNamesProvider, useDescribeNames } from './describe-names';
import { DetailsStep } from './details-step';
import { ConfirmRemovalDialog, SaveAction, SaveStatus } from './save-outcome';
import { WizardModeContext, type WizardModeValue } from './wizard-mode';
import { RetryAlert } from '@/components/retry-alert';
import { whenIdle } from '@/lib/after-paint';
import { lazyWithPreload, LoadBoundary } from '@/lib/lazy-with-preload';

// The later steps' code (the rule builder and its pickers, the affiliates' table, the review's
// tabs and diff: about a third of the wizard's) comes apart, fetched once the first step has
// painted and the page is idle, so a wizard opened directly shows its first step sooner. By the
// time someone has typed a name and pressed Next it is there, and the step renders at once.
const RulesStep = lazyWithPreload(() => import('./rules-step').then((m) => m.RulesStep));
const AffiliatesStep = lazyWithPreload(() =>
  import('./affiliates-step').then((m) => m.AffiliatesStep),
);
const ReviewStep = lazyWithPreload(() => import('./review-step').then((m) => m.ReviewStep));

/** Fetches the later steps' code (once, or again after a failure). */
function preloadWizardSteps(): Promise<unknown> {
  return Promise.all([RulesStep.preload(), AffiliatesStep.preload(), ReviewStep.preload()]);
}

function StepLoading() {
  return (
    <Stack spacing={2} role="status" aria-label="Loading the step">
      <Skeleton variant="text" width="40%" height={36} />
      <Skeleton variant="rounded" height={56} />
      <Skeleton variant="rounded" height={56} />
    </Stack>
  );
}

function StepLoadFailed({ retry }: { retry: () => void }) {
  return (
    <RetryAlert onRetry={retry} title="This step could not be loaded">
      Check your connection, then try again. Nothing you entered is lost.
    </RetryAlert>
  );
}

/** The window less the app bar, the page header and the page's padding above the wizard. */
const WIZARD_MIN_HEIGHT = 'calc(100dvh - 176px)';

export interface WizardInitial {
  form: GroupForm;
  step: WizardStep;
  idempotencyKey?: string;
  /** Value text typed but not confirmed when the draft was saved, by rule index. */
  pendingValues?: ReadonlyMap<number, string>;
  /** A copy of an existing group (?clone=): the create is recorded as a clone. */
  clone?: boolean;
}

/** Create a new group, or edit `group` (the server's copy the edit starts from). */
export type WizardMode =
  | { kind: 'create' }
  | {
      kind: 'edit';
      group: CashflowGroupDetail;
      onSaved: (id: string) => void;
      /** Restoring this recorded change (?restore=): the save is recorded as a restore. */
      restoredFrom?: number;
    };

const CREATE_MODE: WizardMode = { kind: 'create' };

function stepHasError(errors: Record<string, unknown>, step: WizardStep): boolean {
  return STEP_FIELDS[step].some((f) => errors[f] !== undefined);
}

/** The stepper subscribes to errors on its own, so the wizard does not re-render with them. */
function WizardStepper({
  control,
  current,
  reached,
  serverErrorStep,
  onSelect,
}: {
  control: Control<GroupForm>;
  current: WizardStep;
  reached: number;
  serverErrorStep: WizardStep | undefined;
  onSelect: (step: WizardStep) => void;
}) {
  const { errors } = useFormState({ control });
  const active = stepIndex(current);
  // On a phone four labels beside their icons are wider than the screen (413 px at 390):
  // labels go under the icons there, each step a quarter of the width.
  const narrow = useMediaQuery('(max-width:599.95px)', { noSsr: true });
  return (
    <Stepper
      nonLinear
      alternativeLabel={narrow}
      activeStep={active}
      // The step buttons' own padding reaches 16 px past each side: none on a phone.
      sx={{ mb: 3, ...(narrow && { '& .MuiStepButton-root': { px: 0, mx: 0 } }) }}
      aria-label="Steps"
    >
      {WIZARD_STEPS.map((step, i) => {
        const error =
          stepHasError(errors as Record<string, unknown>, step) || serverErrorStep === step;
        const completed = i < reached && i !== active && !error;
        return (
          <Step key={step} completed={completed} disabled={i > reached}>
            <StepButton
              onClick={() => onSelect(step)}
              aria-current={i === active ? 'step' : undefined}
              optional={
                error ? (
                  <Typography variant="caption" color="error">
                    Needs attention
                  </Typography>
                ) : undefined
              }
            >
              <StepLabel error={error}>{STEP_TITLES[step]}</StepLabel>
            </StepButton>
          </Step>
        );
      })}
    </Stepper>
  );
}

/** The Review step's heading, outside its lazy body so the action bar can follow it. */
function ReviewHeading({ editing }: { editing: boolean }) {
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="h6" component="h2">
        Review
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {editing
          ? 'Check what changes, then save. The update replaces all rules and affiliates with exactly what is below.'
          : 'Check the group, then create it. What you see below is exactly what is sent.'}
      </Typography>
    </Box>
  );
}

function DraftNote({ status }: { status: DraftStatus }) {
  const { savedAt, failed } = useDraftStatus(status);
  if (failed) {
    return (
      <Typography variant="caption" color="error">
        The draft could not be saved on this device (storage full or blocked).
      </Typography>
    );
  }
  if (!savedAt) return null;
  const time = new Date(savedAt).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <Typography variant="caption" color="text.secondary">
      Draft saved on this device at {time}
    </Typography>
  );
}

export function CashflowWizard({
  initial,
  onCreateAnother,
  mode = CREATE_MODE,
}: {
  initial: WizardInitial;
  onCreateAnother: () => void;
  mode?: WizardMode;
}) {
  return (
    <TargetRuleNamesProvider>
      <WizardBody initial={initial} onCreateAnother={onCreateAnother} mode={mode} />
    </TargetRuleNamesProvider>
  );
}

const noop = () => undefined;

function WizardBody({
  initial,
  onCreateAnother,
  mode,
}: {
  initial: WizardInitial;
  onCreateAnother: () => void;
  mode: WizardMode;
}) {
  const editing = mode.kind === 'edit' ? mode.group : undefined;
  const queryClient = useQueryClient();
  const form = useForm<GroupForm>({
    resolver: zodResolver(groupFormSchema),
    defaultValues: initial.form,
    // Errors appear once a field is left, then follow every change.
    mode: 'onTouched',
  });
  const { control, trigger, getValues, getFieldState, setError, setFocus, watch } = form;

  // ---- The step: in the URL, never beyond the furthest step reached through validation.
  const { urlStep, setStep } = useWizardStep();
  // An edit starts from a valid stored group: every step is open from the start.
  const [reached, setReached] = useState(() =>
    editing ? WIZARD_STEPS.length - 1 : stepIndex(initial.step),
  );
  const current: WizardStep =
    urlStep !== undefined && stepIndex(urlStep) <= reached
      ? urlStep
      : editing
        ? initial.step
        : (WIZARD_STEPS[reached] ?? 'details');
  useEffect(() => {
    if (urlStep !== current) setStep(current, { replace: true });
  }, [urlStep, current, setStep]);

  const stepRef = useRef(current);
  const keyRef = useRef(initial.idempotencyKey);

  // ---- Drafts: new groups only. An edit starts from the server's copy each time; a stored
  // edit could silently be older than the server's version by the time it is resumed.
  // Text typed into a value box but not confirmed is no form value (it would re-render and
  // lint on every key): the boxes report it to this store, which the draft saves with the form.
  const [pendingValues] = useState(() => createPendingValues(initial.pendingValues));
  const autosave = useDraftAutosave({
    enabled: !editing,
    watch,
    getValues,
    getStep: () => stepRef.current,
    getIdempotencyKey: () => keyRef.current,
    getPendingValues: pendingValues.byIndex,
  });
  useEffect(() => pendingValues.subscribe(autosave.schedule), [pendingValues, autosave]);
  useEffect(() => {
    stepRef.current = current;
    autosave.flush();
  }, [current, autosave]);

  // ---- Create.
  const [created, setCreated] = useState<{ id: string; form: GroupForm } | null>(null);
  const [serverError, setServerError] = useState<CreateRefusal | null>(null);
  const pendingFocus = useRef<FieldPath<GroupForm> | null>(null);

  const onKeyChange = useCallback(
    (key: string | undefined) => {
      keyRef.current = key;
      autosave.flush();
    },
    [autosave],
  );
  const onCreated = useCallback(
    (id: string) => {
      autosave.stop();
      clearDraft();
      setServerError(null);
      setCreated({ id, form: getValues() });
    },
    [autosave, getValues],
  );
  /** Marks the field (and opens the step) a refused create or update names. */
  const routeRefusal = useCallback(
    (refusal: Pick<CreateRefusal, 'step' | 'field' | 'message'>) => {
      if (refusal.field) {
        const field = refusal.field as FieldPath<GroupForm>;
        setError(field, { type: 'server', message: refusal.message });
        pendingFocus.current = field;
      }
      if (refusal.step !== 'review') setStep(refusal.step);
    },
    [setError, setStep],
  );
  const onRefused = useCallback(
    (refusal: CreateRefusal) => {
      setServerError(refusal);
      routeRefusal(refusal);
    },
    [routeRefusal],
  );
  const creator = useCreateGroup({
    ...(initial.idempotencyKey !== undefined && { initialKey: initial.idempotencyKey }),
    onKeyChange,
    onCreated,
    onRefused,
    ...(initial.clone === true && { clone: true }),
  });

  // ---- Save (edit).
  const saver = useSaveGroup({
    group: editing,
    onSaved: mode.kind === 'edit' ? mode.onSaved : noop,
    restoredFrom: mode.kind === 'edit' ? mode.restoredFrom : undefined,
  });
  // A refused update is routed like a refused create: the step and field its attribute names
  // (the failure itself stays in the save status).
  const failedSave = saver.state.status === 'failed' ? saver.state.error : undefined;
  useEffect(() => {
    if (failedSave) routeRefusal(classifyCreateError(failedSave));
  }, [failedSave, routeRefusal]);
  const modeValue = useMemo<WizardModeValue>(
    () =>
      editing
        ? {
            kind: 'edit',
            groupId: editing.id,
            base: saver.base,
            ...(saver.serverChange && { serverChange: saver.serverChange }),
          }
        : { kind: 'create' },
    [editing, saver.base, saver.serverChange],
  );

  // ---- Leaving with work in it asks first (the draft is flushed either way).
  const blocker = useLeaveGuard(() =>
    editing
      ? !saver.savedRef.current && !isEmptyDiff(diffGroups(saver.base, getValues()))
      : created === null && hasContent(getValues()),
  );

  // The later steps' code, once the page is idle after showing this one (a failure shows when
  // its step opens).
  useEffect(() => whenIdle(() => void preloadWizardSteps().catch(noop)), []);

  // ---- Focus: on a step change, the step's heading (or the field a server error names).
  const contentRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const field = pendingFocus.current;
    pendingFocus.current = null;
    if (field) {
      // The field mounts with the step; focus it after that render.
      requestAnimationFrame(() => setFocus(field));
      return;
    }
    const heading = rootRef.current?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [current, setFocus]);

  // ---- Per-step checks that the schema cannot make (they ask the network).
  const ensureNameFree = useCallback(async (): Promise<boolean> => {
    const name = getValues('name').trim();
    try {
      const r = await queryClient.fetchQuery({
        ...cashflowGroupQueries.nameCheck(name),
        retry: false,
      });
      // An edit may keep its own name.
      if (r.taken && !(editing && r.id !== undefined && String(r.id) === editing.id)) {
        setError(
          'name',
          { type: 'taken', message: takenMessage(r.id === undefined ? undefined : String(r.id)) },
          { shouldFocus: true },
        );
        return false;
      }
    } catch {
      // The check is a convenience: the create call refuses a taken name anyway.
    }
    return true;
  }, [getValues, queryClient, setError, editing]);

  const ensureAffiliatesKnown = useCallback(async (): Promise<boolean> => {
    const { affiliateMode, affiliateIds } = getValues();
    if (affiliateMode !== 'selected' || affiliateIds.length === 0) return true;
    try {
      const r = await queryClient.fetchQuery({
        ...affiliateQueries.byIds(affiliateIds),
        retry: false,
      });
      if (r.unknown.length > 0) {
        setError('affiliateIds', {
          type: 'unknown',
          message: `The network does not know ${r.unknown.length === 1 ? 'this ID' : 'these IDs'}: ${r.unknown.join(', ')}. Remove ${r.unknown.length === 1 ? 'it' : 'them'} to go on.`,
        });
        return false;
      }
    } catch {
      // Could not ask: let the create call decide.
    }
    return true;
  }, [getValues, queryClient, setError]);

  const validateStep = useCallback(
    async (step: WizardStep): Promise<boolean> => {
      if (step === 'review') return trigger(undefined, { shouldFocus: true });
      const ok = await trigger(STEP_FIELDS[step]);
      if (!ok) {
        // trigger's own shouldFocus loses to the re-render that ends the busy state: focus the
        // first invalid control once that render is on screen.
        requestAnimationFrame(() =>
          contentRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        );
        return false;
      }
      if (step === 'details') return ensureNameFree();
      if (step === 'affiliates') return ensureAffiliatesKnown();
      return true;
    },
    [trigger, ensureNameFree, ensureAffiliatesKnown],
  );

  const validating = useRef(false);
  const [busy, setBusy] = useState(false);
  /** Moves forward through every step in between, stopping at the first that does not pass. */
  const goForward = useCallback(
    async (target: WizardStep) => {
      if (validating.current) return;
      validating.current = true;
      setBusy(true);
      try {
        for (let i = stepIndex(current); i < stepIndex(target); i += 1) {
          const step = WIZARD_STEPS[i] as WizardStep;
          if (!(await validateStep(step))) {
            if (step !== current) setStep(step);
            return;
          }
        }
        // Committed before the URL changes: a render that saw the new ?step= with the old
        // `reached` would clamp the URL back.
        flushSync(() => setReached((r) => Math.max(r, stepIndex(target))));
        setStep(target);
      } finally {
        validating.current = false;
        setBusy(false);
      }
    },
    [current, validateStep, setStep],
  );

  const onSelectStep = useCallback(
    (step: WizardStep) => {
      if (stepIndex(step) <= stepIndex(current)) setStep(step);
      else void goForward(step);
    },
    [current, goForward, setStep],
  );

  const next = WIZARD_STEPS[stepIndex(current) + 1];
  const back = WIZARD_STEPS[stepIndex(current) - 1];

  const onCreate = useCallback(async () => {
    setServerError(null);
    // Everything is validated again: an import or a draft may have brought in what no step saw.
    const ok = await trigger();
    if (!ok) {
      // getFieldState reads the errors without subscribing the whole wizard to them.
      const firstBad = WIZARD_STEPS.find((s) =>
        STEP_FIELDS[s].some((f) => getFieldState(f).invalid),
      );
      if (firstBad && firstBad !== 'review') setStep(firstBad);
      return;
    }
    if (editing) saver.save(getValues());
    else await creator.create(getValues());
  }, [trigger, creator, saver, editing, getValues, getFieldState, setStep]);

  const summary = useSummary(created?.form);

  if (created) {
    return (
      <CreatedPanel
        id={created.id}
        name={created.form.name.trim()}
        summary={summary}
        onCreateAnother={onCreateAnother}
      />
    );
  }

  const sending =
    creator.state.status === 'sending' ||
    saver.state.status === 'checking' ||
    saver.state.status === 'saving';

  // Sticky, so the next action (and what the create led to) is always in view.
  const actionBar = (
    <Box
      sx={{
        mt: 'auto',
        pt: 1.5,
        pb: 1.5,
        position: 'sticky',
        // Always shown last, wherever it sits in the tab order (see the Review step).
        order: 1,
        bottom: 0,
        bgcolor: 'background.default',
        borderTop: 1,
        borderColor: 'divider',
        zIndex: 2,
      }}
    >
      {current === 'review' && !editing && (
        <Box sx={{ mb: creator.state.status === 'idle' ? 0 : 1.5 }}>
          <CreateStatus state={creator.state} onDismiss={creator.dismiss} />
        </Box>
      )}
      {editing && <SaveStatus state={saver.state} onDismiss={saver.cancel} />}
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Button
          variant="outlined"
          disabled={!back || sending}
          onClick={() => back && setStep(back)}
        >
          Back
        </Button>
        {next ? (
          <Button variant="contained" disabled={busy} onClick={() => void goForward(next)}>
            Next
          </Button>
        ) : editing ? (
          <SaveAction state={saver.state} onSave={() => void onCreate()} />
        ) : (
          <CreateAction
            state={creator.state}
            onCreate={() => void onCreate()}
            onCheck={() => void creator.check(getValues())}
            onRetry={() => void creator.create(getValues())}
          />
        )}
        <Box sx={{ flexGrow: 1 }} />
        {!editing && <DraftNote status={autosave.status} />}
      </Stack>
    </Box>
  );

  return (
    <WizardModeContext value={modeValue}>
      <FormProvider {...form}>
        {/* At least as tall as the window, so the button bar sits at the bottom whatever the
          step's height: a field that shrinks on blur (a chip added, a search cleared) must
          not move "Next" between mouse down and up, which would swallow the click. */}
        <Box
          ref={rootRef}
          sx={{ display: 'flex', flexDirection: 'column', minHeight: WIZARD_MIN_HEIGHT }}
        >
          <WizardStepper
            control={control}
            current={current}
            reached={reached}
            serverErrorStep={
              serverError && serverError.step !== 'review' ? serverError.step : undefined
            }
            onSelect={onSelectStep}
          />

          {serverError && serverError.step !== 'review' && (
            <Alert severity="error" sx={{ mb: 2 }} onClose={() => setServerError(null)}>
              <AlertTitle>HasOffers did not create the group</AlertTitle>
              {serverError.message}
              {serverError.step !== current && (
                <Button size="small" sx={{ ml: 1 }} onClick={() => setStep(serverError.step)}>
                  Go to {STEP_TITLES[serverError.step]}
                </Button>
              )}
            </Alert>
          )}

          {/* On Review the action bar comes right after the heading in the tab order (shown at
            the bottom all the same): "Create group" is two Tabs away, not behind the review's
            two dozen tabs and copy buttons. */}
          {current === 'review' && (
            <>
              <ReviewHeading editing={editing !== undefined} />
              {actionBar}
            </>
          )}

          <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, mb: 2 }}>
            <Box ref={contentRef}>
              {/* Keyed by step: a failed step does not stay failed when another is chosen. */}
              <LoadBoundary
                key={current}
                what="A wizard step"
                fallback={(retry) => <StepLoadFailed retry={retry} />}
              >
                <Suspense fallback={<StepLoading />}>
                  {current === 'details' && <DetailsStep />}
                  {current === 'rules' && (
                    <PendingValuesContext value={pendingValues}>
                      <RulesStep />
                    </PendingValuesContext>
                  )}
                  {current === 'affiliates' && <AffiliatesStep />}
                  {current === 'review' && <ReviewStep />}
                </Suspense>
              </LoadBoundary>
            </Box>
          </Paper>

          {current !== 'review' && actionBar}
        </Box>

        {editing && (
          <ConfirmRemovalDialog
            state={saver.state}
            name={editing.form.name}
            groupId={editing.id}
            onCancel={saver.cancel}
            onConfirm={() => saver.confirm(getValues())}
          />
        )}

        <Dialog
          open={blocker.state === 'blocked' && editing !== undefined}
          onClose={() => blocker.reset?.()}
          aria-labelledby="leave-edit-title"
        >
          <DialogTitle id="leave-edit-title">Leave without saving?</DialogTitle>
          <DialogContent>
            <DialogContentText>
              Your changes to this group have not been saved, and edits are not kept as drafts.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button color="error" onClick={() => blocker.proceed?.()}>
              Discard changes and leave
            </Button>
            <Button variant="contained" onClick={() => blocker.reset?.()}>
              Stay
            </Button>
          </DialogActions>
        </Dialog>

        <Dialog
          open={blocker.state === 'blocked' && editing === undefined}
          onClose={() => blocker.reset?.()}
          aria-labelledby="leave-wizard-title"
        >
          <DialogTitle id="leave-wizard-title">Leave the new group?</DialogTitle>
          <DialogContent>
            <DialogContentText>
              The group has not been created. Your draft stays saved on this device, and you can
              resume it when you come back, or discard it now.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button
              color="error"
              onClick={() => {
                autosave.stop();
                clearDraft();
                blocker.proceed?.();
              }}
            >
              Discard draft and leave
            </Button>
            <Button
              onClick={() => {
                autosave.flush();
                blocker.proceed?.();
              }}
            >
              Leave
            </Button>
            <Button variant="contained" onClick={() => blocker.reset?.()}>
              Stay
            </Button>
          </DialogActions>
        </Dialog>
      </FormProvider>
    </WizardModeContext>
  );
}

function useSummary(form: GroupForm | undefined): string[] {
  const names = useDescribeNames(form?.affiliateIds ?? NO_IDS, usesTargetRules(form?.rules));
  return useMemo(() => (form ? describeGroup(form, names) : []), [form, names]);
}

const NO_IDS: string[] = [];
