// fast-check arbitraries for the rule model: valid forms (with the untidiness people type:
// padding, lower-case countries, leading zeros) and their normalised form, written apart from
// the code under test.
import fc from 'fast-check';
import { COUNTRY_OPTIONS } from '../countries';
import { OPERATORS, RULE_FIELDS, type GroupForm, type RuleField, type RuleForm } from '../types';

export type RulesAndAffiliates = Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'>;

const CODES = COUNTRY_OPTIONS.map((c) => c.code);
const padding = fc.constantFrom('', '', ' ', '  ', '\t', '\n ');
const padded = (a: fc.Arbitrary<string>) =>
  fc.tuple(padding, a, padding).map(([l, v, r]) => `${l}${v}${r}`);

/** A positive id of up to 15 digits, maybe with leading zeros: "0079". */
export const idText = fc
  .tuple(fc.integer({ min: 1, max: 999_999_999_999_999 }), fc.nat({ max: 2 }))
  .map(([n, zeros]) => `${'0'.repeat(zeros)}${n}`);

function valueFor(field: RuleField): fc.Arbitrary<string> {
  if (field === 'country') {
    return padded(
      fc
        .tuple(fc.constantFrom(...CODES), fc.boolean())
        .map(([c, lower]) => (lower ? c.toLowerCase() : c)),
    );
  }
  if (field === 'advanced_targeting_rule') return padded(idText);
  return padded(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''));
}

export const validRule: fc.Arbitrary<RuleForm> = fc
  .tuple(fc.constantFrom(...RULE_FIELDS), fc.constantFrom(...OPERATORS), fc.boolean())
  .chain(([field, operator, negate]) =>
    fc
      .array(valueFor(field), { minLength: 1, maxLength: operator === 'IS' ? 1 : 5 })
      .map((values) => ({ field, operator, values, negate })),
  );

export const validForm: fc.Arbitrary<RulesAndAffiliates> = fc.oneof(
  fc.record({
    rules: fc.array(validRule, { maxLength: 8 }),
    affiliateMode: fc.constant('all' as const),
    // Kept for a later switch back to 'selected'; ignored while 'all'.
    affiliateIds: fc.array(fc.string(), { maxLength: 3 }),
  }),
  fc.record({
    rules: fc.array(validRule, { maxLength: 8 }),
    affiliateMode: fc.constant('selected' as const),
    affiliateIds: fc.array(padded(idText), { minLength: 1, maxLength: 6 }),
  }),
);

/** What a valid form means, tidied: the shape fromPayload gives back. */
export function normalise(form: RulesAndAffiliates): { rules: RuleForm[]; affiliateIds: string[] } {
  const canonicalId = (s: string) => String(Number(s.trim()));
  return {
    rules: form.rules.map((r) => ({
      ...r,
      values: r.values.map((v) =>
        r.field === 'country'
          ? v.trim().toUpperCase()
          : r.field === 'advanced_targeting_rule'
            ? canonicalId(v)
            : v.trim(),
      ),
    })),
    affiliateIds:
      form.affiliateMode === 'all' ? [] : [...new Set(form.affiliateIds.map(canonicalId))],
  };
}

/** Anything a JavaScript caller could hand over, exotic values included. */
export const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  maxDepth: 4,
});
