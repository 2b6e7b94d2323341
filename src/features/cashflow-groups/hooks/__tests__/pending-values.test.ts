// The unconfirmed-text store: the text follows its row (by id) through moves and removals, and
// goes back to rule indexes for the draft whenever no Rules step holds the ids.
import { createPendingValues, type PendingValues } from '../pending-values';

type Step = (store: PendingValues) => void;

const adopt =
  (...ids: string[]): Step =>
  (s) =>
    s.adopt(ids);
const attach =
  (...ids: string[]): Step =>
  (s) =>
    s.attach(ids);
const set =
  (id: string, text: string): Step =>
  (s) =>
    s.set(id, text);
const detach: Step = (s) => s.detach();

describe('pending values', () => {
  it.each<[string, [number, string][], Step[], number, [number, string][]]>([
    ['nothing restored, nothing typed', [], [attach('a', 'b')], 2, []],
    ['restored, before the step has mounted', [[1, 'Ge']], [], 2, [[1, 'Ge']]],
    [
      'restored, once the step has mounted',
      [[1, 'Ge']],
      [adopt('a', 'b'), attach('a', 'b')],
      2,
      [[1, 'Ge']],
    ],
    ['typed into a row', [], [attach('a', 'b'), set('b', 'fo')], 2, [[1, 'fo']]],
    ['typed, then confirmed', [], [attach('a', 'b'), set('b', 'fo'), set('b', '')], 2, []],
    [
      'restored, then confirmed in its box',
      [[0, 'x']],
      [adopt('a'), set('a', ''), attach('a')],
      1,
      [],
    ],
    ['its row moved up', [], [attach('a', 'b'), set('b', 'fo'), attach('b', 'a')], 2, [[0, 'fo']]],
    [
      'a restored row moved before it was ever shown',
      [[2, 'late']],
      [attach('a', 'b', 'c'), attach('c', 'a', 'b')],
      3,
      [[0, 'late']],
    ],
    ['the row above removed', [], [attach('a', 'b'), set('b', 'fo'), attach('b')], 1, [[0, 'fo']]],
    ['its own row removed', [], [attach('a', 'b'), set('b', 'fo'), attach('a')], 1, []],
    [
      'its row removed and the ids came back otherwise (an import)',
      [[0, 'x']],
      [attach('a'), attach('n1', 'n2')],
      2,
      [],
    ],
    [
      'the step left (ids gone) and opened again (new ids)',
      [],
      [attach('a', 'b'), set('b', 'fo'), detach, adopt('c', 'd'), attach('c', 'd')],
      2,
      [[1, 'fo']],
    ],
    [
      'the step left: by index meanwhile',
      [],
      [attach('a', 'b'), set('a', 'fo'), detach],
      2,
      [[0, 'fo']],
    ],
    [
      'more texts than rules',
      [
        [0, 'a'],
        [5, 'gone'],
      ],
      [],
      2,
      [[0, 'a']],
    ],
    [
      'a render thrown away, with other ids',
      [[0, 'x']],
      [adopt('tmp'), adopt('a'), attach('a')],
      1,
      [[0, 'x']],
    ],
  ])('%s', (_name, restored, steps, count, expected) => {
    const store = createPendingValues(new Map(restored));
    steps.forEach((step) => step(store));
    expect([...store.byIndex(count)]).toEqual(expected);
  });

  it('gives a row its restored text while the step renders, before it commits', () => {
    const store = createPendingValues(new Map([[1, 'Ge']]));
    expect(store.get('b')).toBe('');
    store.adopt(['a', 'b']);
    expect(store.get('b')).toBe('Ge');
    expect(store.get('a')).toBe('');
  });

  it('tells subscribers of changes only', () => {
    const store = createPendingValues();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.attach(['a']);
    store.set('a', 'f');
    store.set('a', 'f');
    store.set('a', 'fo');
    store.set('a', '');
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    store.set('a', 'x');
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
