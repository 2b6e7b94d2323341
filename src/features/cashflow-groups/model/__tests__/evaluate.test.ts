// evaluate: each rule against a sample click, with the reason in words; the verdict.
import { evaluate, evaluateRule } from '../evaluate';
import type { RuleForm, SampleClick } from '../types';
import { TEXT_MATCH_CASE_SENSITIVE } from '../values';
import { r } from './rule';

describe('evaluateRule', () => {
  const cases: [RuleForm, SampleClick, boolean, string][] = [
    [
      r('country', 'IN', ['US', 'CA']),
      { country: 'DE' },
      false,
      'Country is DE, which is not one of US, CA',
    ],
    [
      r('country', 'IN', ['US', 'CA']),
      { country: ' ca ' },
      true,
      'Country is CA, which is one of US, CA',
    ],
    [
      r('country', 'IN', ['US', 'CA'], true),
      { country: 'DE' },
      true,
      'Country is DE, which is not one of US, CA',
    ],
    [
      r('country', 'IN', ['de', 'AT'], true),
      { country: 'de' },
      false,
      'Country is DE, which is one of DE, AT',
    ],
    [r('country', 'IS', ['US']), { country: 'us' }, true, 'Country is US, which is US'],
    [r('country', 'IS', ['US', 'DE']), { country: 'DE' }, false, 'Country is DE, which is not US'],
    [r('country', 'IN', ['US']), {}, false, 'Country is empty'],
    [
      r('country', 'IN', ['US'], true),
      { country: ' ' },
      true,
      'Country is empty, so it is not one of US',
    ],
    [
      r('source', 'STARTS_WITH', ['fb', 'ig']),
      { source: 'ig_story' },
      true,
      'Source is “ig_story”, which starts with “ig”',
    ],
    [
      r('source', 'STARTS_WITH', ['fb', 'ig']),
      { source: 'tw' },
      false,
      'Source is “tw”, which does not start with any of “fb”, “ig”',
    ],
    [
      r('source', 'CONTAINS', ['spring']),
      { source: 'big_spring_sale' },
      true,
      'Source is “big_spring_sale”, which contains “spring”',
    ],
    [
      r('source', 'CONTAINS', ['spring'], true),
      { source: 'big_spring_sale' },
      false,
      'Source is “big_spring_sale”, which contains “spring”',
    ],
    [
      r('source', 'ENDS_WITH', ['_eu']),
      { source: 'campaign_us' },
      false,
      'Source is “campaign_us”, which does not end with “_eu”',
    ],
    [
      r('source', 'ENDS_WITH', ['_eu'], true),
      { source: 'campaign_us' },
      true,
      'Source is “campaign_us”, which does not end with “_eu”',
    ],
    [
      r('aff_sub3', 'IN', ['a', 'b']),
      { aff_sub3: 'b' },
      true,
      'Affiliate sub 3 is “b”, which is one of “a”, “b”',
    ],
    [r('adv_sub1', 'IS', ['x']), { adv_sub1: 'x' }, true, 'Advertiser sub 1 is “x”, which is “x”'],
    [r('source', 'IN', []), { source: 'x' }, false, 'Source: the rule has no values yet'],
    [
      r('advanced_targeting_rule', 'IN', ['79', '80']),
      { targetRuleIds: ['5', '079'] },
      true,
      'Advanced targeting rule: the click satisfies #79, which is one of #79, #80',
    ],
    [
      r('advanced_targeting_rule', 'IN', ['79']),
      { targetRuleIds: ['5'] },
      false,
      'Advanced targeting rule: the click satisfies #5, none of #79',
    ],
    [
      r('advanced_targeting_rule', 'IN', ['79'], true),
      { targetRuleIds: ['5'] },
      true,
      'Advanced targeting rule: the click satisfies #5, none of #79',
    ],
    [
      r('advanced_targeting_rule', 'IN', ['79']),
      {},
      false,
      'Advanced targeting rule: the click satisfies no target rules',
    ],
    [
      r('advanced_targeting_rule', 'IN', ['79'], true),
      { targetRuleIds: [] },
      true,
      'Advanced targeting rule: the click satisfies no target rules',
    ],
  ];
  it.each(cases)('%o on %o → %s', (rule, click, pass, reason) => {
    expect(evaluateRule(rule, click)).toEqual({ index: 0, pass, reason });
  });

  it('compares sub values per TEXT_MATCH_CASE_SENSITIVE, countries in any case', () => {
    expect(evaluateRule(r('source', 'IN', ['FB']), { source: 'fb' }).pass).toBe(
      !TEXT_MATCH_CASE_SENSITIVE,
    );
    expect(evaluateRule(r('source', 'CONTAINS', ['FB']), { source: 'xfbx' }).pass).toBe(
      !TEXT_MATCH_CASE_SENSITIVE,
    );
    expect(evaluateRule(r('country', 'IN', ['de']), { country: 'De' }).pass).toBe(true);
  });
});

describe('evaluate', () => {
  const rules = [r('country', 'IN', ['US', 'CA']), r('source', 'CONTAINS', ['fb'])];

  it('matches when every rule passes and the affiliate is covered', () => {
    const e = evaluate(
      { rules, affiliateMode: 'selected', affiliateIds: ['2', '4'] },
      {
        country: 'US',
        source: 'fb_ads',
        affiliateId: '4',
      },
    );
    expect(e).toEqual({
      matches: true,
      affiliateCovered: true,
      affiliateReason: "Affiliate 4 is one of the group's 2 affiliates",
      rules: [
        { index: 0, pass: true, reason: 'Country is US, which is one of US, CA' },
        { index: 1, pass: true, reason: 'Source is “fb_ads”, which contains “fb”' },
      ],
    });
  });

  it.each([
    ['a rule fails', { country: 'DE', source: 'fb', affiliateId: '2' }, 'selected', false, true],
    [
      'the affiliate is not in the group',
      { country: 'US', source: 'fb', affiliateId: '9' },
      'selected',
      false,
      false,
    ],
    [
      'no affiliate is given for selected affiliates',
      { country: 'US', source: 'fb' },
      'selected',
      false,
      false,
    ],
    ['all affiliates', { country: 'US', source: 'fb' }, 'all', true, true],
  ] as const)('%s', (_name, click, affiliateMode, matches, covered) => {
    const e = evaluate({ rules, affiliateMode, affiliateIds: ['2', '4'] }, click);
    expect(e.matches).toBe(matches);
    expect(e.affiliateCovered).toBe(covered);
  });

  it('gives the affiliate reason in words', () => {
    expect(
      evaluate({ rules: [], affiliateMode: 'all', affiliateIds: [] }, {}).affiliateReason,
    ).toBe('The group applies to all affiliates');
    expect(
      evaluate({ rules: [], affiliateMode: 'selected', affiliateIds: ['2'] }, {}).affiliateReason,
    ).toBe('No affiliate ID given; the group applies only to its 1 affiliate');
    expect(
      evaluate(
        { rules: [], affiliateMode: 'selected', affiliateIds: ['2'] },
        { affiliateId: '007' },
      ).affiliateReason,
    ).toBe("Affiliate 7 is not one of the group's 1 affiliate");
  });

  it('with no rules, every click of a covered affiliate matches', () => {
    expect(evaluate({ rules: [], affiliateMode: 'all', affiliateIds: [] }, {}).matches).toBe(true);
  });
});
