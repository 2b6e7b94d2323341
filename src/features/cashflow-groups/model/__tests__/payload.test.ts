// toPayload: the exact wire format, table-driven.
import { toPayload } from '../payload';
import type { GroupForm, RuleForm } from '../types';

type Form = Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'>;
const rule = (r: Partial<RuleForm> & Pick<RuleForm, 'field'>): RuleForm => ({
  operator: 'IN',
  values: [],
  negate: false,
  ...r,
});

describe('toPayload', () => {
  it('produces the vendor example exactly', () => {
    const p = toPayload({
      rules: [rule({ field: 'aff_sub2', values: ['AFF_SUB_2_VALUE'] })],
      affiliateMode: 'all',
      affiliateIds: [],
    });
    expect(p.rules_json).toBe(
      '[{"field":"aff_sub2","operator":"IN","value":["AFF_SUB_2_VALUE"],"negate":0}]',
    );
    expect(p.affiliate_ids_json).toBe('[]');
  });

  const cases: { name: string; form: Form; rules_json: string; affiliate_ids_json: string }[] = [
    {
      name: 'no rules, all affiliates',
      form: { rules: [], affiliateMode: 'all', affiliateIds: [] },
      rules_json: '[]',
      affiliate_ids_json: '[]',
    },
    {
      name: 'countries upper-cased and trimmed, negate as 1',
      form: {
        rules: [rule({ field: 'country', values: [' de', 'at '], negate: true })],
        affiliateMode: 'all',
        affiliateIds: [],
      },
      rules_json: '[{"field":"country","operator":"IN","value":["DE","AT"],"negate":1}]',
      affiliate_ids_json: '[]',
    },
    {
      name: 'target rule ids as JSON integers, leading zeros dropped',
      form: {
        rules: [rule({ field: 'advanced_targeting_rule', values: ['79', ' 080 '] })],
        affiliateMode: 'all',
        affiliateIds: [],
      },
      rules_json:
        '[{"field":"advanced_targeting_rule","operator":"IN","value":[79,80],"negate":0}]',
      affiliate_ids_json: '[]',
    },
    {
      name: 'digit sub values stay strings; blank entries dropped; case kept',
      form: {
        rules: [rule({ field: 'aff_sub1', operator: 'CONTAINS', values: ['123', '  ', ' Fb '] })],
        affiliateMode: 'all',
        affiliateIds: [],
      },
      rules_json: '[{"field":"aff_sub1","operator":"CONTAINS","value":["123","Fb"],"negate":0}]',
      affiliate_ids_json: '[]',
    },
    {
      name: 'selected affiliates as id strings, trimmed, each once, order kept',
      form: { rules: [], affiliateMode: 'selected', affiliateIds: ['4', ' 2', '4', '006'] },
      rules_json: '[]',
      affiliate_ids_json: '["4","2","6"]',
    },
    {
      name: "affiliate ids are ignored for 'all'",
      form: { rules: [], affiliateMode: 'all', affiliateIds: ['4', '2'] },
      rules_json: '[]',
      affiliate_ids_json: '[]',
    },
    {
      name: 'rules keep their order',
      form: {
        rules: [
          rule({ field: 'source', operator: 'STARTS_WITH', values: ['fb_'] }),
          rule({ field: 'country', operator: 'IS', values: ['us'] }),
        ],
        affiliateMode: 'all',
        affiliateIds: [],
      },
      rules_json:
        '[{"field":"source","operator":"STARTS_WITH","value":["fb_"],"negate":0},{"field":"country","operator":"IS","value":["US"],"negate":0}]',
      affiliate_ids_json: '[]',
    },
  ];
  it.each(cases)('$name', ({ form, rules_json, affiliate_ids_json }) => {
    const p = toPayload(form);
    expect(p.rules_json).toBe(rules_json);
    expect(p.affiliate_ids_json).toBe(affiliate_ids_json);
    expect(JSON.stringify(p.rules)).toBe(rules_json);
    expect(JSON.stringify(p.affiliateIds)).toBe(affiliate_ids_json);
  });

  it('writes the keys in the order field, operator, value, negate', () => {
    const p = toPayload({
      rules: [{ negate: true, values: ['x'], operator: 'IS', field: 'adv_sub3' }],
      affiliateMode: 'all',
      affiliateIds: [],
    });
    expect(Object.keys(p.rules[0] ?? {})).toEqual(['field', 'operator', 'value', 'negate']);
  });

  it('does not change the form', () => {
    const form: Form = {
      rules: [rule({ field: 'country', values: [' de'] })],
      affiliateMode: 'selected',
      affiliateIds: [' 2'],
    };
    const copy = structuredClone(form);
    toPayload(form);
    expect(form).toEqual(copy);
  });
});
