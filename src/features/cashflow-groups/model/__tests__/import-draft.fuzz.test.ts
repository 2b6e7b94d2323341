// Fuzz: the import readers and the draft restore take anything (strings, JSON, objects with
// prototype-pollution keys, exotic values) and answer with a value or clear errors, never a
// throw and never a polluted prototype; oversized input is refused before any work is done.
import fc from 'fast-check';
import { restoreDraft, serializeDraft, type Draft } from '../draft';
import { fromPayload, MAX_IMPORT_BYTES, MAX_IMPORT_RULES, parseImport } from '../import';
import { OPERATORS, RULE_FIELDS, type ImportResult } from '../types';
import { anyValue } from './arbitraries';

const RUNS = { numRuns: 2500 };
// Thousands of runs take seconds on a busy shared machine; that is not a failure.
vi.setConfig({ testTimeout: 120_000 });

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted', 'toString'];
const RULE_KEYS = ['field', 'operator', 'value', 'negate', 'CashflowRule', ...POLLUTING_KEYS];
const GROUP_KEYS = [
  'rules',
  'rules_json',
  'affiliate_ids_json',
  'affiliates',
  'affiliate_ids',
  'CashflowGroup',
  'response',
  'data',
  'status',
  'name',
  'description',
  'id',
  'company',
  ...POLLUTING_KEYS,
];

/** JSON values whose objects use the keys the readers look for, plus pollution keys. */
const { tree: shapedJson } = fc.letrec<{ tree: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(...RULE_FIELDS, ...OPERATORS, 'DE', 'de', ' 79 ', '0', '1', 'true', '', '[]'),
    fc.jsonValue({ maxDepth: 1 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  ),
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('tree'), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...RULE_KEYS, ...GROUP_KEYS), tie('tree'), { maxKeys: 6 }),
  ),
}));

/** As JSON text, where `__proto__` is an own key (JSON.parse makes it one), not the prototype. */
const shapedText = shapedJson.map((v) => JSON.stringify(v) ?? 'null');

/** A JSON text with a literal "__proto__" key spliced in at the top and in a rule. */
const pollutingText = fc
  .tuple(
    fc.constantFrom(...POLLUTING_KEYS),
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('array', 'pair', 'envelope'),
  )
  .map(([key, junk, shape]) => {
    const bad = `{"${key}":${JSON.stringify(junk)},"field":"country","operator":"IN","value":["DE"],"negate":0}`;
    if (shape === 'array') return `[${bad}]`;
    if (shape === 'pair')
      return `{"${key}":{"polluted":true},"rules_json":[${bad}],"affiliate_ids_json":"[]"}`;
    return `{"response":{"status":1,"data":{"${key}":{"polluted":true},"rules":[${bad}],"affiliates":[]}}}`;
  });

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.json(),
  shapedText,
  pollutingText,
);

function expectAnswer(r: ImportResult): void {
  if (r.ok) {
    expect(Array.isArray(r.rules)).toBe(true);
    expect(Array.isArray(r.affiliateIds)).toBe(true);
    for (const rule of r.rules) {
      // A rule read from input has exactly the model's keys and allowed values.
      expect(Object.keys(rule).sort()).toEqual(['field', 'negate', 'operator', 'values']);
      expect(RULE_FIELDS).toContain(rule.field);
      expect(OPERATORS).toContain(rule.operator);
      expect(typeof rule.negate).toBe('boolean');
      expect(rule.values.every((v) => typeof v === 'string' && v !== '')).toBe(true);
    }
    expect(r.affiliateIds.every((id) => /^[1-9]\d*$/.test(id))).toBe(true);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(typeof e.message).toBe('string');
      expect(e.message).not.toBe('');
    }
  }
}

function expectPrototypeClean(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PROTO_KEYS);
  expect(Object.getOwnPropertyNames(Array.prototype)).toEqual(ARRAY_PROTO_KEYS);
}
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const ARRAY_PROTO_KEYS = Object.getOwnPropertyNames(Array.prototype);

function noThrow<T>(f: () => T): T {
  let out: T | undefined;
  expect(() => {
    out = f();
  }).not.toThrow();
  return out as T;
}

