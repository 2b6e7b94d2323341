// Where a refused create or update belongs in the wizard: the parameter HasOffers blamed
// (`attribute_name`, recorded on validation errors) or else its status:-1 texts, mapped to a step
// and a field, keeping the API's own words.
import { SERVER_SETUP_CODES, type ApiError } from '@/lib/api-error';

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

/** The request parameter HasOffers names in `attribute_name` → its place in the wizard. */
const BY_ATTRIBUTE: Record<string, Omit<CreateErrorPlace, 'message'>> = {
  name: { step: 'details', field: 'name' },
  description: { step: 'details', field: 'description' },
  rules_json: { step: 'rules' },
  affiliate_ids_json: { step: 'affiliates', field: 'affiliateIds' },
};

function placeOfAttribute(attribute: string, text: string): Omit<CreateErrorPlace, 'message'> {
  // "rules_json[2]…" in the text still points at the rule, when the attribute is rules_json.
  if (attribute === 'rules_json')
    return place(text).step === 'rules' ? place(text) : { step: 'rules' };
  return BY_ATTRIBUTE[attribute] ?? place(text);
}

/**
 * The earliest step any of the API's messages points to wins (fixing the details may change
 * what the later checks say); the message is that one's own text.
 */
export function classifyCreateError(err: ApiError): CreateErrorPlace {
  const setup = err.code !== undefined && SERVER_SETUP_CODES.has(err.code);
  if (setup || (err.kind !== 'upstream' && err.kind !== 'bad-request')) {
    return { step: 'review', message: err.message };
  }
  // Items with an attribute_name say where by themselves; the texts are read only otherwise.
  const named = Object.entries(err.fieldErrors ?? {}).flatMap(([attribute, messages]) =>
    messages.map((text) => ({ text, where: placeOfAttribute(attribute, text) })),
  );
  const texts = [...new Set([err.message, ...err.details].filter((t) => t.trim() !== ''))];
  const candidates =
    err.field !== undefined && named.length > 0
      ? named
      : texts.map((text) => ({ text, where: place(text) }));
  let best: CreateErrorPlace | undefined;
  for (const { text, where } of candidates) {
    if (!best || STEP_ORDER.indexOf(where.step) < STEP_ORDER.indexOf(best.step)) {
      best = { ...where, message: text };
    }
  }
  return best ?? { step: 'review', message: err.message };
}
