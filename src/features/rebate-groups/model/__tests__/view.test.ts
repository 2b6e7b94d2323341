// URL ⇄ view: parsing, defaults, validation notices, writing back, and the round-trip property.
import fc from 'fast-check';
import {
  DEFAULT_LIMIT,
  GROUP_TYPES,
  MAX_LIMIT,
  MAX_LINK_CODE_LENGTH,
  REBATE_PERIODS,
  SORT_FIELDS,
  defaultView,
  lastPageOffset,
  parseView,
  writeView,
  type View,
} from '../view';

const p = (query: string) => new URLSearchParams(query);

describe('parseView', () => {
  it('gives the defaults for an empty URL, without notices', () => {
    expect(parseView(p(''))).toEqual({ view: defaultView(), notices: [] });
    expect(defaultView()).toEqual({
      filters: { group_type: [], group_id: [], rebate_period: [], link_code: [] },
      ordering: [{ field: 'created', direction: 'desc' }],
      limit: 25,
      offset: 0,
    });
  });

  it('reads the issue’s example link exactly', () => {
    const { view, notices } = parseView(
      p(
        'group_type=AUTO&rebate_period=WEEKLY&rebate_period=MONTHLY&ordering=-clients_count,group_title&limit=50&offset=100',
      ),
    );
    expect(notices).toEqual([]);
    expect(view).toEqual({
      filters: {
        group_type: ['AUTO'],
        group_id: [],
        rebate_period: ['WEEKLY', 'MONTHLY'],
        link_code: [],
      },
      ordering: [
        { field: 'clients_count', direction: 'desc' },
        { field: 'group_title', direction: 'asc' },
      ],
      limit: 50,
      offset: 100,
    });
  });

  it('reads repeated filter keys in order, dropping repeats and blanks', () => {
    const { view, notices } = parseView(
      p('group_id=12&group_id=40&group_id=12&group_id=&link_code=%20spring24%20&link_code=vip'),
    );
    expect(view.filters.group_id).toEqual(['12', '40']);
    expect(view.filters.link_code).toEqual(['spring24', 'vip']);
    expect(notices).toEqual([]);
  });

  it('accepts enum values in any case', () => {
    expect(parseView(p('group_type=auto&rebate_period=Weekly')).view.filters).toMatchObject({
      group_type: ['AUTO'],
      rebate_period: ['WEEKLY'],
    });
  });

  it.each([
    ['group_type=SOMETIMES', 'group_type', /type “SOMETIMES”/],
    ['rebate_period=YEARLY', 'rebate_period', /rebate period “YEARLY”/],
    ['group_id=abc', 'group_id', /group ID “abc”/],
    ['group_id=-3', 'group_id', /group ID “-3”/],
    [`link_code=${'x'.repeat(MAX_LINK_CODE_LENGTH + 1)}`, 'link_code', /link code/],
  ] as const)('drops the invalid filter value in %s with a notice', (query, key, message) => {
    const { view, notices } = parseView(p(query));
    expect(view.filters[key]).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(message);
  });

  it('keeps the valid values next to an invalid one', () => {
    const { view, notices } = parseView(p('group_type=AUTO&group_type=NOPE&group_type=MANUAL'));
    expect(view.filters.group_type).toEqual(['AUTO', 'MANUAL']);
    expect(notices).toHaveLength(1);
  });

  describe('ordering', () => {
    it('reads several keys with directions', () => {
      expect(parseView(p('ordering=rebate_percent,-link_code')).view.ordering).toEqual([
        { field: 'rebate_percent', direction: 'asc' },
        { field: 'link_code', direction: 'desc' },
      ]);
    });

    it('treats a present but empty ordering as "no sort"', () => {
      expect(parseView(p('ordering=')).view.ordering).toEqual([]);
    });

    it('drops unknown and unsortable fields with a notice', () => {
      const { view, notices } = parseView(p('ordering=-id,group_title,rebate_size,-password'));
      expect(view.ordering).toEqual([{ field: 'group_title', direction: 'asc' }]);
      expect(notices).toHaveLength(3);
      expect(notices[0]).toMatch(/“-id”/);
    });

    it('falls back to the default when nothing usable is left', () => {
      const { view, notices } = parseView(p('ordering=bogus'));
      expect(view.ordering).toEqual(defaultView().ordering);
      expect(notices).toHaveLength(1);
    });

    it('keeps the first of a repeated field', () => {
      const { view, notices } = parseView(p('ordering=created,-created'));
      expect(view.ordering).toEqual([{ field: 'created', direction: 'asc' }]);
      expect(notices).toHaveLength(1);
    });

    it('ignores stray commas and spaces', () => {
      const { view, notices } = parseView(p('ordering=,group_title,, -created'));
      expect(view.ordering.map((k) => k.field)).toEqual(['group_title', 'created']);
      expect(notices).toEqual([]);
    });
  });

  describe('limit', () => {
    it('accepts any size from 1 to 100 (a deep-linked 40 is valid for the API)', () => {
      expect(parseView(p('limit=40')).view.limit).toBe(40);
      expect(parseView(p('limit=1')).view.limit).toBe(1);
      expect(parseView(p('limit=100')).view.limit).toBe(100);
    });

    it('clamps a size above the maximum with a notice', () => {
      const { view, notices } = parseView(p('limit=7000'));
      expect(view.limit).toBe(MAX_LIMIT);
      expect(notices[0]).toMatch(/7000.*maximum/);
    });

    it.each(['0', '-5', 'abc', '2.5', '1e2', ''])('replaces limit=%s by the default', (raw) => {
      const { view, notices } = parseView(p(`limit=${raw}`));
      expect(view.limit).toBe(DEFAULT_LIMIT);
      expect(notices).toHaveLength(1);
    });
  });

  describe('offset', () => {
    it('keeps a page-aligned offset', () => {
      expect(parseView(p('offset=75')).view.offset).toBe(75);
    });

    it('snaps an unaligned offset down to the start of its page', () => {
      const { view, notices } = parseView(p('limit=25&offset=60'));
      expect(view.offset).toBe(50);
      expect(notices[0]).toMatch(/rows from 51/);
    });

    it('aligns to the clamped limit', () => {
      expect(parseView(p('limit=7000&offset=250')).view.offset).toBe(200);
    });

    it.each(['-1', 'x', '3.5', '99999999999'])('replaces offset=%s by 0', (raw) => {
      const { view, notices } = parseView(p(`offset=${raw}`));
      expect(view.offset).toBe(0);
      expect(notices).toHaveLength(1);
    });
  });
});

