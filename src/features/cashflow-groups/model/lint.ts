// Finds rules that the API would refuse or that cannot do what the user means: empty or invalid
// values, duplicates, and pairs of rules that can never both hold. Linear in values except the
// pairwise check, which only compares distinct rules on the same field.
import { isValidValue, matchKey } from './values';
import {
  FIELD_LABELS,
  fieldKind,
  type GroupForm,
  type LintIssue,
  type Operator,
  type RuleForm,
} from './types';

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
  allowedKeys: string[] | undefined;
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
  let allowedKeys: string[] | undefined;
  if (!rule.negate && rule.operator === 'IN') allowedKeys = keys;
  else if (!rule.negate && rule.operator === 'IS') allowedKeys = keys.slice(0, 1);
  const allowed = allowedKeys && (rule.operator === 'IN' ? keySet : new Set(allowedKeys));
  return { index, rule, keys, keySet, allowed, allowedKeys };
}

// The pair checks below run up to LINT_PAIR_BUDGET times per lint: plain loops, no closures or
// temporary arrays, so a 1,000-rule group stays well inside a frame.

function anyKey(keys: readonly string[], test: (key: string) => boolean): boolean {
  for (let i = 0; i < keys.length; i++) if (test(keys[i] as string)) return true;
  return false;
}

/** Whether a concrete (comparison-key) value passes rule p. */
function passes(p: Prepared, value: string): boolean {
  let hit = false;
  const keys = p.keys;
  switch (p.rule.operator) {
    case 'IN':
      hit = p.keySet.has(value);
      break;
    case 'IS':
      hit = keys[0] === value;
      break;
    case 'STARTS_WITH':
      for (let i = 0; i < keys.length && !hit; i++) hit = value.startsWith(keys[i] as string);
      break;
    case 'CONTAINS':
      for (let i = 0; i < keys.length && !hit; i++) hit = value.includes(keys[i] as string);
      break;
    case 'ENDS_WITH':
      for (let i = 0; i < keys.length && !hit; i++) hit = value.endsWith(keys[i] as string);
      break;
  }
  return p.rule.negate ? !hit : hit;
}

/** Whether matching pattern p (positive) forces matching pattern q (its negation excludes it). */
function implies(pOp: Operator, p: string, qOp: Operator, q: string): boolean {
  if (qOp === 'CONTAINS') return p.includes(q);
  if (pOp === 'STARTS_WITH' && qOp === 'STARTS_WITH') return p.startsWith(q);
  if (pOp === 'ENDS_WITH' && qOp === 'ENDS_WITH') return p.endsWith(q);
  return false;
}

/**
 * Whether no click can satisfy both rules (same field; the pairing tables have already left
 * out kinds that can always both hold, and EQ+ pairs of non-target fields).
 */
function contradicts(a: Prepared, b: Prepared): boolean {
  if (a.allowedKeys && b.allowed)
    return !anyKey(a.allowedKeys, (v) => (b.allowed as Set<string>).has(v));
  if (a.allowedKeys || b.allowedKeys) {
    // The click must equal one of the allowed values; does any of them pass the other rule?
    const allowed = (a.allowedKeys ?? b.allowedKeys) as string[];
    const other = a.allowedKeys ? b : a;
    for (let i = 0; i < allowed.length; i++) if (passes(other, allowed[i] as string)) return false;
    return true;
  }
  const ra = a.rule;
  const rb = b.rule;
  if (!ra.negate && !rb.negate) {
    // Two prefixes (or suffixes) are compatible when one extends the other.
    if (ra.operator !== rb.operator) return false;
    const starts = ra.operator === 'STARTS_WITH';
    if (!starts && ra.operator !== 'ENDS_WITH') return false;
    for (const x of a.keys) {
      for (const y of b.keys) {
        const fits = starts ? x.startsWith(y) || y.startsWith(x) : x.endsWith(y) || y.endsWith(x);
        if (fits) return false;
      }
    }
    return true;
  }
  if (ra.negate === rb.negate) return false;
  // Every alternative of the positive rule forces something the negated rule excludes.
  const pos = ra.negate ? b : a;
  const neg = ra.negate ? a : b;
  const pOp = pos.rule.operator;
  const qOp = neg.rule.operator;
  for (const p of pos.keys) {
    let excluded = false;
    for (let i = 0; i < neg.keys.length && !excluded; i++) {
      excluded = implies(pOp, p, qOp, neg.keys[i] as string);
    }
    if (!excluded) return false;
  }
  return true;
}

/** A rule's kind for pairing: "+IN", "-CONTAINS"…; positive IN/IS are kept apart as EQ+. */
type Bucket = `${'+' | '-'}${Operator}`;

/**
 * Which earlier kinds a rule of a kind can contradict, besides EQ+ (positive IN/IS), which
 * every kind is checked against. Pairs not listed can always both hold (e.g. two negated rules
 * on an open text field, or a prefix and a suffix), so they are never compared.
 */
