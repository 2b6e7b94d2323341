// restoreDraft / serializeDraft: a stored draft comes back whole, or is discarded with a reason.
import {
  DRAFT_VERSION,
  PENDING_VALUE_MAX_LENGTH,
  restoreDraft,
  serializeDraft,
  type Draft,
} from '../draft';

const draft: Draft = {
  form: {
    name: 'EU traffic',
    description: '',
    rules: [{ field: 'country', operator: 'IN', values: ['DE'], negate: true }],
    affiliateMode: 'selected',
    affiliateIds: ['2'],
  },
  step: 2,
  savedAt: '2026-03-01T10:00:00.000Z',
  idempotencyKey: 'a1b2c3',
};

describe('drafts', () => {
  it('round-trips a draft, with a version field', () => {
    const text = serializeDraft(draft);
    expect(JSON.parse(text)).toMatchObject({ version: DRAFT_VERSION });
    expect(restoreDraft(text)).toEqual({ ok: true, value: draft });
  });

  it('keeps half-filled forms (a draft is not yet valid)', () => {
    const half: Draft = {
      form: {
        name: '',
        description: '',
        rules: [{ field: 'source', operator: 'IS', values: [], negate: false }],
        affiliateMode: 'selected',
        affiliateIds: [],
      },
      step: 0,
      savedAt: '2026-03-01T10:00:00.000Z',
    };
    expect(restoreDraft(serializeDraft(half))).toEqual({ ok: true, value: half });
  });

  const stored = JSON.parse(serializeDraft(draft)) as Record<string, unknown>;
  it.each([
    ['nothing stored', null, 'none'],
    ['an empty string', '', 'none'],
    ['not JSON', '{"version":1,', 'corrupt'],
    ['JSON that is not an object', '[1,2]', 'corrupt'],
    ['a string', '"draft"', 'corrupt'],
    ['an older version', JSON.stringify({ ...stored, version: 0 }), 'outdated'],
    ['a newer version', JSON.stringify({ ...stored, version: DRAFT_VERSION + 1 }), 'outdated'],
    ['no version at all', JSON.stringify({ form: stored.form, step: 1 }), 'outdated'],
    [
      'an unknown field in a rule',
      JSON.stringify({
        ...stored,
        form: {
          ...(stored.form as object),
          rules: [{ field: 'browser', operator: 'IN', values: [], negate: false }],
        },
      }),
      'corrupt',
    ],
    ['a negative step', JSON.stringify({ ...stored, step: -1 }), 'corrupt'],
    ['a step as text', JSON.stringify({ ...stored, step: '2' }), 'corrupt'],
    ['a savedAt that is no date', JSON.stringify({ ...stored, savedAt: 'yesterday' }), 'corrupt'],
    [
      'the form missing',
      JSON.stringify({ version: DRAFT_VERSION, step: 1, savedAt: draft.savedAt }),
      'corrupt',
    ],
  ] as const)('discards %s', (_name, raw, reason) => {
    expect(restoreDraft(raw)).toEqual({ ok: false, reason });
  });

  // Text typed into a value box but not confirmed: kept per rule, optional in the same version.
  describe('unconfirmed value text', () => {
    const rules: Draft['form']['rules'] = [
      { field: 'source', operator: 'IN', values: ['fb'], negate: false },
      { field: 'country', operator: 'IN', values: [], negate: false },
      { field: 'advanced_targeting_rule', operator: 'IN', values: [], negate: true },
    ];
    const withPending = (pending: Iterable<readonly [number, string]>): Draft => ({
      ...draft,
      form: { ...draft.form, rules },
      pendingValues: new Map(pending),
    });

    it.each([
      ['a text rule', [[0, 'goog']]],
      ['a country search', [[1, 'Germ']]],
      ['a target-rule search', [[2, 'EU tr']]],
      [
        'several rules',
        [
          [0, 'a, b'],
          [2, '79'],
        ],
      ],
      ['spaces kept as typed', [[0, '  two words ']]],
      ['the longest kept', [[0, 'x'.repeat(PENDING_VALUE_MAX_LENGTH)]]],
    ] as const)('round-trips %s', (_name, pending) => {
      const d = withPending(pending);
      expect(restoreDraft(serializeDraft(d))).toEqual({ ok: true, value: d });
    });

    it.each([
      ['none at all', new Map<number, string>(), undefined],
      ['an empty text', new Map([[0, '']]), undefined],
      ['whitespace only', new Map([[0, '  \t']]), undefined],
      ['a rule that is gone', new Map([[3, 'late']]), undefined],
      [
        'one kept, one empty',
        new Map([
          [0, ''],
          [1, 'Fr'],
        ]),
        new Map([[1, 'Fr']]),
      ],
      [
        'text past the bound (cut, the draft kept)',
        new Map([[0, 'y'.repeat(PENDING_VALUE_MAX_LENGTH + 5)]]),
        new Map([[0, 'y'.repeat(PENDING_VALUE_MAX_LENGTH)]]),
      ],
    ])('saves %s as what the box can take back', (_name, pendingValues, restored) => {
      const result = restoreDraft(serializeDraft({ ...withPending([]), pendingValues }));
      if (!result.ok) throw new Error(`not restored: ${result.reason}`);
      expect(result.value.pendingValues).toEqual(restored);
      expect(result.value.form.rules).toEqual(rules);
    });

    it('restores a draft saved before the field existed, as it was', () => {
      // Verbatim what the wizard stored before: no pendingValue anywhere.
      const before =
        '{"version":1,"savedAt":"2026-03-01T10:00:00.000Z","step":1,"form":{"name":"Old",' +
        '"description":"","rules":[{"field":"source","operator":"IN","values":["fb"],' +
        '"negate":false}],"affiliateMode":"all","affiliateIds":[]}}';
      expect(restoreDraft(before)).toEqual({
        ok: true,
        value: {
          form: {
            name: 'Old',
            description: '',
            rules: [{ field: 'source', operator: 'IN', values: ['fb'], negate: false }],
            affiliateMode: 'all',
            affiliateIds: [],
          },
          step: 1,
          savedAt: '2026-03-01T10:00:00.000Z',
        },
      });
    });

    const rule0 = { field: 'source', operator: 'IN', values: [], negate: false };
    it.each([
      ['an empty pending text', { ...rule0, pendingValue: '' }],
      [
        'a pending text past the bound',
        { ...rule0, pendingValue: 'z'.repeat(PENDING_VALUE_MAX_LENGTH + 1) },
      ],
      ['a pending text that is no string', { ...rule0, pendingValue: ['fb'] }],
    ])('discards a draft with %s', (_name, badRule) => {
      const raw = JSON.stringify({
        ...stored,
        form: { ...(stored.form as object), rules: [badRule] },
      });
      expect(restoreDraft(raw)).toEqual({ ok: false, reason: 'corrupt' });
    });
  });
});