describe('writeView', () => {
  it('omits every default, so the plain view is the bare path', () => {
    expect(writeView(defaultView()).toString()).toBe('');
  });

  it('writes filters as repeated keys and the rest by the API’s names', () => {
    const view: View = {
      filters: {
        group_type: ['AUTO'],
        group_id: [],
        rebate_period: ['WEEKLY', 'MONTHLY'],
        link_code: [],
      },
      ordering: [
        { field: 'clients_count', direction: 'desc' },
        { field: 'group_title', direction: 'asc' },
      ],
      limit: 50,
      offset: 100,
    };
    expect(writeView(view).toString()).toBe(
      'group_type=AUTO&rebate_period=WEEKLY&rebate_period=MONTHLY&ordering=-clients_count%2Cgroup_title&limit=50&offset=100',
    );
  });

  it('writes an empty ordering as ordering= (different from the default)', () => {
    expect(writeView({ ...defaultView(), ordering: [] }).toString()).toBe('ordering=');
  });

  it('keeps unknown params and replaces its own', () => {
    const base = p('tab=2&group_type=MANUAL&limit=10&utm_source=mail&utm_source=again');
    const out = writeView(
      { ...defaultView(), filters: { ...defaultView().filters, group_id: ['7'] } },
      base,
    );
    expect(out.getAll('utm_source')).toEqual(['mail', 'again']);
    expect(out.get('tab')).toBe('2');
    expect(out.getAll('group_type')).toEqual([]);
    expect(out.get('limit')).toBeNull();
    expect(out.getAll('group_id')).toEqual(['7']);
  });
});

describe('lastPageOffset', () => {
  it.each([
    [0, 25, 0],
    [1, 25, 0],
    [25, 25, 0],
    [26, 25, 25],
    [237, 50, 200],
  ])('count %i, limit %i → %i', (count, limit, expected) => {
    expect(lastPageOffset(count, limit)).toBe(expected);
  });
});

const uniqueSubarray = <T>(items: readonly T[]) =>
  fc.subarray([...items]).chain((s) => fc.shuffledSubarray(s, { minLength: s.length }));

const validView: fc.Arbitrary<View> = fc
  .record({
    group_type: uniqueSubarray(GROUP_TYPES),
    rebate_period: uniqueSubarray(REBATE_PERIODS),
    group_id: fc.uniqueArray(fc.stringMatching(/^\d{1,18}$/), { maxLength: 5 }),
    link_code: fc.uniqueArray(
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
      { maxLength: 5 },
    ),
    ordering: fc.uniqueArray(
      fc.record({
        field: fc.constantFrom(...SORT_FIELDS),
        direction: fc.constantFrom('asc' as const, 'desc' as const),
      }),
      { selector: (k) => k.field, maxLength: SORT_FIELDS.length },
    ),
    limit: fc.integer({ min: 1, max: MAX_LIMIT }),
    page: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ page, limit, ordering, ...filters }) => ({
    filters,
    ordering,
    limit,
    offset: page * limit,
  }));

describe('round trip', () => {
  it('parseView(writeView(v)) is v for any valid view, without notices', () => {
    fc.assert(
      fc.property(validView, (view) => {
        const parsed = parseView(new URLSearchParams(writeView(view).toString()));
        expect(parsed.notices).toEqual([]);
        expect(parsed.view).toEqual(view);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps unknown params through a round trip', () => {
    fc.assert(
      fc.property(
        validView,
        fc.dictionary(fc.stringMatching(/^x_[a-z]{1,6}$/), fc.string({ maxLength: 10 })),
        (view, extra) => {
          const out = writeView(view, new URLSearchParams(extra));
          for (const [k, v] of Object.entries(extra)) expect(out.get(k)).toBe(v);
          expect(parseView(out).view).toEqual(view);
        },
      ),
    );
  });

  it('parses any query string without throwing, to a view that writes back unchanged', () => {
    const keys = fc.constantFrom(
      'group_type',
      'group_id',
      'rebate_period',
      'link_code',
      'ordering',
      'limit',
      'offset',
      'other',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keys, fc.string({ maxLength: 12 })), { maxLength: 12 }),
        (pairs) => {
          const { view } = parseView(new URLSearchParams(pairs));
          expect(view.limit).toBeGreaterThanOrEqual(1);
          expect(view.limit).toBeLessThanOrEqual(MAX_LIMIT);
          expect(view.offset % view.limit).toBe(0);
          const again = parseView(writeView(view));
          expect(again.view).toEqual(view);
          expect(again.notices).toEqual([]);
        },
      ),
    );
  });
});