const CAN_CONTRADICT: Record<Bucket, readonly Bucket[]> = {
  '+IN': [
    '-IN',
    '-IS',
    '+STARTS_WITH',
    '-STARTS_WITH',
    '+CONTAINS',
    '-CONTAINS',
    '+ENDS_WITH',
    '-ENDS_WITH',
  ],
  '+IS': [
    '-IN',
    '-IS',
    '+STARTS_WITH',
    '-STARTS_WITH',
    '+CONTAINS',
    '-CONTAINS',
    '+ENDS_WITH',
    '-ENDS_WITH',
  ],
  '-IN': [],
  '-IS': [],
  '+STARTS_WITH': ['+STARTS_WITH', '-STARTS_WITH', '-CONTAINS'],
  '+ENDS_WITH': ['+ENDS_WITH', '-ENDS_WITH', '-CONTAINS'],
  '+CONTAINS': ['-CONTAINS'],
  '-STARTS_WITH': ['+STARTS_WITH'],
  '-ENDS_WITH': ['+ENDS_WITH'],
  '-CONTAINS': ['+STARTS_WITH', '+ENDS_WITH', '+CONTAINS'],
};

/** Target-rule ids: only "one of S" against "none of T" can be impossible. */
const CAN_CONTRADICT_TARGET: Partial<Record<Bucket, readonly Bucket[]>> = {
  '+IN': ['-IN', '-IS'],
  '+IS': ['-IN', '-IS'],
};

/**
 * Pattern pairs still compared after this many comparisons are skipped: contradictions are
 * advice, and a frame matters more than finding the 2,000th one in a pathological group.
 */
export const LINT_PAIR_BUDGET = 200_000;

function bucketOf(p: Prepared): Bucket {
  return `${p.rule.negate ? '-' : '+'}${p.rule.operator}`;
}

/** The earlier distinct rules of one field, EQ+ ones indexed by value, the rest by kind. */
interface FieldState {
  target: boolean;
  eq: Prepared[];
  /** value → positions in `eq` of the rules that allow it. */
  eqIndex: Map<string, number[]>;
  buckets: Map<Bucket, Prepared[]>;
}

function addToState(state: FieldState, p: Prepared): void {
  if (!p.allowedKeys) {
    const b = bucketOf(p);
    const list = state.buckets.get(b);
    if (list) list.push(p);
    else state.buckets.set(b, [p]);
    return;
  }
  const pos = state.eq.length;
  state.eq.push(p);
  for (const k of p.allowedKeys) {
    const list = state.eqIndex.get(k);
    if (list) list.push(pos);
    else state.eqIndex.set(k, [pos]);
  }
}

/**
 * The first earlier rule of the field that `p` can never hold together with. Two EQ+ rules
 * are compared through the value index (rules sharing a value are marked; the first unmarked
 * one is disjoint), so the common case needs no value-by-value comparison; other pairs only
 * within the kinds that can contradict.
 */
function earliestContradiction(
  state: FieldState,
  p: Prepared,
  marks: Int32Array,
  stamp: number,
  budget: { left: number },
): number | undefined {
  let best: number | undefined;
  const firstOf = (list: readonly Prepared[]) => {
    for (const e of list) {
      if (best !== undefined && e.index > best) return;
      if (budget.left-- <= 0) return;
      if (contradicts(e, p)) {
        best = best === undefined ? e.index : Math.min(best, e.index);
        return;
      }
    }
  };
  const bucket = bucketOf(p);
  if (p.allowedKeys) {
    if (!state.target) {
      for (const k of p.allowedKeys) {
        for (const pos of state.eqIndex.get(k) ?? []) marks[pos] = stamp;
      }
      for (let j = 0; j < state.eq.length; j++) {
        if (marks[j] !== stamp) {
          best = state.eq[j]?.index;
          break;
        }
      }
    }
  } else if (!state.target || CAN_CONTRADICT_TARGET['+IN']?.includes(bucket)) {
    firstOf(state.eq);
  }
  const kinds = state.target ? (CAN_CONTRADICT_TARGET[bucket] ?? []) : CAN_CONTRADICT[bucket];
  for (const kind of kinds) firstOf(state.buckets.get(kind) ?? []);
  return best;
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

  const byField = new Map<string, FieldState>();
  const seen = new Map<string, number>();
  // Shared scratch for earliestContradiction; stamps are unique per rule, so no clearing.
  const marks = new Int32Array(form.rules.length);
  const budget = { left: LINT_PAIR_BUDGET };
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
    let state = byField.get(rule.field);
    if (!state) {
      state = {
        target: fieldKind(rule.field) === 'target-rule',
        eq: [],
        eqIndex: new Map(),
        buckets: new Map(),
      };
      byField.set(rule.field, state);
    }
    const other = earliestContradiction(state, p, marks, index + 1, budget);
    if (other !== undefined) {
      issues.push({
        code: 'contradiction',
        severity: 'warning',
        message: `${FIELD_LABELS[rule.field]} can never satisfy both this rule and ${describeOther(other)}, so the group matches nothing`,
        ruleIndex: index,
        otherIndex: other,
      });
    }
    addToState(state, p);
  });
  return issues;
}
