// lint: what the API would refuse and what cannot mean what the user wants, table-driven; fast.
import { lint } from '../lint';
import type { LintCode, RuleForm } from '../types';
import { r } from './rule';

const only = (rules: RuleForm[]) =>
  lint({ rules, affiliateMode: 'selected', affiliateIds: ['2'] }).map(
    ({ code, severity, ruleIndex, otherIndex }) => ({ code, severity, ruleIndex, otherIndex }),
  );
const issue = (
  code: LintCode,
  severity: 'error' | 'warning',
  ruleIndex?: number,
  otherIndex?: number,
) => ({
  code,
  severity,
  ruleIndex,
  otherIndex,
});

describe('lint, one rule', () => {
  it.each([
    ['a clean rule', [r('country', 'IN', ['DE', 'AT'])], []],
    ['no values', [r('country', 'IN', [])], [issue('empty-value', 'error', 0)]],
    ['only blank values', [r('source', 'IN', [' ', ''])], [issue('empty-value', 'error', 0)]],
    [
      'an invalid country',
      [r('country', 'IN', ['DE', 'XX'])],
      [issue('invalid-country', 'error', 0)],
    ],
    ['a lower-case country is still a country', [r('country', 'IN', ['de'])], []],
    [
      'a non-integer target rule id',
      [r('advanced_targeting_rule', 'IN', ['79', '7.5'])],
      [issue('invalid-target-rule-id', 'error', 0)],
    ],
    [
      'IS with several values',
      [r('source', 'IS', ['a', 'b'])],
      [issue('is-with-several-values', 'error', 0)],
    ],
    [
      'a value twice',
      [r('source', 'IN', ['a', 'b', 'a'])],
      [issue('duplicate-value', 'warning', 0)],
    ],
    [
      'a country twice in different case',
      [r('country', 'IN', ['DE', 'de'])],
      [issue('duplicate-value', 'warning', 0)],
    ],
    [
      'a target rule id twice with leading zero',
      [r('advanced_targeting_rule', 'IN', ['79', '079'])],
      [issue('duplicate-value', 'warning', 0)],
    ],
  ])('%s', (_name, rules, expected) => {
    expect(only(rules)).toEqual(expected);
  });

  it('says which values are wrong', () => {
    const [e] = lint({
      rules: [r('country', 'IN', ['XX', 'DE', 'YY'])],
      affiliateMode: 'all',
      affiliateIds: [],
    });
    expect(e?.message).toBe("'XX', 'YY' are not ISO 3166-1 country codes");
  });
});

