// Value rules shared by payload, import, lint, evaluate and the form schema: what a valid value
// is for each field, its canonical form, and how two values compare.
import { isCountryCode } from './countries';
import { fieldKind, type RuleField } from './types';
import { canonicalId } from '@/lib/hasoffers-id';

/**
 * Whether sub/source values compare case-sensitively in the rule tester and in duplicate
 * checks. The vendor does not document it; we assume an exact comparison, so the tester never
 * promises a match the network might refuse. One constant: flip it when a real account shows
 * otherwise. Countries always compare case-insensitively (codes are normalised to upper case).
 */
export const TEXT_MATCH_CASE_SENSITIVE = true;

// The id rule is lib's (the affiliate lookup in lib needs it too); the rule logic keeps importing
// it from here.
export { canonicalId };

export function isTargetRuleId(value: string): boolean {
  return canonicalId(value) !== undefined;
}

export function isAffiliateId(value: string): boolean {
  return canonicalId(value) !== undefined;
}

/**
 * The canonical form of one value of a field as the form keeps it: trimmed, countries upper
 * case, ids without leading zeros. Invalid values are returned trimmed, unchanged otherwise, so
 * that the user still sees what they typed.
 */
export function canonicalValue(field: RuleField, raw: string): string {
  const s = raw.trim();
  switch (fieldKind(field)) {
    case 'country':
      return s.toUpperCase();
    case 'target-rule':
      return canonicalId(s) ?? s;
    case 'text':
      return s;
  }
}

/** Whether a (canonical) value is acceptable for its field. */
export function isValidValue(field: RuleField, value: string): boolean {
  if (value.trim() === '') return false;
  switch (fieldKind(field)) {
    case 'country':
      return isCountryCode(value.trim().toUpperCase());
    case 'target-rule':
      return isTargetRuleId(value);
    case 'text':
      return true;
  }
}

/** The key two values of a field are compared by (equality, duplicates, contradictions). */
export function matchKey(field: RuleField, raw: string): string {
  const v = canonicalValue(field, raw);
  return fieldKind(field) === 'text' && !TEXT_MATCH_CASE_SENSITIVE ? v.toLowerCase() : v;
}

/** Non-blank values in canonical form: what is sent, described, evaluated and linted. */
export function effectiveValues(field: RuleField, values: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of values) {
    if (raw.trim() !== '') out.push(canonicalValue(field, raw));
  }
  return out;
}
