// describeRule / describeGroup / summaryText: the plain-words wording, table-driven.
import { describeGroup, describeRule, summaryText } from '../describe';
import { r } from './rule';

const names = { targetRules: { '79': 'EU traffic' }, affiliates: { '2': 'Acme', '4': 'Beta' } };

describe('describeRule', () => {
  it.each([
    [r('country', 'IN', ['DE', 'AT'], true), 'Country is not one of Germany (DE), Austria (AT)'],
    [r('country', 'IN', ['de']), 'Country is one of Germany (DE)'],
    [r('country', 'IS', ['US']), 'Country is United States of America (US)'],
    [r('country', 'IN', ['XX']), 'Country is one of XX'],
    [
      r('advanced_targeting_rule', 'IN', ['79']),
      'Advanced targeting rule is one of “EU traffic” (#79)',
    ],
    [r('advanced_targeting_rule', 'IN', ['80'], true), 'Advanced targeting rule is not one of #80'],
    [r('source', 'CONTAINS', ['fb']), 'Source contains “fb”'],
    [r('source', 'CONTAINS', ['fb'], true), 'Source does not contain “fb”'],
    [r('aff_sub2', 'STARTS_WITH', ['a', 'b']), 'Affiliate sub 2 starts with any of “a”, “b”'],
    [
      r('adv_sub5', 'ENDS_WITH', ['x', 'y'], true),
      'Advertiser sub 5 does not end with any of “x”, “y”',
    ],
    [r('aff_sub1', 'IN', ['a, b', ' c ']), 'Affiliate sub 1 is one of “a, b”, “c”'],
    [r('aff_sub1', 'IS', ['a', 'b']), 'Affiliate sub 1 is “a” (only the first of 2 values counts)'],
    [r('source', 'IN', []), 'Source is one of … (no values yet)'],
    [r('source', 'IN', ['  ']), 'Source is one of … (no values yet)'],
  ])('%o → %s', (rule, text) => {
    expect(describeRule(rule, names)).toBe(text);
  });

  it('cuts long lists', () => {
    const values = Array.from({ length: 13 }, (_, i) => `v${i}`);
    expect(describeRule(r('source', 'IN', values))).toBe(
      'Source is one of “v0”, “v1”, “v2”, “v3”, “v4”, “v5”, “v6”, “v7”, “v8”, “v9” … and 3 more',
    );
  });
});

describe('describeGroup', () => {
  it.each([
    [
      { rules: [], affiliateMode: 'all' as const, affiliateIds: [] },
      ['Matches every conversion (no rules)', 'for all affiliates'],
    ],
    [
      {
        rules: [r('country', 'IN', ['DE'])],
        affiliateMode: 'selected' as const,
        affiliateIds: ['2'],
      },
      [
        'Matches conversions where this holds:',
        'Country is one of Germany (DE)',
        'for 1 affiliate: Acme (2)',
      ],
    ],
    [
      {
        rules: [r('country', 'IN', ['DE']), r('source', 'CONTAINS', ['fb'], true)],
        affiliateMode: 'selected' as const,
        affiliateIds: ['2', '4', '6'],
      },
      [
        'Matches conversions where all of these hold:',
        'Country is one of Germany (DE)',
        'Source does not contain “fb”',
        'for 3 affiliates: Acme (2), Beta (4), #6',
      ],
    ],
    [
      { rules: [], affiliateMode: 'selected' as const, affiliateIds: [] },
      ['Matches every conversion (no rules)', 'for no affiliates yet (choose at least one)'],
    ],
    [
      // Ids kept for a later switch back are not described while the mode is 'all'.
      { rules: [], affiliateMode: 'all' as const, affiliateIds: ['2'] },
      ['Matches every conversion (no rules)', 'for all affiliates'],
    ],
  ])('%o', (form, lines) => {
    expect(describeGroup(form, names)).toEqual(lines);
  });
});

describe('summaryText', () => {
  it('joins the lines into one paragraph', () => {
    expect(
      summaryText(
        {
          rules: [r('country', 'IN', ['DE']), r('source', 'CONTAINS', ['fb'])],
          affiliateMode: 'all',
          affiliateIds: [],
        },
        names,
      ),
    ).toBe(
      'Matches conversions where all of these hold: Country is one of Germany (DE); Source contains “fb”. For all affiliates.',
    );
    expect(summaryText({ rules: [], affiliateMode: 'selected', affiliateIds: ['2'] }, names)).toBe(
      'Matches every conversion (no rules). For 1 affiliate: Acme (2).',
    );
  });
});
