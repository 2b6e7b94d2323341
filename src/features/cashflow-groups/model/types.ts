// The rule model shared by the builder, the previews, import, the tester and the API layer.
// Pure data: no React here.

export const RULE_FIELDS = [
  'country',
  'source',
  'aff_sub1',
  'aff_sub2',
  'aff_sub3',
  'aff_sub4',
  'aff_sub5',
  'adv_sub1',
  'adv_sub2',
  'adv_sub3',
  'adv_sub4',
  'adv_sub5',
  'advanced_targeting_rule',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const FIELD_LABELS: Record<RuleField, string> = {
  country: 'Country',
  source: 'Source',
  aff_sub1: 'Affiliate sub 1',
  aff_sub2: 'Affiliate sub 2',
  aff_sub3: 'Affiliate sub 3',
  aff_sub4: 'Affiliate sub 4',
  aff_sub5: 'Affiliate sub 5',
  adv_sub1: 'Advertiser sub 1',
  adv_sub2: 'Advertiser sub 2',
  adv_sub3: 'Advertiser sub 3',
  adv_sub4: 'Advertiser sub 4',
  adv_sub5: 'Advertiser sub 5',
  advanced_targeting_rule: 'Advanced targeting rule',
};

/** Which value editor a field gets. */
export type FieldKind = 'country' | 'target-rule' | 'text';
export function fieldKind(field: RuleField): FieldKind {
  if (field === 'country') return 'country';
  if (field === 'advanced_targeting_rule') return 'target-rule';
  return 'text';
}

/** Whether any of these rules names target rules (whose names must then be looked up). */
export function usesTargetRules(rules: readonly { field: RuleField }[] | undefined): boolean {
  return rules?.some((rule) => fieldKind(rule.field) === 'target-rule') ?? false;
}

export const OPERATORS = ['IN', 'IS', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Plain words, positive and negated: "Country is not one of DE, AT". */
export const OPERATOR_WORDS: Record<
  Operator,
  { positive: string; negated: string; label: string }
> = {
  IN: { label: 'is one of', positive: 'is one of', negated: 'is not one of' },
  IS: { label: 'is', positive: 'is', negated: 'is not' },
  STARTS_WITH: { label: 'starts with', positive: 'starts with', negated: 'does not start with' },
  CONTAINS: { label: 'contains', positive: 'contains', negated: 'does not contain' },
  ENDS_WITH: { label: 'ends with', positive: 'ends with', negated: 'does not end with' },
};

/**
 * One rule as the form holds it. `values` are always strings in the form (target-rule ids as
 * digit strings, countries as upper-case alpha-2); toPayload converts to the wire types.
 */
export interface RuleForm {
  field: RuleField;
  operator: Operator;
  values: string[];
  negate: boolean;
}

export type AffiliateMode = 'all' | 'selected';

export interface GroupForm {
  name: string;
  description: string;
  rules: RuleForm[];
  affiliateMode: AffiliateMode;
  /** Affiliate ids as digit strings, in the order chosen. Ignored when affiliateMode is 'all'. */
  affiliateIds: string[];
}

/** A rule exactly as HasOffers stores it (what rules_json holds). */
export interface PayloadRule {
  field: RuleField;
  operator: Operator;
  value: (string | number)[];
  negate: 0 | 1;
}

export interface Payload {
  rules: PayloadRule[];
  affiliateIds: string[];
  /** Compact JSON strings, exactly what is sent. */
  rules_json: string;
  affiliate_ids_json: string;
}

/** A sample click for the rule tester. */
export interface SampleClick {
  country?: string;
  source?: string;
  aff_sub1?: string;
  aff_sub2?: string;
  aff_sub3?: string;
  aff_sub4?: string;
  aff_sub5?: string;
  adv_sub1?: string;
  adv_sub2?: string;
  adv_sub3?: string;
  adv_sub4?: string;
  adv_sub5?: string;
  affiliateId?: string;
  /** Target-rule ids (digit strings) the click satisfies. */
  targetRuleIds?: string[];
}

export interface RuleVerdict {
  index: number;
  pass: boolean;
  /** Plain words: "country is DE, which is one of DE, AT". */
  reason: string;
}

export interface Evaluation {
  matches: boolean;
  /** Whether the click's affiliate is covered by the group (always true for all affiliates). */
  affiliateCovered: boolean;
  affiliateReason: string;
  rules: RuleVerdict[];
}

export type LintSeverity = 'error' | 'warning';
export type LintCode =
  | 'empty-value'
  | 'duplicate-rule'
  | 'contradiction'
  | 'is-with-several-values'
  | 'matches-everything'
  | 'invalid-country'
  | 'invalid-target-rule-id'
  | 'duplicate-value';

export interface LintIssue {
  code: LintCode;
  severity: LintSeverity;
  message: string;
  /** The rule it concerns; for contradictions/duplicates, the later rule, with `otherIndex` the earlier. */
  ruleIndex?: number;
  otherIndex?: number;
}

export interface ImportError {
  /** Which box: 'rules_json' | 'affiliate_ids_json' | 'input'. */
  source: 'rules_json' | 'affiliate_ids_json' | 'input';
  /** Rule index, when it concerns one rule. */
  ruleIndex?: number;
  /** The key within the rule ('field', 'operator', 'value', 'negate'), when known. */
  key?: string;
  message: string;
}

export type ImportResult =
  | {
      ok: true;
      rules: RuleForm[];
      affiliateIds: string[];
      name?: string;
      description?: string;
      /** Affiliate id → company, when the input carried them (a findCashflowGroupById answer). */
      affiliateNames?: Record<string, string>;
    }
  | { ok: false; errors: ImportError[] };
