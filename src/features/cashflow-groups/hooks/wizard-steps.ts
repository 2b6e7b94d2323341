// The wizard's four steps: their order, titles, URL names and the form fields each validates.
import type { FieldPath } from 'react-hook-form';
import type { GroupForm } from '../model/types';

export const WIZARD_STEPS = ['details', 'rules', 'affiliates', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_TITLES: Record<WizardStep, string> = {
  details: 'Details',
  rules: 'Rules',
  affiliates: 'Affiliates',
  review: 'Review',
};

/** What "Next" validates on each step (trigger(stepFields)); review validates everything. */
export const STEP_FIELDS: Record<WizardStep, FieldPath<GroupForm>[]> = {
  details: ['name', 'description'],
  rules: ['rules'],
  affiliates: ['affiliateMode', 'affiliateIds'],
  review: [],
};

export function isWizardStep(value: unknown): value is WizardStep {
  return typeof value === 'string' && (WIZARD_STEPS as readonly string[]).includes(value);
}

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step);
}
