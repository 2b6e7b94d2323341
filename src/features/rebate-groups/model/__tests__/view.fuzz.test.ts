// Fuzz: the URL parser takes any query string (junk, huge, unicode, repeated and
// prototype-pollution keys) and always answers with a valid view and plain notices, never a
// throw; what it answers is a fixed point of writeView → parseView.
import fc from 'fast-check';
import {
  FILTER_KEYS,
  GROUP_TYPES,
  MAX_LIMIT,
  MAX_OFFSET,
  MAX_VALUES_PER_FILTER,
  REBATE_PERIODS,
  SORT_FIELDS,
  groupIdSchema,
  linkCodeSchema,
  parseView,
  writeView,
  type ParsedView,
} from '../view';

const RUNS = { numRuns: 3000 };
vi.setConfig({ testTimeout: 120_000 });

const OWN_KEYS = [...FILTER_KEYS, 'ordering', 'limit', 'offset'];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Values close to meaningful ones, and junk. */
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...GROUP_TYPES, ...REBATE_PERIODS, 'auto', ' weekly ', '', ' '),
  fc.constantFrom(...SORT_FIELDS).map((f) => `-${f}`),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...SORT_FIELDS),
        fc.constantFrom(...SORT_FIELDS).map((f) => `-${f}`),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 12 },
    )
    .map((t) => t.join(',')),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.integer({ min: 0, max: 2_000_000 }).map(String),
  fc.constantFrom('1e2', '0x10', '-5', '00025', ' 50 ', 'NaN', 'Infinity', '٣', '１０'),
  fc.nat({ max: 10 ** 18 }).map(String),
);

const key = fc.oneof(fc.constantFrom(...OWN_KEYS, ...ODD_KEYS), fc.string({ maxLength: 10 }));

/** Query strings: any text, or pairs encoded as a browser would. */
const query = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.array(fc.tuple(key, value), { maxLength: 30 }).map((pairs) => {
    const p = new URLSearchParams();
    for (const [k, v] of pairs) p.append(k, v);
    return p.toString();
  }),
  // Raw, unencoded text and broken percent-escapes.
  fc
    .array(fc.tuple(key, fc.oneof(value, fc.constantFrom('%', '%E0%A4%A', '%zz', '&&', '=='))), {
      maxLength: 20,
    })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);

function expectValid({ view, notices }: ParsedView): void {
  expect(notices.every((n) => typeof n === 'string' && n !== '')).toBe(true);
  expect(Object.keys(view.filters).sort()).toEqual([...FILTER_KEYS].sort());
  for (const k of FILTER_KEYS) {
    const values = view.filters[k];
    expect(values.length).toBeLessThanOrEqual(MAX_VALUES_PER_FILTER);
    expect(new Set(values).size).toBe(values.length);
  }
  for (const t of view.filters.group_type) expect(GROUP_TYPES).toContain(t);
  for (const p of view.filters.rebate_period) expect(REBATE_PERIODS).toContain(p);
  for (const id of view.filters.group_id) expect(groupIdSchema.safeParse(id).success).toBe(true);
  for (const c of view.filters.link_code) expect(linkCodeSchema.safeParse(c).success).toBe(true);
  const fields = view.ordering.map((s) => s.field);
  expect(new Set(fields).size).toBe(fields.length);
  for (const s of view.ordering) {
    expect(SORT_FIELDS).toContain(s.field);
    expect(['asc', 'desc']).toContain(s.direction);
  }
  expect(Number.isInteger(view.limit)).toBe(true);
  expect(view.limit).toBeGreaterThanOrEqual(1);
  expect(view.limit).toBeLessThanOrEqual(MAX_LIMIT);
  expect(Number.isInteger(view.offset)).toBe(true);
  expect(view.offset).toBeGreaterThanOrEqual(0);
  expect(view.offset).toBeLessThanOrEqual(MAX_OFFSET);
  expect(view.offset % view.limit).toBe(0);
}

describe('fuzz: parseView', () => {
  it('any query string gives a valid view, and that view is a clean fixed point', () => {
    fc.assert(
      fc.property(query, (q) => {
        let parsed: ParsedView | undefined;
        expect(() => {
          parsed = parseView(new URLSearchParams(q));
        }).not.toThrow();
        if (!parsed) return;
        expectValid(parsed);
        // Writing it back and reading it again changes nothing and says nothing.
        const again = parseView(new URLSearchParams(writeView(parsed.view).toString()));
        expect(again.notices).toEqual([]);
        expect(again.view).toEqual(parsed.view);
      }),
      RUNS,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('params built from an object with own __proto__ / constructor keys', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 12 }), (record) => {
        for (const k of ODD_KEYS) {
          Object.defineProperty(record, k, {
            value: 'polluted=1',
            enumerable: true,
            configurable: true,
          });
        }
        const parsed = parseView(new URLSearchParams(record));
        expectValid(parsed);
        // Unknown params survive a write untouched; ours are rewritten.
        const written = writeView(parsed.view, new URLSearchParams(record));
        for (const k of ODD_KEYS) expect(written.get(k)).toBe('polluted=1');
      }),
      RUNS,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a huge query (many thousands of values, very long values) is cut down, fast', () => {
    const p = new URLSearchParams();
    for (let i = 0; i < 20_000; i += 1) {
      p.append('group_id', String(i));
      p.append('link_code', `code-${i}`);
    }
    p.set('ordering', Array.from({ length: 5000 }, () => '-created').join(','));
    p.set('limit', '9'.repeat(100_000));
    p.set('offset', '1'.repeat(100_000));
    const started = performance.now();
    const parsed = parseView(p);
    expect(performance.now() - started).toBeLessThan(2000);
    expectValid(parsed);
    expect(parsed.view.filters.group_id).toHaveLength(MAX_VALUES_PER_FILTER);
    // Each notice is short: long values are quoted shortened.
    expect(parsed.notices.every((n) => n.length < 200)).toBe(true);
  });
});
