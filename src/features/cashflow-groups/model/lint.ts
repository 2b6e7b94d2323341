// Finds rules that the API would refuse or that cannot do what the user means: empty or invalid
// values, duplicates, and pairs of rules that can never both hold. Linear in values except the
// pairwise check, which only compares distinct rules on the same field.
import { isValidValue, matchKey } from './values';
import { FIELD_LABELS, fieldKind, type GroupForm, type LintIssue, type RuleForm } from './types';

type LintInput = Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'>;

/** A rule reduced to what matters for comparing it with others. */
interface Prepared {
  index: number;
  rule: RuleForm;
  /** Distinct comparison keys of its (non-blank) values, in order. */
  keys: string[];
  keySet: Set<string>;
  /** For positive IN/IS: the values a click must equal (IS: only the first counts). */
  allowed: Set<string> | undefined;
}

function quoteList(values: string[]): string {
  const shown = values.slice(0, 5).map((v) => `'${v}'`);
  return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}

function ruleIssues(rule: RuleForm, index: number, issues: LintIssue[]): Prepared | undefined {
  const label = FIELD_LABELS[rule.field];
  const kind = fieldKind(rule.field);
  const nonBlank = rule.values.map((v) => v.trim()).filter((v) => v !== '');
  if (nonBlank.length === 0) {
    issues.push({
      code: 'empty-value',
      severity: 'error',
      message: `${label}: add at least one value`,
      ruleIndex: index,
    });
    return undefined;
  }
  if (kind === 'country') {
    const bad = nonBlank.filter((v) => !isValidValue(rule.field, v));
    if (bad.length > 0) {
      issues.push({
        code: 'invalid-country',
        severity: 'error',
        message: `${quoteList(bad)} ${bad.length === 1 ? 'is not an ISO 3166-1 country code' : 'are not ISO 3166-1 country codes'}`,
        ruleIndex: index,
      });
    }
  } else if (kind === 'target-rule') {
    const bad = nonBlank.filter((v) => !isValidValue(rule.field, v));
    if (bad.length > 0) {
      issues.push({
        code: 'invalid-target-rule-id',
        severity: 'error',
        message: `${quoteList(bad)} ${bad.length === 1 ? 'is not a target rule ID' : 'are not target rule IDs'} (whole numbers)`,
        ruleIndex: index,
      });
    }
  }
  if (rule.operator === 'IS' && nonBlank.length > 1) {
    issues.push({
      code: 'is-with-several-values',
      severity: 'error',
      message: `“is” compares with one value, but this rule has ${nonBlank.length}: keep one, or use “is one of”`,
      ruleIndex: index,
    });
  }
  const keys: string[] = [];
  const keySet = new Set<string>();
  const repeated = new Set<string>();
  for (const v of nonBlank) {
    const key = matchKey(rule.field, v);
    if (keySet.has(key)) repeated.add(kind === 'country' ? key : v);
    else {
      keySet.add(key);
      keys.push(key);
    }
  }
  if (repeated.size > 0) {
    const list = [...repeated];
    issues.push({
      code: 'duplicate-value',
      severity: 'warning',
      message: `${quoteList(list)} ${list.length === 1 ? 'is' : 'are'} listed more than once`,
      ruleIndex: index,
    });
  }
  let allowed: Set<string> | undefined;
  if (!rule.negate && rule.operator === 'IN') allowed = keySet;
  else if (!rule.negate && rule.operator === 'IS') allowed = new Set(keys.slice(0, 1));
  return { index, rule, keys, keySet, allowed };
}

/** Whether a concrete (comparison-key) value passes rule p. */
function passes(p: Prepared, value: string): boolean {
  const { operator, negate } = p.rule;
  let hit: boolean;
  switch (operator) {
    case 'IN':
      hit = p.keySet.has(value);
      break;
    case 'IS':
      hit = p.keys[0] === value;
      break;
    case 'STARTS_WITH':
      hit = p.keys.some((k) => value.startsWith(k));
      break;
    case 'CONTAINS':
      hit = p.keys.some((k) => value.includes(k));
      break;
    case 'ENDS_WITH':
      hit = p.keys.some((k) => value.endsWith(k));
      break;
  }
  return negate ? !hit : hit;
}