describe('fuzz: fromPayload', () => {
  it('any JavaScript value (exotic ones included)', () => {
    fc.assert(
      fc.property(anyValue, (input) => expectAnswer(noThrow(() => fromPayload(input)))),
      RUNS,
    );
    expectPrototypeClean();
  });

  it('any text, shaped JSON and JSON with prototype-pollution keys', () => {
    fc.assert(
      fc.property(anyText, (input) => expectAnswer(noThrow(() => fromPayload(input)))),
      RUNS,
    );
    expectPrototypeClean();
  });

  it('parsed objects with own __proto__ / constructor keys', () => {
    fc.assert(
      fc.property(shapedText, pollutingText, (a, b) => {
        expectAnswer(noThrow(() => fromPayload(JSON.parse(a) as unknown)));
        expectAnswer(noThrow(() => fromPayload(JSON.parse(b) as unknown)));
      }),
      RUNS,
    );
    expectPrototypeClean();
  });

  it('objects whose getters throw, proxies that throw, and cyclic objects', () => {
    const throwing = {
      get field(): never {
        throw new Error('boom');
      },
      operator: 'IN',
    };
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('proxy get');
        },
        ownKeys() {
          throw new Error('proxy keys');
        },
      },
    );
    const cyclic: Record<string, unknown> = { field: 'country' };
    cyclic.value = cyclic;
    const cyclicGroup: Record<string, unknown> = {};
    cyclicGroup.rules = [cyclicGroup];
    for (const input of [
      throwing,
      [throwing],
      proxy,
      [proxy],
      { rules_json: proxy },
      cyclic,
      [cyclic],
      cyclicGroup,
    ]) {
      expectAnswer(noThrow(() => fromPayload(input)));
    }
  });
});

describe('fuzz: parseImport (the dialog’s two boxes)', () => {
  it('any two texts', () => {
    fc.assert(
      fc.property(anyText, anyText, (rules, affiliates) =>
        expectAnswer(noThrow(() => parseImport(rules, affiliates))),
      ),
      RUNS,
    );
    expectPrototypeClean();
  });

  it('a whole group in either box, with pollution keys', () => {
    fc.assert(
      fc.property(pollutingText, fc.oneof(pollutingText, fc.constant('')), (a, b) => {
        expectAnswer(noThrow(() => parseImport(a, b)));
        expectAnswer(noThrow(() => parseImport(b, a)));
      }),
      RUNS,
    );
    expectPrototypeClean();
  });
});

describe('oversized input is refused before any work is done', () => {
  const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);
  const FIVE_MB_JSON = `[${'{"field":"country","operator":"IN","value":["DE"],"negate":0},'.repeat(90_000)}{}]`;

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a 5 MB paste: the size error, without parsing or encoding it', () => {
    expect(FIVE_MB_JSON.length).toBeGreaterThan(5_000_000);
    const parse = vi.spyOn(JSON, 'parse');
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    for (const text of [FIVE_MB, FIVE_MB_JSON]) {
      const started = performance.now();
      const r = parseImport(text, '');
      const took = performance.now() - started;
      expect(r).toEqual({
        ok: false,
        errors: [
          {
            source: 'rules_json',
            message: 'rules_json is larger than 1 MB; import less at a time',
          },
        ],
      });
      // A length check, not a parse: far under a frame even on a slow machine.
      expect(took).toBeLessThan(50);
      const both = parseImport(text, text);
      expect(both.ok ? [] : both.errors.map((e) => e.source)).toEqual([
        'rules_json',
        'affiliate_ids_json',
      ]);
      expect(fromPayload(text)).toEqual({
        ok: false,
        errors: [{ source: 'input', message: 'The input is larger than 1 MB' }],
      });
    }
    expect(parse).not.toHaveBeenCalled();
    expect(encode).not.toHaveBeenCalled();
  });

  it('just over the limit in multi-byte text is still refused', () => {
    const text = '€'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 1); // 3 bytes each in UTF-8
    const r = parseImport(text, '');
    expect(r.ok).toBe(false);
  });

  it('10,000 rules: the count error, without reading any rule', () => {
    // Each rule is invalid: reading even one would add a per-rule error to the answer.
    const rules = Array.from({ length: 10_000 }, () => ({ field: 'nope', operator: 'NOPE' }));
    const text = JSON.stringify(rules);
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES); // so it is the count that refuses it
    const countError = {
      source: 'rules_json',
      message: `This holds 10,000 rules; at most ${MAX_IMPORT_RULES.toLocaleString('en')} can be imported at a time`,
    };
    const started = performance.now();
    expect(parseImport(text, '')).toEqual({ ok: false, errors: [countError] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fromPayload(rules)).toEqual({ ok: false, errors: [countError] });
    expect(fromPayload({ rules_json: text, affiliate_ids_json: '[]' })).toEqual({
      ok: false,
      errors: [countError],
    });
    // The API's id-keyed object form too.
    const keyed = Object.fromEntries(rules.map((r, i) => [String(i + 1), r]));
    expect(fromPayload({ rules_json: keyed, affiliate_ids_json: '[]' })).toEqual({
      ok: false,
      errors: [countError],
    });
  });
});

