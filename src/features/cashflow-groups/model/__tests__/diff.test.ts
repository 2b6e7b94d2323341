// diffGroups/applyDiff: table-driven cases for what the edit review shows, and the property that
// applying the diff to the old group gives the new one (as HasOffers would store it).
import fc from 'fast-check';
import { applyDiff, diffGroups, hasRemovals, isEmptyDiff, type GroupFormLike } from '../diff';
import { toPayload } from '../payload';
import type { RuleForm } from '../types';
import { validForm, validRule } from './arbitraries';

vi.setConfig({ testTimeout: 60_000 });

const de: RuleForm = { field: 'country', operator: 'IN', values: ['DE', 'AT'], negate: false };
const deOnly: RuleForm = { field: 'country', operator: 'IN', values: ['DE'], negate: false };
const fb: RuleForm = { field: 'source', operator: 'CONTAINS', values: ['fb'], negate: true };
const sub: RuleForm = { field: 'aff_sub2', operator: 'IS', values: ['X'], negate: false };

function group(over: Partial<GroupFormLike> = {}): GroupFormLike {
  return {
    name: 'EU',
    description: '',
    rules: [de, fb],
    affiliateMode: 'selected',
    affiliateIds: ['2', '4'],
    ...over,
  };
}

describe('diffGroups', () => {
  it.each<{
    what: string;
    after: Partial<GroupFormLike>;
    added: number;
    removed: number;
    changed: number;
    unchanged: number;
    removals: boolean;
  }>([
    { what: 'nothing', after: {}, added: 0, removed: 0, changed: 0, unchanged: 2, removals: false },
    {
      what: 'a reorder',
      after: { rules: [fb, de] },
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 2,
      removals: false,
    },
    {
      what: 'a rule added',
      after: { rules: [de, fb, sub] },
      added: 1,
      removed: 0,
      changed: 0,
      unchanged: 2,
      removals: false,
    },
    {
      what: 'a rule removed',
      after: { rules: [de] },
      added: 0,
      removed: 1,
      changed: 0,
      unchanged: 1,
      removals: true,
    },
    {
      what: 'a rule changed on the same field',
      after: { rules: [deOnly, fb] },
      added: 0,
      removed: 0,
      changed: 1,
      unchanged: 1,
      removals: false,
    },
    {
      what: 'a rule moved to another field',
      after: { rules: [de, sub] },
      added: 1,
      removed: 1,
      changed: 0,
      unchanged: 1,
      removals: true,
    },
    {
      what: 'whitespace only (the same as sent)',
      after: { rules: [{ ...de, values: [' de', 'AT '] }, fb] },
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 2,
      removals: false,
    },
  ])('$what', ({ after, added, removed, changed, unchanged, removals }) => {
    const d = diffGroups(group(), group(after));
    expect(d.rules.added).toHaveLength(added);
    expect(d.rules.removed).toHaveLength(removed);
    expect(d.rules.changed).toHaveLength(changed);
    expect(d.rules.unchanged).toHaveLength(unchanged);
    expect(hasRemovals(d)).toBe(removals);
  });

  it('names the changed rule before and after', () => {
    const d = diffGroups(group(), group({ rules: [deOnly, fb] }));
    expect(d.rules.changed[0]).toEqual({
      beforeIndex: 0,
      afterIndex: 0,
      before: de,
      after: deOnly,
    });
  });

  it.each<{
    what: string;
    before: Partial<GroupFormLike>;
    after: Partial<GroupFormLike>;
    added: string[];
    removed: string[];
    removals: boolean;
  }>([
    {
      what: 'an affiliate removed',
      before: {},
      after: { affiliateIds: ['2'] },
      added: [],
      removed: ['4'],
      removals: true,
    },
    {
      what: 'an affiliate added',
      before: {},
      after: { affiliateIds: ['2', '4', '6'] },
      added: ['6'],
      removed: [],
      removals: false,
    },
    {
      what: 'ids compared canonically',
      before: {},
      after: { affiliateIds: ['002', ' 4'] },
      added: [],
      removed: [],
      removals: false,
    },
    {
      what: 'all → a list (narrows)',
      before: { affiliateMode: 'all', affiliateIds: [] },
      after: {},
      added: ['2', '4'],
      removed: [],
      removals: true,
    },
    {
      what: 'a list → all (widens)',
      before: {},
      after: { affiliateMode: 'all' },
      added: [],
      removed: ['2', '4'],
      removals: false,
    },
  ])('$what', ({ before, after, added, removed, removals }) => {
    const d = diffGroups(group(before), group(after));
    expect(d.affiliates.added).toEqual(added);
    expect(d.affiliates.removed).toEqual(removed);
    expect(hasRemovals(d)).toBe(removals);
  });

  it('reports name and description changes, trimmed', () => {
    expect(diffGroups(group(), group({ name: ' EU ' })).name).toBeUndefined();
    const d = diffGroups(group(), group({ name: 'EU 2', description: 'For partners' }));
    expect(d.name).toEqual({ before: 'EU', after: 'EU 2' });
    expect(d.description).toEqual({ before: '', after: 'For partners' });
    expect(isEmptyDiff(d)).toBe(false);
    expect(isEmptyDiff(diffGroups(group(), group({ rules: [fb, de] })))).toBe(true);
  });
});

const named = fc.record({
  name: fc.string({ maxLength: 8 }),
  description: fc.string({ maxLength: 8 }),
});
const groupArb: fc.Arbitrary<GroupFormLike> = fc
  .tuple(validForm, named)
  .map(([form, texts]) => ({ ...form, ...texts }));

/** Two versions that share some rules, as an edit does. */
const editArb = fc
  .tuple(groupArb, groupArb, fc.array(validRule, { maxLength: 3 }))
  .map(([a, b, shared]): [GroupFormLike, GroupFormLike] => [
    { ...a, rules: [...shared, ...a.rules] },
    { ...b, rules: [...b.rules, ...shared] },
  ]);

function asSent(g: GroupFormLike) {
  const p = toPayload(g);
  return {
    name: g.name.trim(),
    description: g.description.trim(),
    rules: p.rules_json,
    affiliates: [...p.affiliateIds].sort(),
  };
}

describe('applyDiff', () => {
  it('applying the diff to the old group gives the new one', () => {
    fc.assert(
      fc.property(editArb, ([before, after]) => {
        expect(asSent(applyDiff(before, diffGroups(before, after)))).toEqual(asSent(after));
      }),
      { numRuns: 1000 },
    );
  });

  it('an edit against itself is empty', () => {
    fc.assert(
      fc.property(groupArb, (g) => {
        const d = diffGroups(g, g);
        expect(isEmptyDiff(d)).toBe(true);
        expect(hasRemovals(d)).toBe(false);
      }),
    );
  });
});
