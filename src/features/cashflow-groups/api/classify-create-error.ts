// Where a refused create belongs in the wizard: HasOffers' status:-1 texts mapped to a step and
// a field, keeping the API's own words.
import type { ApiError } from '@/lib/api-error';

export type WizardStepId = 'details' | 'rules' | 'affiliates' | 'review';
export type CreateErrorField = 'name' | 'description' | `rules.${number}.values` | 'affiliateIds';

export interface CreateErrorPlace {
  step: WizardStepId;
  field?: CreateErrorField;
  message: string;
}

const STEP_ORDER: WizardStepId[] = ['details', 'rules', 'affiliates', 'review'];

function place(raw: string): Omit<CreateErrorPlace, 'message'> {
  // Quoted parts are the user's own text (a group named 'Affiliates EU'): never clues.
  const text = raw.replace(/'[^']*'|"[^"]*"|“[^”]*”/g, "''");
  const rule = /rules_json\s*\[\s*(\d+)\s*\]/i.exec(text);
  if (rule) return { step: 'rules', field: `rules.${Number(rule[1])}.values` };
  if (/^\s*name\b/i.test(text)) return { step: 'details', field: 'name' };
  if (/^\s*description\b/i.test(text)) return { step: 'details', field: 'description' };
  if (/affiliate_ids_json/i.test(text)) return { step: 'affiliates', field: 'affiliateIds' };
  if (/rules_json/i.test(text)) return { step: 'rules' };
  if (/already exists|duplicate|not unique|already taken|already in use/i.test(text)) {
    return { step: 'details', field: 'name' };
  }
  if (/affiliate/i.test(text)) return { step: 'affiliates', field: 'affiliateIds' };
  if (/\brules?\b/i.test(text)) return { step: 'rules' };
  if (/description/i.test(text)) return { step: 'details', field: 'description' };
  if (/\bname\b/i.test(text)) return { step: 'details', field: 'name' };
  return { step: 'review' };
}

/**
 * The earliest step any of the API's messages points to wins (fixing the details may change
 * what the later checks say); the message is that one's own text.
 */
export function classifyCreateError(err: ApiError): CreateErrorPlace {
  if (err.kind !== 'upstream' && err.kind !== 'bad-request') {
    return { step: 'review', message: err.message };
  }
  const texts = [...new Set([err.message, ...err.details].filter((t) => t.trim() !== ''))];
  let best: CreateErrorPlace | undefined;
  for (const text of texts) {
    const where = place(text);
    if (!best || STEP_ORDER.indexOf(where.step) < STEP_ORDER.indexOf(best.step)) {
      best = { ...where, message: text };
    }
  }
  return best ?? { step: 'review', message: err.message };
}