describe('fuzz: restoreDraft', () => {
  const validDraft: Draft = {
    form: {
      name: 'EU',
      description: '',
      rules: [{ field: 'country', operator: 'IN', values: ['DE'], negate: false }],
      affiliateMode: 'selected',
      affiliateIds: ['7'],
    },
    step: 1,
    savedAt: '2025-01-01T00:00:00.000Z',
    idempotencyKey: 'k',
  };
  const stored = JSON.parse(serializeDraft(validDraft)) as Record<string, unknown>;

  /** The stored draft with one path replaced by junk (or a pollution key added there). */
  const spoilt = fc
    .tuple(
      fc.constantFrom(
        [],
        ['form'],
        ['form', 'rules'],
        ['form', 'rules', '0'],
        ['form', 'rules', '0', 'values'],
        ['form', 'affiliateIds'],
      ),
      fc.oneof(
        fc.constantFrom(...POLLUTING_KEYS, 'version', 'step', 'savedAt', 'name', 'field', 'values'),
        fc.string({ maxLength: 8 }),
      ),
      fc.oneof(shapedJson, fc.jsonValue()),
    )
    .map(([path, generatedKey, junk]) => {
      let key = generatedKey;
      const copy = JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
      let at: Record<string, unknown> = copy;
      for (const p of path) at = at[p] as Record<string, unknown>;
      // An array's own `length` cannot be redefined (and JSON never carries it): spoil another key.
      if (Array.isArray(at) && key === 'length') key = 'spoilt';
      // defineProperty: an own "__proto__" key, as JSON.parse would make it.
      Object.defineProperty(at, key, {
        value: junk,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return JSON.stringify(copy);
    });

  it('any text, JSON, spoilt drafts and drafts with pollution keys', () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(anyText, spoilt, shapedText), { nil: null }), (raw) => {
        const r = noThrow(() => restoreDraft(raw));
        if (!r.ok) {
          expect(['none', 'corrupt', 'outdated']).toContain(r.reason);
          return;
        }
        // What comes back has only the draft's own shape: nothing smuggled in.
        expect(Object.keys(r.value.form).sort()).toEqual([
          'affiliateIds',
          'affiliateMode',
          'description',
          'name',
          'rules',
        ]);
        for (const rule of r.value.form.rules) {
          expect(Object.keys(rule).sort()).toEqual(['field', 'negate', 'operator', 'values']);
          expect(RULE_FIELDS).toContain(rule.field);
        }
        expect(Number.isInteger(r.value.step)).toBe(true);
      }),
      RUNS,
    );
    expectPrototypeClean();
  });

  it('a valid stored draft still restores (the fuzzing above is not vacuous)', () => {
    expect(restoreDraft(serializeDraft(validDraft))).toEqual({ ok: true, value: validDraft });
  });

  it('a 5 MB stored value does not throw', () => {
    expect(restoreDraft('x'.repeat(5 * 1024 * 1024))).toEqual({ ok: false, reason: 'corrupt' });
  });
});
