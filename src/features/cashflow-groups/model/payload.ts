// The form → the exact rules_json / affiliate_ids_json HasOffers stores.
import { canonicalId, effectiveValues } from './values';
import { fieldKind, type GroupForm, type Payload, type PayloadRule, type RuleForm } from './types';

export type PayloadSource = Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'>;

export function toPayloadRule(rule: RuleForm): PayloadRule {
  const values = effectiveValues(rule.field, rule.values);
  // Target-rule ids go as JSON integers (the vendor's format); an id that is not one stays a
  // string so nothing is silently lost (validation refuses it before anything is sent).
  const value: (string | number)[] =
    fieldKind(rule.field) === 'target-rule'
      ? values.map((v) => (canonicalId(v) !== undefined ? Number(v) : v))
      : values;
  // Key order is part of the contract: field, operator, value, negate.
  return { field: rule.field, operator: rule.operator, value, negate: rule.negate ? 1 : 0 };
}

/** Affiliate ids as sent: trimmed, canonical, each once, in the order chosen; [] means all. */
export function payloadAffiliateIds(form: Pick<GroupForm, 'affiliateMode' | 'affiliateIds'>) {
  if (form.affiliateMode === 'all') return [];
  const seen = new Set<string>();
  for (const raw of form.affiliateIds) {
    const id = canonicalId(raw) ?? raw.trim();
    if (id !== '') seen.add(id);
  }
  return [...seen];
}

export function toPayload(form: PayloadSource): Payload {
  const rules = form.rules.map(toPayloadRule);
  const affiliateIds = payloadAffiliateIds(form);
  return {
    rules,
    affiliateIds,
    rules_json: JSON.stringify(rules),
    affiliate_ids_json: JSON.stringify(affiliateIds),
  };
}
