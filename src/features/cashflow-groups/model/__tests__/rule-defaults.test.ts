// emptyRule, emptyGroupForm, operatorsFor and what survives a field change.
import { applyFieldChange, emptyGroupForm, emptyRule, operatorsFor } from '../rule-defaults';
import { usesTargetRules, type RuleForm } from '../types';
import { r } from './rule';

describe('defaults', () => {
  it('emptyRule is a country IN rule with no values', () => {
    expect(emptyRule()).toEqual({ field: 'country', operator: 'IN', values: [], negate: false });
    expect(emptyRule('source')).toEqual({
      field: 'source',
      operator: 'IN',
      values: [],
      negate: false,
    });
    expect(emptyRule().values).not.toBe(emptyRule().values);
  });

  it('emptyGroupForm applies to all affiliates', () => {
    expect(emptyGroupForm()).toEqual({
      name: '',
      description: '',
      rules: [],
      affiliateMode: 'all',
      affiliateIds: [],
    });
  });

  it('offers pattern operators for text fields only', () => {
    expect(operatorsFor('source')).toEqual(['IN', 'IS', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH']);
    expect(operatorsFor('country')).toEqual(['IN', 'IS']);
    expect(operatorsFor('advanced_targeting_rule')).toEqual(['IN', 'IS']);
  });
});

describe('applyFieldChange', () => {
  it.each([
    [
      'text → text keeps values, operator and negate',
      r('aff_sub1', 'CONTAINS', ['fb', 'ig'], true),
      'adv_sub3',
      r('adv_sub3', 'CONTAINS', ['fb', 'ig'], true),
    ],
    [
      'text → country keeps only valid codes, upper-cased, once',
      r('source', 'IN', ['de', 'DE', 'facebook', 'at']),
      'country',
      r('country', 'IN', ['DE', 'AT']),
    ],
    [
      'text → country resets a pattern operator to IN',
      r('source', 'STARTS_WITH', ['us']),
      'country',
      r('country', 'IN', ['US']),
    ],
    [
      'text → target rule drops values (sub values are not ids)',
      r('aff_sub2', 'IS', ['79'], true),
      'advanced_targeting_rule',
      r('advanced_targeting_rule', 'IS', [], true),
    ],
    [
      'country → text drops the codes',
      r('country', 'IN', ['DE'], true),
      'source',
      r('source', 'IN', [], true),
    ],
    [
      'country → target rule drops the codes, keeps IS',
      r('country', 'IS', ['DE']),
      'advanced_targeting_rule',
      r('advanced_targeting_rule', 'IS', []),
    ],
    [
      'target rule → country drops the ids',
      r('advanced_targeting_rule', 'IN', ['79']),
      'country',
      r('country', 'IN', []),
    ],
    [
      'target rule → text drops the ids',
      r('advanced_targeting_rule', 'IN', ['79']),
      'aff_sub1',
      r('aff_sub1', 'IN', []),
    ],
  ] as const)('%s', (_name, rule, field, expected) => {
    expect(applyFieldChange(rule, field)).toEqual(expected);
  });

  it('returns the same rule when the field does not change', () => {
    const rule = r('source', 'CONTAINS', ['x']);
    expect(applyFieldChange(rule, 'source')).toBe(rule);
  });

  it('does not share the values array with the old rule', () => {
    const rule = r('aff_sub1', 'IN', ['a']);
    const changed = applyFieldChange(rule, 'aff_sub2');
    expect(changed.values).not.toBe(rule.values);
  });
});

describe('usesTargetRules', () => {
  it.each<[string, RuleForm[] | undefined, boolean]>([
    ['no rules at all', undefined, false],
    ['an empty list', [], false],
    ['countries and texts only', [r('country', 'IN', ['DE']), r('source', 'IS', ['x'])], false],
    [
      'one target rule among others',
      [r('source', 'IS', ['x']), r('advanced_targeting_rule', 'IN', ['79'])],
      true,
    ],
    ['a target rule with no value yet', [r('advanced_targeting_rule', 'IN', [])], true],
  ])('%s → %s', (_, rules, expected) => {
    expect(usesTargetRules(rules)).toBe(expected);
  });
});
