// The current wizard step, kept in the URL (?step=) so reload, back and forward keep the place.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isWizardStep, type WizardStep } from './wizard-steps';

export const STEP_PARAM = 'step';

export function useWizardStep(): {
  /** The step the URL names, or undefined when it names none (or an unknown one). */
  urlStep: WizardStep | undefined;
  /**
   * Goes to a step. The router renders the new location in a transition, so the step shows
   * a moment after the URL changes (a second quick "Next" acts on the step being left, which
   * at worst repeats the same move).
   */
  setStep: (step: WizardStep, options?: { replace?: boolean }) => void;
} {
  const [params, setParams] = useSearchParams();
  const raw = params.get(STEP_PARAM);
  const urlStep = isWizardStep(raw) ? raw : undefined;

  const setStep = useCallback(
    (step: WizardStep, options?: { replace?: boolean }) => {
      setParams(
        (prev) => {
          // Unknown params are kept: other code (or a shared link) may rely on them.
          const next = new URLSearchParams(prev);
          next.set(STEP_PARAM, step);
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setParams],
  );

  return { urlStep, setStep };
}
