// Properties: the round trip through the wire format, and that import/draft readers never throw
// and never answer with nothing.
import fc from 'fast-check';
import { restoreDraft, serializeDraft, type Draft } from '../draft';
import { evaluateRule } from '../evaluate';
import { fromPayload, parseImport } from '../import';
import { lint } from '../lint';
import { toPayload } from '../payload';
import { groupFormSchema } from '../schema';
import { OPERATORS, type ImportResult, type RuleForm, type SampleClick } from '../types';
import { anyValue, idText, normalise, validForm, validRule } from './arbitraries';

const MANY = { numRuns: 2000 };
// Thousands of runs take seconds of wall time on a busy shared machine; that is not a failure.
vi.setConfig({ testTimeout: 60_000 });

/** A reader's answer is a value, or a non-empty list of errors each with a message. */
function isAnswer(r: ImportResult): boolean {
  if (r.ok) return Array.isArray(r.rules) && Array.isArray(r.affiliateIds);
  return (
    r.errors.length > 0 && r.errors.every((e) => typeof e.message === 'string' && e.message !== '')
  );
}

describe('round trip', () => {
  it('fromPayload(toPayload(x)) is x, normalised', () => {
    fc.assert(
      fc.property(validForm, (form) => {
        const payload = toPayload(form);
        const expected = { ok: true, ...normalise(form) };
        expect(fromPayload(payload)).toEqual(expected);
        expect(
          fromPayload({
            rules_json: payload.rules_json,
            affiliate_ids_json: payload.affiliate_ids_json,
          }),
        ).toEqual(expected);
        expect(parseImport(payload.rules_json, payload.affiliate_ids_json)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('importing what toPayload produced and sending it again gives identical strings', () => {
    fc.assert(
      fc.property(validForm, (form) => {
        const first = toPayload(form);
        const imported = fromPayload({
          rules_json: first.rules_json,
          affiliate_ids_json: first.affiliate_ids_json,
        });
        if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
        const again = toPayload({
          rules: imported.rules,
          affiliateMode: imported.affiliateIds.length > 0 ? 'selected' : 'all',
          affiliateIds: imported.affiliateIds,
        });
        expect(again.rules_json).toBe(first.rules_json);
        expect(again.affiliate_ids_json).toBe(first.affiliate_ids_json);
      }),
      { numRuns: 1000 },
    );
  });

  it('every wire rule has exactly field, operator, value, negate with the wire types', () => {
    fc.assert(
      fc.property(validForm, (form) => {
        for (const rule of JSON.parse(toPayload(form).rules_json) as Record<string, unknown>[]) {
          expect(Object.keys(rule)).toEqual(['field', 'operator', 'value', 'negate']);
          expect([0, 1]).toContain(rule.negate);
          const value = rule.value as unknown[];
          expect(Array.isArray(value)).toBe(true);
          const type = rule.field === 'advanced_targeting_rule' ? 'number' : 'string';
          expect(value.every((v) => typeof v === type)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('valid forms pass the form schema and have no lint errors', () => {
    fc.assert(
      fc.property(validForm, (form) => {
        expect(groupFormSchema.safeParse({ ...form, name: 'Group', description: '' }).success).toBe(
          true,
        );
        expect(lint(form).filter((i) => i.severity === 'error')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('drafts of any form come back as they were saved', () => {
    const draft: fc.Arbitrary<Draft> = fc.record(
      {
        form: fc.record({
          name: fc.string(),
          description: fc.string(),
          // Drafts keep unfinished rules too: any strings.
          rules: fc.array(
            fc.record({
              field: validRule.map((r) => r.field),
              operator: fc.constantFrom(...OPERATORS),
              values: fc.array(fc.string(), { maxLength: 4 }),
              negate: fc.boolean(),
            }),
            { maxLength: 5 },
          ),
          affiliateMode: fc.constantFrom('all' as const, 'selected' as const),
          affiliateIds: fc.array(fc.string(), { maxLength: 4 }),
        }),
        step: fc.nat({ max: 10 }),
        savedAt: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        idempotencyKey: fc.string({ minLength: 1, maxLength: 40 }),
      },
      { requiredKeys: ['form', 'step', 'savedAt'] },
    );
    fc.assert(
      fc.property(draft, (d) => {
        expect(restoreDraft(serializeDraft(d))).toEqual({ ok: true, value: d });
      }),
      { numRuns: 500 },
    );
  });
});

describe('readers never throw and always answer', () => {
  it('fromPayload of any value', () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        expect(isAnswer(fromPayload(input))).toBe(true);
      }),
      MANY,
    );
  });

  it('fromPayload of any JSON value and any JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.json(), fc.string()), (input) => {
        expect(isAnswer(fromPayload(input))).toBe(true);
      }),
      MANY,
    );
  });

  it('fromPayload of a valid payload with one key spoilt: all or nothing', () => {
    const spoilt = fc
      .tuple(
        validForm.filter((f) => f.rules.length > 0),
        fc.nat(),
        fc.constantFrom('field', 'operator', 'value', 'negate', 'whole'),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
      )
      .map(([form, at, key, junk]) => {
        const rules = JSON.parse(toPayload(form).rules_json) as Record<string, unknown>[];
        const i = at % rules.length;
        if (key === 'whole') rules[i] = junk as Record<string, unknown>;
        else (rules[i] as Record<string, unknown>)[key] = junk;
        return rules;
      });
    fc.assert(
      fc.property(spoilt, (rules) => {
        const result = fromPayload(rules);
        expect(isAnswer(result)).toBe(true);
        if (result.ok) expect(result.rules).toHaveLength(rules.length);
      }),
      MANY,
    );
  });

  it('parseImport of any two texts', () => {
    const text = fc.oneof(fc.string(), fc.json(), fc.constant(''), fc.constant('[]'));
    fc.assert(
      fc.property(text, text, (rules, affiliates) => {
        expect(isAnswer(parseImport(rules, affiliates))).toBe(true);
      }),
      MANY,
    );
  });

  it('restoreDraft of any text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ version: 1, form: v, step: 1, savedAt: v })),
    );
    fc.assert(
      fc.property(fc.option(text, { nil: null }), (raw) => {
        const r = restoreDraft(raw);
        expect(r.ok || ['none', 'corrupt', 'outdated'].includes(r.reason)).toBe(true);
      }),
      MANY,
    );
  });
});

describe('lint contradictions are sound', () => {
  // A small alphabet so that prefixes, overlaps and equal values are common.
  const word = fc.constantFrom('a', 'ab', 'abc', 'b', 'ba', 'c', 'bc');
  const sub: fc.Arbitrary<RuleForm> = fc
    .tuple(
      fc.constantFrom(...OPERATORS),
      fc.boolean(),
      fc.array(word, { minLength: 1, maxLength: 3 }),
    )
    .map(([operator, negate, values]) => ({
      field: 'aff_sub1' as const,
      operator,
      negate,
      values: operator === 'IS' ? values.slice(0, 1) : values,
    }));
  const target: fc.Arbitrary<RuleForm> = fc
    .tuple(
      fc.constantFrom('IN' as const, 'IS' as const),
      fc.boolean(),
      fc.array(fc.constantFrom('1', '2', '3'), { minLength: 1, maxLength: 3 }),
    )
    .map(([operator, negate, values]) => ({
      field: 'advanced_targeting_rule' as const,
      operator,
      negate,
      values: operator === 'IS' ? values.slice(0, 1) : values,
    }));
  const words = ['', 'a', 'ab', 'abc', 'b', 'ba', 'c', 'bc'];
  const clicks: SampleClick[] = [
    ...words.flatMap((x) => words.map((y) => ({ aff_sub1: `${x}${y}` }))),
    ...[[], ['1'], ['2'], ['3'], ['1', '2'], ['1', '3'], ['2', '3'], ['1', '2', '3']].map(
      (ids) => ({
        targetRuleIds: ids,
      }),
    ),
  ];

  it('no sample click satisfies two rules lint calls contradictory', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(sub, target), { minLength: 2, maxLength: 6 }), (rules) => {
        for (const issue of lint({ rules, affiliateMode: 'all', affiliateIds: [] })) {
          if (issue.code !== 'contradiction') continue;
          const a = rules[issue.otherIndex ?? -1] as RuleForm;
          const b = rules[issue.ruleIndex ?? -1] as RuleForm;
          const both = clicks.find((c) => evaluateRule(a, c).pass && evaluateRule(b, c).pass);
          expect(both, `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBeUndefined();
        }
      }),
      MANY,
    );
  });
});

it('ids with leading zeros import as the same id', () => {
  fc.assert(
    fc.property(idText, (id) => {
      const r = fromPayload({ rules_json: '[]', affiliate_ids_json: JSON.stringify([id]) });
      expect(r).toEqual({ ok: true, rules: [], affiliateIds: [String(Number(id))] });
    }),
  );
});
