// fromPayload and parseImport: what people and the API paste, table-driven.
import {
  formatImportError,
  fromPayload,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_RULES,
  parseImport,
} from '../import';
import type { ImportError, ImportResult, RuleForm } from '../types';

const DE: RuleForm = { field: 'country', operator: 'IN', values: ['DE'], negate: false };
const VENDOR_RULES =
  '[{"field":"aff_sub2","operator":"IN","value":["AFF_SUB_2_VALUE"],"negate":0}]';
const VENDOR_RULE: RuleForm = {
  field: 'aff_sub2',
  operator: 'IN',
  values: ['AFF_SUB_2_VALUE'],
  negate: false,
};

function errorsOf(r: ImportResult): ImportError[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r)}`);
  return r.errors;
}

const group = {
  CashflowGroup: { id: '3', name: ' EU traffic ', description: null },
  rules: [{ field: 'country', operator: 'IN', value: ['de'], negate: '0' }],
  affiliates: [
    { id: '2', company: 'Acme' },
    { id: 4, company: 'Beta' },
  ],
};

describe('fromPayload accepts', () => {
  const cases: { name: string; input: unknown; expected: ImportResult }[] = [
    {
      name: 'the vendor example as strings',
      input: { rules_json: VENDOR_RULES, affiliate_ids_json: '[]' },
      expected: { ok: true, rules: [VENDOR_RULE], affiliateIds: [] },
    },
    {
      name: 'the pair already parsed',
      input: { rules_json: JSON.parse(VENDOR_RULES) as unknown, affiliate_ids_json: ['2', 4] },
      expected: { ok: true, rules: [VENDOR_RULE], affiliateIds: ['2', '4'] },
    },
    {
      name: 'the pair as one JSON text',
      input: JSON.stringify({ rules_json: VENDOR_RULES, affiliate_ids_json: '["2"]' }),
      expected: { ok: true, rules: [VENDOR_RULE], affiliateIds: ['2'] },
    },
    {
      name: 'a bare rules array (all affiliates)',
      input: JSON.parse(VENDOR_RULES) as unknown,
      expected: { ok: true, rules: [VENDOR_RULE], affiliateIds: [] },
    },
    {
      name: 'a bare rules array as text with whitespace around',
      input: `\n  ${VENDOR_RULES}  \n`,
      expected: { ok: true, rules: [VENDOR_RULE], affiliateIds: [] },
    },
    {
      name: 'an empty rules array',
      input: '[]',
      expected: { ok: true, rules: [], affiliateIds: [] },
    },
    {
      name: 'a scalar value, lower-case country, negate "1", padded strings',
      input: [{ field: ' country ', operator: ' in ', value: ' de ', negate: '1' }],
      expected: {
        ok: true,
        rules: [{ field: 'country', operator: 'IN', values: ['DE'], negate: true }],
        affiliateIds: [],
      },
    },
    {
      name: 'negate as booleans and numbers',
      input: [
        { field: 'source', operator: 'CONTAINS', value: ['fb'], negate: true },
        { field: 'source', operator: 'CONTAINS', value: ['fb'], negate: false },
        { field: 'source', operator: 'CONTAINS', value: ['fb'], negate: 1 },
        { field: 'source', operator: 'CONTAINS', value: ['fb'], negate: '0' },
      ],
      expected: {
        ok: true,
        rules: [true, false, true, false].map((negate) => ({
          field: 'source' as const,
          operator: 'CONTAINS' as const,
          values: ['fb'],
          negate,
        })),
        affiliateIds: [],
      },
    },
    {
      name: 'target rule ids as numbers or digit strings (canonical)',
      input: [{ field: 'advanced_targeting_rule', operator: 'IN', value: [79, '080'], negate: 0 }],
      expected: {
        ok: true,
        rules: [
          { field: 'advanced_targeting_rule', operator: 'IN', values: ['79', '80'], negate: false },
        ],
        affiliateIds: [],
      },
    },
    {
      name: 'numbers as sub values (as text)',
      input: [{ field: 'aff_sub1', operator: 'IS', value: [123], negate: 0 }],
      expected: {
        ok: true,
        rules: [{ field: 'aff_sub1', operator: 'IS', values: ['123'], negate: false }],
        affiliateIds: [],
      },
    },
    {
      name: 'a whole findCashflowGroupById envelope',
      input: { request: { Target: 'CashflowGroup' }, response: { status: 1, data: group } },
      expected: {
        ok: true,
        rules: [DE],
        affiliateIds: ['2', '4'],
        name: 'EU traffic',
        description: '',
        affiliateNames: { '2': 'Acme', '4': 'Beta' },
      },
    },
    {
      name: 'its data alone, with affiliate_ids instead of affiliates',
      input: {
        CashflowGroup: { id: '3', name: 'EU', description: 'Only EU' },
        rules: [{ field: 'country', operator: 'IN', value: ['DE'], negate: 0 }],
        affiliate_ids: ['7', '7', '9'],
      },
      expected: {
        ok: true,
        rules: [DE],
        affiliateIds: ['7', '9'],
        name: 'EU',
        description: 'Only EU',
      },
    },
    {
      name: 'rules keyed by id and wrapped in their model name',
      input: {
        CashflowGroup: { id: '3', name: 'EU' },
        rules: {
          '5': {
            CashflowRule: { id: '5', field: 'country', operator: 'IN', value: 'DE', negate: '0' },
          },
        },
        affiliates: [],
      },
      expected: { ok: true, rules: [DE], affiliateIds: [], name: 'EU' },
    },
    {
      name: 'a plain affiliate id list in the pair',
      input: { rules_json: '[]', affiliate_ids_json: '2, 4 6' },
      expected: { ok: true, rules: [], affiliateIds: ['2', '4', '6'] },
    },
    {
      name: 'double-encoded rules_json',
      input: { rules_json: JSON.stringify(VENDOR_RULES), affiliate_ids_json: '[]' },
      expected: { ok: true, rules: [VENDOR_RULE], affiliateIds: [] },
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(fromPayload(input)).toEqual(expected);
  });
});

describe('fromPayload refuses, listing every problem', () => {
  const cases: { name: string; input: unknown; errors: Partial<ImportError>[] }[] = [
    {
      name: 'text that is not JSON',
      input: '[{"field":',
      errors: [{ source: 'input', message: expect.stringMatching(/^Not valid JSON/) as string }],
    },
    {
      name: 'a number',
      input: 42,
      errors: [
        { source: 'input', message: expect.stringMatching(/^Expected a rules array/) as string },
      ],
    },
    {
      name: 'a single rule not in an array',
      input: { rules_json: '{"field":"country","operator":"IN","value":["DE"],"negate":0}' },
      errors: [
        {
          source: 'rules_json',
          message: expect.stringContaining('wrap a single rule in [ ]') as string,
        },
      ],
    },
    {
      name: 'unknown field and operator, missing keys',
      input: [{ field: 'browser', operator: 'LIKE' }],
      errors: [
        {
          ruleIndex: 0,
          key: 'field',
          message: expect.stringMatching(/^'browser' is not a rule field/) as string,
        },
        {
          ruleIndex: 0,
          key: 'operator',
          message: expect.stringMatching(/^'LIKE' is not an operator/) as string,
        },
        { ruleIndex: 0, key: 'value', message: expect.stringMatching(/^missing/) as string },
        { ruleIndex: 0, key: 'negate', message: expect.stringMatching(/^missing/) as string },
      ],
    },
    {
      name: 'empty value, bad country, bad id, bad negate — in several rules',
      input: [
        { field: 'country', operator: 'IN', value: [], negate: 0 },
        { field: 'country', operator: 'IN', value: ['DE', 'XX', ' '], negate: 0 },
        { field: 'advanced_targeting_rule', operator: 'IN', value: [1.5, 'abc', -3], negate: 0 },
        { field: 'source', operator: 'IN', value: ['x'], negate: 2 },
        { field: 'source', operator: 'IN', value: [null, { a: 1 }], negate: 0 },
      ],
      errors: [
        { ruleIndex: 0, key: 'value', message: 'has no values; add at least one' },
        { ruleIndex: 1, key: 'value', message: "'XX' (entry 2) is not an ISO 3166-1 country code" },
        {
          ruleIndex: 1,
          key: 'value',
          message: 'an empty value (entry 3); remove it or fill it in',
        },
        {
          ruleIndex: 2,
          key: 'value',
          message: '1.5 (entry 1) is not a target rule ID (a whole number)',
        },
        {
          ruleIndex: 2,
          key: 'value',
          message: "'abc' (entry 2) is not a target rule ID (a whole number)",
        },
        {
          ruleIndex: 2,
          key: 'value',
          message: '-3 (entry 3) is not a target rule ID (a whole number)',
        },
        { ruleIndex: 3, key: 'negate', message: '2 is not 0 or 1 (true or false also do)' },
        { ruleIndex: 4, key: 'value', message: 'null (entry 1) is not text' },
        { ruleIndex: 4, key: 'value', message: 'an object (entry 2) is not text' },
      ],
    },
    {
      name: 'a rule that is not an object',
      input: ['country'],
      errors: [{ ruleIndex: 0, message: expect.stringContaining('is not a rule') as string }],
    },
    {
      name: 'affiliate ids that are not digits, next to a rule error',
      input: {
        rules_json: '[{"field":"country","operator":"IN","value":["ZZ"],"negate":0}]',
        affiliate_ids_json: '["2","abc",-1]',
      },
      errors: [
        { source: 'rules_json', ruleIndex: 0, key: 'value' },
        {
          source: 'affiliate_ids_json',
          key: 'id',
          message: "'abc' (entry 2) is not an affiliate ID; IDs are digits",
        },
        {
          source: 'affiliate_ids_json',
          key: 'id',
          message: '-1 (entry 3) is not an affiliate ID; IDs are digits',
        },
      ],
    },
    {
      name: 'an error envelope',
      input: { request: {}, response: { status: -1, data: '', errorMessage: 'Invalid token' } },
      errors: [
        {
          source: 'input',
          message: 'This is a HasOffers error answer, not a group: Invalid token',
        },
      ],
    },
    {
      name: 'an envelope without a group',
      input: { request: {}, response: { status: 1, data: [] } },
      errors: [{ source: 'input', message: expect.stringContaining('holds no group') as string }],
    },
    {
      name: 'a pair without rules_json',
      input: { affiliate_ids_json: '[]' },
      errors: [{ source: 'rules_json', message: 'rules_json is missing' }],
    },
  ];
  it.each(cases)('$name', ({ input, errors }) => {
    expect(errorsOf(fromPayload(input))).toEqual(
      errors.map((e) => expect.objectContaining(e) as unknown),
    );
  });

  it('never returns part of an input: one bad rule refuses all', () => {
    const r = fromPayload([...(JSON.parse(VENDOR_RULES) as unknown[]), { field: 'x' }]);
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('rules');
  });

  it(`refuses more than ${MAX_IMPORT_RULES} rules without reading them`, () => {
    const rules = Array.from({ length: MAX_IMPORT_RULES + 1 }, () => ({ field: 'nope' }));
    expect(errorsOf(fromPayload(rules))).toEqual([
      {
        source: 'rules_json',
        message: 'This holds 1,001 rules; at most 1,000 can be imported at a time',
      },
    ]);
    const ok = Array.from(
      { length: MAX_IMPORT_RULES },
      () => JSON.parse(VENDOR_RULES)[0] as unknown,
    );
    expect(fromPayload(ok).ok).toBe(true);
  });

  it('refuses text over 1 MB', () => {
    const big = `[${' '.repeat(MAX_IMPORT_BYTES)}]`;
    expect(errorsOf(fromPayload(big))).toEqual([
      { source: 'input', message: 'The input is larger than 1 MB' },
    ]);
  });

  it('does not throw on exotic objects', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
      },
    );
    expect(fromPayload(hostile).ok).toBe(false);
    expect(fromPayload([hostile]).ok).toBe(false);
    expect(fromPayload(Object.create(null)).ok).toBe(false);
    expect(fromPayload(undefined).ok).toBe(false);
    expect(fromPayload(Symbol('x')).ok).toBe(false);
    expect(fromPayload(10n).ok).toBe(false);
  });
});

describe('parseImport (the dialog boxes)', () => {
  it('reads the vendor example; an empty affiliates box is all affiliates', () => {
    expect(parseImport(VENDOR_RULES, '   ')).toEqual({
      ok: true,
      rules: [VENDOR_RULE],
      affiliateIds: [],
    });
    expect(parseImport(VENDOR_RULES, '[]')).toEqual({
      ok: true,
      rules: [VENDOR_RULE],
      affiliateIds: [],
    });
  });

  it('reads ids as JSON or as a plain list', () => {
    expect(parseImport('[]', '["2","4"]')).toMatchObject({ ok: true, affiliateIds: ['2', '4'] });
    expect(parseImport('[]', '2, 4\n6')).toMatchObject({ ok: true, affiliateIds: ['2', '4', '6'] });
    expect(parseImport('[]', '2')).toMatchObject({ ok: true, affiliateIds: ['2'] });
  });

  it('takes a whole answer from the rules box, affiliates included', () => {
    const answer = JSON.stringify({ request: {}, response: { status: 1, data: group } });
    expect(parseImport(answer, '')).toMatchObject({
      ok: true,
      rules: [DE],
      affiliateIds: ['2', '4'],
      name: 'EU traffic',
    });
    // …unless the affiliates box says otherwise.
    expect(parseImport(answer, '["9"]')).toMatchObject({ ok: true, affiliateIds: ['9'] });
    expect(parseImport(answer, '["9"]')).not.toHaveProperty('affiliateNames');
  });

  it('takes a whole answer from the affiliates box too', () => {
    const answer = JSON.stringify(group);
    expect(parseImport('', answer)).toMatchObject({
      ok: true,
      rules: [DE],
      affiliateIds: ['2', '4'],
    });
    // The rules box wins for rules.
    expect(parseImport(VENDOR_RULES, answer)).toMatchObject({
      ok: true,
      rules: [VENDOR_RULE],
      affiliateIds: ['2', '4'],
    });
  });

  it.each([
    [
      'both boxes empty',
      '',
      '',
      [{ source: 'rules_json', message: 'Paste rules_json (use [] for a group without rules)' }],
    ],
    [
      'ids without rules',
      '',
      '["2"]',
      [{ source: 'rules_json', message: 'Paste rules_json (use [] for a group without rules)' }],
    ],
    [
      'rules box not JSON',
      'country IN DE',
      '',
      [{ source: 'rules_json', message: expect.stringMatching(/^Not valid JSON/) as string }],
    ],
    [
      'affiliates box not JSON',
      '[]',
      '["2"',
      [
        {
          source: 'affiliate_ids_json',
          message: expect.stringMatching(/^Not valid JSON/) as string,
        },
      ],
    ],
    [
      'errors in both boxes at once',
      '[{"field":"country","operator":"IN","value":["XX"],"negate":0}]',
      '["x1"]',
      [
        {
          source: 'rules_json',
          ruleIndex: 0,
          key: 'value',
          message: "'XX' is not an ISO 3166-1 country code",
        },
        {
          source: 'affiliate_ids_json',
          key: 'id',
          message: "'x1' is not an affiliate ID; IDs are digits",
        },
      ],
    ],
  ])('refuses %s', (_name, rules, affiliates, errors) => {
    expect(errorsOf(parseImport(rules, affiliates))).toEqual(errors);
  });

  it('refuses a box over 1 MB before parsing it', () => {
    const big = 'x'.repeat(MAX_IMPORT_BYTES + 1);
    expect(errorsOf(parseImport(big, ''))).toEqual([
      { source: 'rules_json', message: 'rules_json is larger than 1 MB; import less at a time' },
    ]);
    // Counted in UTF-8 bytes: 400,000 three-byte characters are 1.2 MB.
    expect(errorsOf(parseImport('[]', '€'.repeat(400_000)))[0]?.source).toBe('affiliate_ids_json');
  });
});

describe('formatImportError', () => {
  it.each([
    [
      {
        source: 'rules_json',
        ruleIndex: 2,
        key: 'value',
        message: "'XX' is not an ISO 3166-1 country code",
      },
      "Rule 3 · value: 'XX' is not an ISO 3166-1 country code",
    ],
    [{ source: 'rules_json', ruleIndex: 0, message: '5 is not a rule' }, 'Rule 1: 5 is not a rule'],
    [
      { source: 'affiliate_ids_json', key: 'id', message: "'x' is not an affiliate ID" },
      "affiliate_ids_json: 'x' is not an affiliate ID",
    ],
    [
      { source: 'input', message: 'The input is larger than 1 MB' },
      'The input is larger than 1 MB',
    ],
  ] as [ImportError, string][])('%o → %s', (e, text) => {
    expect(formatImportError(e)).toBe(text);
  });
});
