// The rule tester's engine: would this sample click match the group, rule by rule, and why.
import { joinLimited } from './describe';
import { canonicalId, effectiveValues, TEXT_MATCH_CASE_SENSITIVE } from './values';
import {
  FIELD_LABELS,
  fieldKind,
  OPERATOR_WORDS,
  type Evaluation,
  type GroupForm,
  type RuleForm,
  type RuleVerdict,
  type SampleClick,
} from './types';

/**
 * How a click value and a rule value are compared: countries always case-insensitively (they
 * are codes), sub/source values per TEXT_MATCH_CASE_SENSITIVE.
 */
function comparable(kind: 'country' | 'text', v: string): string {
  if (kind === 'country') return v.toUpperCase();
  return TEXT_MATCH_CASE_SENSITIVE ? v : v.toLowerCase();
}

function evaluateTargetRule(rule: RuleForm, values: string[], click: SampleClick) {
  const label = FIELD_LABELS[rule.field];
  const listed = rule.operator === 'IS' ? values.slice(0, 1) : values;
  const clickIds = [...new Set((click.targetRuleIds ?? []).flatMap((id) => canonicalId(id) ?? []))];
  const have = new Set(clickIds);
  const hits = listed.filter((id) => have.has(id));
  const matched = hits.length > 0;
  const pass = rule.negate ? !matched : matched;
  const list = joinLimited(listed.map((id) => `#${id}`));
  const words = rule.operator === 'IS' ? 'which is' : 'which is one of';
  let reason: string;
  if (clickIds.length === 0) reason = `${label}: the click satisfies no target rules`;
  else if (matched) {
    reason = `${label}: the click satisfies ${joinLimited(hits.map((id) => `#${id}`))}, ${words} ${list}`;
  } else {
    reason = `${label}: the click satisfies ${joinLimited(clickIds.map((id) => `#${id}`))}, none of ${list}`;
  }
  return { pass, reason };
}

function evaluateValueRule(rule: RuleForm, values: string[], click: SampleClick) {
  const label = FIELD_LABELS[rule.field];
  const kind = fieldKind(rule.field) === 'country' ? 'country' : 'text';
  const words = OPERATOR_WORDS[rule.operator];
  const show = (v: string) => (kind === 'country' ? v.toUpperCase() : `“${v}”`);
  const list = joinLimited(values.map(show));
  const raw = rule.field === 'advanced_targeting_rule' ? undefined : click[rule.field];
  const observed = raw?.trim() ?? '';

  if (observed === '') {
    // An empty field matches no positive condition, so a negated one holds.
    const reason = rule.negate
      ? `${label} is empty, so it ${words.negated} ${rule.operator === 'IS' ? show(values[0] ?? '') : list}`
      : `${label} is empty`;
    return { pass: rule.negate, reason };
  }

  const c = comparable(kind, observed);
  const test = (v: string): boolean => {
    const r = comparable(kind, v);
    switch (rule.operator) {
      case 'IN':
      case 'IS':
        return c === r;
      case 'STARTS_WITH':
        return c.startsWith(r);
      case 'CONTAINS':
        return c.includes(r);
      case 'ENDS_WITH':
        return c.endsWith(r);
    }
  };
  // IS compares with the one (first) value, like the API.
  const candidates = rule.operator === 'IS' ? values.slice(0, 1) : values;
  const hit = candidates.find(test);
  const matched = hit !== undefined;
  let tail: string;
  if (rule.operator === 'IN') tail = `${matched ? words.positive : words.negated} ${list}`;
  else if (hit !== undefined) tail = `${words.positive} ${show(hit)}`;
  else if (candidates.length === 1) tail = `${words.negated} ${show(candidates[0] ?? '')}`;
  else tail = `${words.negated} any of ${list}`;
  return {
    pass: rule.negate ? !matched : matched,
    reason: `${label} is ${show(observed)}, which ${tail}`,
  };
}

export function evaluateRule(rule: RuleForm, click: SampleClick, index = 0): RuleVerdict {
  const values = effectiveValues(rule.field, rule.values);
  if (values.length === 0) {
    // Not a real condition yet: the API would refuse it, so it matches nothing here either.
    return {
      index,
      pass: false,
      reason: `${FIELD_LABELS[rule.field]}: the rule has no values yet`,
    };
  }
  const { pass, reason } =
    fieldKind(rule.field) === 'target-rule'
      ? evaluateTargetRule(rule, values, click)
      : evaluateValueRule(rule, values, click);
  return { index, pass, reason };
}

export function evaluate(
  form: Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'>,
  click: SampleClick,
): Evaluation {
  const rules = form.rules.map((rule, i) => evaluateRule(rule, click, i));
  let affiliateCovered: boolean;
  let affiliateReason: string;
  if (form.affiliateMode === 'all') {
    affiliateCovered = true;
    affiliateReason = 'The group applies to all affiliates';
  } else {
    const ids = new Set(form.affiliateIds.map((id) => canonicalId(id) ?? id.trim()));
    const count = ids.size === 1 ? '1 affiliate' : `${ids.size} affiliates`;
    const given = click.affiliateId?.trim() ?? '';
    const id = canonicalId(given) ?? given;
    if (id === '') {
      affiliateCovered = false;
      affiliateReason = `No affiliate ID given; the group applies only to its ${count}`;
    } else {
      affiliateCovered = ids.has(id);
      affiliateReason = affiliateCovered
        ? `Affiliate ${id} is one of the group's ${count}`
        : `Affiliate ${id} is not one of the group's ${count}`;
    }
  }
  return {
    matches: affiliateCovered && rules.every((r) => r.pass),
    affiliateCovered,
    affiliateReason,
    rules,
  };
}
