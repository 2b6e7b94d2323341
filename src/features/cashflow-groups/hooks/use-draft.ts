// The wizard's draft in localStorage: read once on open, autosaved while typing, cleared after a
// create. Storage can be missing or full (private windows, quotas): every access is guarded.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { UseFormGetValues, UseFormWatch } from 'react-hook-form';
import { restoreDraft, serializeDraft } from '../model';
import type { GroupForm } from '../model/types';
import { WIZARD_STEPS, stepIndex, type WizardStep } from './wizard-steps';

export const DRAFT_STORAGE_KEY = 'partner-dashboard:cashflow-group-draft';
export const DRAFT_SAVE_DELAY_MS = 600;

export interface WizardDraft {
  form: GroupForm;
  step: WizardStep;
  savedAt: string;
  idempotencyKey?: string;
  /** Unconfirmed value text by rule index (see model/draft.ts). */
  pendingValues?: ReadonlyMap<number, string>;
}

export type DraftLookup =
  | { kind: 'none' }
  | { kind: 'found'; draft: WizardDraft }
  | { kind: 'discarded'; reason: 'corrupt' | 'outdated' };

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads the stored draft; a corrupt or outdated one is reported, never thrown. */
export function lookUpDraft(): DraftLookup {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(DRAFT_STORAGE_KEY) ?? null;
  } catch {
    return { kind: 'none' };
  }
  const restored = restoreDraft(raw);
  if (!restored.ok) {
    return restored.reason === 'none'
      ? { kind: 'none' }
      : { kind: 'discarded', reason: restored.reason };
  }
  const { form, step, savedAt, idempotencyKey, pendingValues } = restored.value;
  return {
    kind: 'found',
    draft: {
      form,
      // The model stores the step as an index; one the wizard no longer has starts at the top.
      step: WIZARD_STEPS[step] ?? 'details',
      savedAt,
      ...(idempotencyKey !== undefined && { idempotencyKey }),
      ...(pendingValues !== undefined && { pendingValues }),
    },
  };
}

export function clearDraft(): void {
  try {
    storage()?.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // Nothing stored is as good as cleared.
  }
}

function writeDraft(draft: WizardDraft): boolean {
  try {
    const { step, ...rest } = draft;
    storage()?.setItem(DRAFT_STORAGE_KEY, serializeDraft({ ...rest, step: stepIndex(step) }));
    return true;
  } catch {
    return false;
  }
}

/** Whether the user has typed or chosen anything worth keeping (or asking before leaving). */
export function hasContent(form: GroupForm): boolean {
  return (
    form.name.trim() !== '' ||
    form.description.trim() !== '' ||
    form.rules.length > 0 ||
    form.affiliateMode !== 'all' ||
    form.affiliateIds.length > 0
  );
}

/** When the draft was last written, for the "Draft saved" note; a tiny external store. */
export interface DraftStatus {
  subscribe: (listener: () => void) => () => void;
  get: () => { savedAt: string | null; failed: boolean };
}

function createDraftStatus() {
  let state: { savedAt: string | null; failed: boolean } = { savedAt: null, failed: false };
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => state,
    set(next: { savedAt: string | null; failed: boolean }) {
      state = next;
      listeners.forEach((l) => l());
    },
  };
}

export function useDraftStatus(status: DraftStatus) {
  return useSyncExternalStore(status.subscribe, status.get, status.get);
}

export interface DraftAutosave {
  /** Saves now (pending changes included), e.g. before leaving or on a step change. */
  flush: () => void;
  /** Saves after the user pauses. */
  schedule: () => void;
  /** Stops saving for good (after a create: the draft is gone and must stay gone). */
  stop: () => void;
  status: DraftStatus;
}

/**
 * Autosaves the form to localStorage, debounced, from a subscription (no re-render per
 * keystroke). An empty form removes the draft instead of saving it.
 */
export function useDraftAutosave(options: {
  watch: UseFormWatch<GroupForm>;
  getValues: UseFormGetValues<GroupForm>;
  getStep: () => WizardStep;
  getIdempotencyKey: () => string | undefined;
  /** Text typed into value boxes but not confirmed, by rule index (`count`: the rules). */
  getPendingValues?: (count: number) => ReadonlyMap<number, string>;
  delayMs?: number;
  /** False: never saves nor clears anything (an edit has no draft). */
  enabled?: boolean;
}): DraftAutosave {
  const { watch, delayMs = DRAFT_SAVE_DELAY_MS, enabled = true } = options;
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopped = useRef(!enabled);
  const [status] = useState(createDraftStatus);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (stopped.current) return;
    const { getValues, getStep, getIdempotencyKey, getPendingValues } = latest.current;
    const form = getValues();
    if (!hasContent(form)) {
      clearDraft();
      status.set({ savedAt: null, failed: false });
      return;
    }
    const savedAt = new Date().toISOString();
    const key = getIdempotencyKey();
    const pendingValues = getPendingValues?.(form.rules.length);
    const ok = writeDraft({
      form,
      step: getStep(),
      savedAt,
      ...(key !== undefined && { idempotencyKey: key }),
      ...(pendingValues !== undefined && pendingValues.size > 0 && { pendingValues }),
    });
    status.set(ok ? { savedAt, failed: false } : { savedAt: status.get().savedAt, failed: true });
  }, [status]);

  const schedule = useCallback(() => {
    if (stopped.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  }, [flush, delayMs]);

  const stop = useCallback(() => {
    stopped.current = true;
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  useEffect(() => {
    const sub = watch(() => schedule());
    return () => sub.unsubscribe();
  }, [watch, schedule]);

  // Leaving the page (or unmounting) with a save pending writes it now rather than losing it.
  useEffect(() => {
    const onHide = () => {
      if (timer.current !== undefined) flush();
    };
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      onHide();
    };
  }, [flush]);

  return useMemo(() => ({ flush, schedule, stop, status }), [flush, schedule, stop, status]);
}