describe('lint, the group', () => {
  it('warns that no rules and all affiliates matches everything (no rule index)', () => {
    expect(lint({ rules: [], affiliateMode: 'all', affiliateIds: [] })).toEqual([
      {
        code: 'matches-everything',
        severity: 'warning',
        message:
          'With no rules and all affiliates, this group matches every conversion in the network',
      },
    ]);
    expect(lint({ rules: [], affiliateMode: 'selected', affiliateIds: ['2'] })).toEqual([]);
  });

  it.each([
    [
      'the same rule twice',
      [r('country', 'IN', ['DE', 'AT']), r('country', 'IN', ['at', 'DE'])],
      [issue('duplicate-rule', 'warning', 1, 0)],
    ],
    [
      'same values, different negate: a contradiction, not a duplicate',
      [r('country', 'IN', ['DE']), r('country', 'IN', ['DE'], true)],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'disjoint IN sets',
      [r('country', 'IN', ['US']), r('country', 'IN', ['DE'])],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'overlapping IN sets',
      [r('country', 'IN', ['US', 'DE']), r('country', 'IN', ['DE', 'AT'])],
      [],
    ],
    [
      'IS vs IS, different',
      [r('source', 'IS', ['a']), r('source', 'IS', ['b'])],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    ['IS vs IN containing it', [r('source', 'IS', ['a']), r('source', 'IN', ['a', 'b'])], []],
    [
      'IN covered by NOT IN',
      [r('country', 'IN', ['DE', 'AT']), r('country', 'IN', ['AT', 'DE', 'CH'], true)],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'IN partly covered by NOT IN',
      [r('country', 'IN', ['DE', 'AT']), r('country', 'IN', ['DE'], true)],
      [],
    ],
    [
      'NOT IN then IN covered',
      [r('country', 'IN', ['DE'], true), r('country', 'IS', ['DE'])],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'IN vs STARTS_WITH no value fits',
      [r('source', 'IN', ['fb_1', 'fb_2']), r('source', 'STARTS_WITH', ['ig'])],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'IN vs STARTS_WITH some value fits',
      [r('source', 'IN', ['fb_1', 'ig_2']), r('source', 'STARTS_WITH', ['ig'])],
      [],
    ],
    [
      'IN vs NOT CONTAINS excluding every value',
      [r('source', 'IN', ['fb_1', 'fb_2']), r('source', 'CONTAINS', ['fb'], true)],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'incompatible prefixes',
      [r('source', 'STARTS_WITH', ['ab']), r('source', 'STARTS_WITH', ['cd'])],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'nested prefixes',
      [r('source', 'STARTS_WITH', ['ab']), r('source', 'STARTS_WITH', ['abc'])],
      [],
    ],
    [
      'incompatible suffixes',
      [r('source', 'ENDS_WITH', ['_eu']), r('source', 'ENDS_WITH', ['_us'])],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'prefix and suffix are compatible',
      [r('source', 'STARTS_WITH', ['ab']), r('source', 'ENDS_WITH', ['cd'])],
      [],
    ],
    [
      'two CONTAINS are compatible',
      [r('source', 'CONTAINS', ['ab']), r('source', 'CONTAINS', ['cd'])],
      [],
    ],
    [
      'STARTS_WITH vs NOT STARTS_WITH a shorter prefix',
      [r('source', 'STARTS_WITH', ['abc']), r('source', 'STARTS_WITH', ['ab'], true)],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'STARTS_WITH vs NOT CONTAINS part of it',
      [r('source', 'STARTS_WITH', ['abc']), r('source', 'CONTAINS', ['b'], true)],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'CONTAINS vs NOT STARTS_WITH is compatible',
      [r('source', 'CONTAINS', ['abc']), r('source', 'STARTS_WITH', ['abc'], true)],
      [],
    ],
    [
      'two NOT IN are compatible',
      [r('country', 'IN', ['DE'], true), r('country', 'IN', ['AT'], true)],
      [],
    ],
    [
      'different fields never contradict',
      [r('aff_sub1', 'IN', ['a']), r('aff_sub2', 'IN', ['b'])],
      [],
    ],
    // A click can satisfy several target rules at once.
    [
      'target rules: IN [79] and IN [80] can both hold',
      [r('advanced_targeting_rule', 'IN', ['79']), r('advanced_targeting_rule', 'IN', ['80'])],
      [],
    ],
    [
      'target rules: IN [79] and NOT IN [79, 80] cannot',
      [
        r('advanced_targeting_rule', 'IN', ['79']),
        r('advanced_targeting_rule', 'IN', ['80', '79'], true),
      ],
      [issue('contradiction', 'warning', 1, 0)],
    ],
    [
      'a duplicate is reported once, not again as a contradiction',
      [r('country', 'IN', ['US']), r('country', 'IN', ['DE']), r('country', 'IN', ['DE'])],
      [issue('contradiction', 'warning', 1, 0), issue('duplicate-rule', 'warning', 2, 1)],
    ],
    [
      'rules without values are left out of pair checks',
      [r('country', 'IN', []), r('country', 'IN', ['DE'])],
      [issue('empty-value', 'error', 0)],
    ],
  ])('%s', (_name, rules, expected) => {
    expect(only(rules)).toEqual(expected);
  });

  it('names the other rule in the message', () => {
    const issues = lint({
      rules: [r('country', 'IN', ['US']), r('country', 'IN', ['DE'])],
      affiliateMode: 'all',
      affiliateIds: [],
    });
    expect(issues[0]?.message).toBe(
      'Country can never satisfy both this rule and rule 1, so the group matches nothing',
    );
  });
});

describe('lint at scale', () => {
  // Speed is measured by bench/model-bench.ts (numbers in the report), never asserted here:
  // the machines are shared and noisy. These check that large inputs still give right answers.
  it('finds no contradiction among 1,000 compatible IN rules on one field', () => {
    // Every pair shares "common": the value index must see they can all hold together.
    const rules = Array.from({ length: 1000 }, (_, i) =>
      r('aff_sub1', 'IN', ['common', `only${i}`]),
    );
    const issues = lint({ rules, affiliateMode: 'all', affiliateIds: [] });
    expect(issues.filter((i) => i.code === 'contradiction')).toEqual([]);
  });

  it('finds the one contradiction hidden among 1,000 rules', () => {
    const rules = Array.from({ length: 999 }, (_, i) =>
      r(`aff_sub${(i % 5) + 1}` as RuleForm['field'], 'CONTAINS', [`x${i}`]),
    );
    rules.push(r('country', 'IN', ['US']), r('country', 'IN', ['DE']));
    const contradictions = lint({ rules, affiliateMode: 'all', affiliateIds: [] }).filter(
      (i) => i.code === 'contradiction',
    );
    expect(contradictions).toHaveLength(1);
    expect(contradictions[0]).toMatchObject({ ruleIndex: 1000, otherIndex: 999 });
  });

  it('reports each duplicate value of a rule with 10,000 values once', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => `v${i % 5000}`);
    const dupes = lint({
      rules: [r('source', 'IN', values)],
      affiliateMode: 'all',
      affiliateIds: [],
    }).filter((i) => i.code === 'duplicate-value');
    expect(dupes.length).toBeGreaterThan(0);
    expect(dupes.every((d) => d.ruleIndex === 0)).toBe(true);
  });
});
