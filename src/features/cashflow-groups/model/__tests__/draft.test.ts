// restoreDraft / serializeDraft: a stored draft comes back whole, or is discarded with a reason.
import { DRAFT_VERSION, restoreDraft, serializeDraft, type Draft } from '../draft';

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
});