/** Whether matching pattern p (positive) forces matching pattern q (its negation excludes it). */
function implies(pOp: string, p: string, qOp: string, q: string): boolean {
  if (qOp === 'CONTAINS') return p.includes(q);
  if (pOp === 'STARTS_WITH' && qOp === 'STARTS_WITH') return p.startsWith(q);
  if (pOp === 'ENDS_WITH' && qOp === 'ENDS_WITH') return p.endsWith(q);
  return false;
}

const PATTERNS = new Set(['STARTS_WITH', 'CONTAINS', 'ENDS_WITH']);

/** Whether no click can satisfy both rules (both on the same field). */
function contradicts(a: Prepared, b: Prepared): boolean {
  if (fieldKind(a.rule.field) === 'target-rule') {
    // A click may satisfy several target rules at once, so only "one of S" against
    // "none of T" with S inside T is impossible.
    const pos = a.allowed ?? b.allowed;
    const neg = a.allowed ? b : a;
    if (!pos || !neg.rule.negate || PATTERNS.has(neg.rule.operator)) return false;
    for (const v of pos) if (passes(neg, v)) return false;
    return true;
  }
  const setA = a.allowed;
  const setB = b.allowed;
  if (setA && setB) {
    const [small, large] = setA.size <= setB.size ? [setA, setB] : [setB, setA];
    for (const v of small) if (large.has(v)) return false;
    return true;
  }
  if (setA || setB) {
    // The click must equal one of the allowed values; does any of them pass the other rule?
    const allowed = (setA ?? setB) as Set<string>;
    const other = setA ? b : a;
    for (const v of allowed) if (passes(other, v)) return false;
    return true;
  }
  // Two pattern rules.
  const { rule: ra } = a;
  const { rule: rb } = b;
  if (!ra.negate && !rb.negate) {
    // Two prefixes (or suffixes) are compatible when one extends the other.
    const sameKind =
      ra.operator === rb.operator && (ra.operator === 'STARTS_WITH' || ra.operator === 'ENDS_WITH');
    if (!sameKind) return false;
    const fits =
      ra.operator === 'STARTS_WITH'
        ? (x: string, y: string) => x.startsWith(y) || y.startsWith(x)
        : (x: string, y: string) => x.endsWith(y) || y.endsWith(x);
    return !a.keys.some((x) => b.keys.some((y) => fits(x, y)));
  }
  if (ra.negate !== rb.negate) {
    // Every alternative of the positive rule forces something the negated rule excludes.
    const [pos, neg] = ra.negate ? [b, a] : [a, b];
    return pos.keys.every((p) =>
      neg.keys.some((q) => implies(pos.rule.operator, p, neg.rule.operator, q)),
    );
  }
  return false;
}

function signature(p: Prepared): string {
  const { field, operator, negate } = p.rule;
  const keys = operator === 'IS' ? p.keys : [...p.keys].sort();
  return `${field}\u0000${operator}\u0000${negate ? 1 : 0}\u0000${keys.join('\u0000')}`;
}

function describeOther(index: number): string {
  return `rule ${index + 1}`;
}

export function lint(form: LintInput): LintIssue[] {
  const issues: LintIssue[] = [];
  if (form.rules.length === 0 && form.affiliateMode === 'all') {
    issues.push({
      code: 'matches-everything',
      severity: 'warning',
      message:
        'With no rules and all affiliates, this group matches every conversion in the network',
    });
  }

  const byField = new Map<string, Prepared[]>();
  const seen = new Map<string, number>();
  form.rules.forEach((rule, index) => {
    const p = ruleIssues(rule, index, issues);
    if (!p) return;
    const sig = signature(p);
    const first = seen.get(sig);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate-rule',
        severity: 'warning',
        message: `Same as ${describeOther(first)}; remove one of them`,
        ruleIndex: index,
        otherIndex: first,
      });
      // A duplicate contradicts exactly what its original does: reported once, there.
      return;
    }
    seen.set(sig, index);
    const earlier = byField.get(rule.field);
    if (earlier) {
      const other = earlier.find((e) => contradicts(e, p));
      if (other) {
        issues.push({
          code: 'contradiction',
          severity: 'warning',
          message: `${FIELD_LABELS[rule.field]} can never satisfy both this rule and ${describeOther(other.index)}, so the group matches nothing`,
          ruleIndex: index,
          otherIndex: other.index,
        });
      }
      earlier.push(p);
    } else byField.set(rule.field, [p]);
  });
  return issues;
}
