// Rules and groups in plain words, for the review step, the live preview and the description.
import { countryName } from './countries';
import { effectiveValues } from './values';
import {
  FIELD_LABELS,
  fieldKind,
  OPERATOR_WORDS,
  type GroupForm,
  type RuleField,
  type RuleForm,
} from './types';

/** Names the caller already knows (from the pickers' queries), by id. */
export interface DescribeNames {
  targetRules?: Record<string, string>;
  affiliates?: Record<string, string>;
}

/** Lists longer than this are cut ("… and 12 more") so one huge rule stays readable. */
export const DESCRIBE_MAX_VALUES = 10;

function lookup(names: Record<string, string> | undefined, id: string): string | undefined {
  return names && Object.hasOwn(names, id) ? names[id] : undefined;
}

/** One value as people read it: "Germany (DE)", "“EU traffic” (#79)", "“facebook”". */
export function describeValue(field: RuleField, value: string, names?: DescribeNames): string {
  switch (fieldKind(field)) {
    case 'country': {
      const name = countryName(value);
      return name ? `${name} (${value})` : value;
    }
    case 'target-rule': {
      const name = lookup(names?.targetRules, value);
      return name ? `“${name}” (#${value})` : `#${value}`;
    }
    case 'text':
      // Quoted: sub values may hold commas and spaces.
      return `“${value}”`;
  }
}

/** "A, B, C" or "A, B … and 12 more". */
export function joinLimited(items: string[], max = DESCRIBE_MAX_VALUES): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} … and ${items.length - max} more`;
}

export function describeRule(rule: RuleForm, names?: DescribeNames): string {
  const label = FIELD_LABELS[rule.field];
  const words = OPERATOR_WORDS[rule.operator];
  const verb = rule.negate ? words.negated : words.positive;
  const values = effectiveValues(rule.field, rule.values);
  if (values.length === 0) return `${label} ${verb} … (no values yet)`;
  const shown = (vs: string[]) => joinLimited(vs.map((v) => describeValue(rule.field, v, names)));
  if (rule.operator === 'IS') {
    // The API compares IS with one value: say so rather than pretend the others count.
    const first = shown(values.slice(0, 1));
    return values.length > 1
      ? `${label} ${verb} ${first} (only the first of ${values.length} values counts)`
      : `${label} ${verb} ${first}`;
  }
  if (rule.operator === 'IN' || values.length === 1) return `${label} ${verb} ${shown(values)}`;
  // Several patterns are alternatives: "contains any of", "does not contain any of".
  return `${label} ${verb} any of ${shown(values)}`;
}

function affiliatesLine(
  form: Pick<GroupForm, 'affiliateMode' | 'affiliateIds'>,
  names?: DescribeNames,
): string {
  if (form.affiliateMode === 'all') return 'for all affiliates';
  const ids = [...new Set(form.affiliateIds.map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) return 'for no affiliates yet (choose at least one)';
  const shown = joinLimited(
    ids.map((id) => {
      const name = lookup(names?.affiliates, id);
      return name ? `${name} (${id})` : `#${id}`;
    }),
  );
  return `for ${ids.length === 1 ? '1 affiliate' : `${ids.length} affiliates`}: ${shown}`;
}

function heading(ruleCount: number): string {
  if (ruleCount === 0) return 'Matches every conversion (no rules)';
  if (ruleCount === 1) return 'Matches conversions where this holds:';
  return 'Matches conversions where all of these hold:';
}

/** Heading, one line per rule, then the affiliates line. */
export function describeGroup(
  form: Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'>,
  names?: DescribeNames,
): string[] {
  return [
    heading(form.rules.length),
    ...form.rules.map((r) => describeRule(r, names)),
    affiliatesLine(form, names),
  ];
}

/**
 * The same as one paragraph, for the Description's "fill from rules":
 * "Matches conversions where all of these hold: Country is one of Germany (DE); Source
 * contains “fb”. For all affiliates."
 */
export function summaryText(
  form: Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'>,
  names?: DescribeNames,
): string {
  const rules = form.rules.map((r) => describeRule(r, names));
  const head = heading(rules.length);
  const body = rules.length > 0 ? `${head} ${rules.join('; ')}.` : `${head}.`;
  const affiliates = affiliatesLine(form, names);
  return `${body} ${affiliates.charAt(0).toUpperCase()}${affiliates.slice(1)}.`;
}
