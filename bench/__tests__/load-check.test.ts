// The browser check's summary of its runs: what every run fetched, and what only some did.
import { splitByRuns } from '../load-check';
import { someRuns } from '../report';

describe('splitByRuns', () => {
  it.each<[string, string[][], string[], Record<string, number>]>([
    [
      'runs that agree',
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
      ['a', 'b'],
      {},
    ],
    ['a file in some runs', [['a', 'c'], ['a'], ['a', 'c']], ['a'], { c: 2 }],
    ['no file in every run', [['a'], ['b']], [], { a: 1, b: 1 }],
    ['a file twice in one run counts once', [['a', 'a'], ['b']], [], { a: 1, b: 1 }],
    ['one run', [['b', 'a']], ['a', 'b'], {}],
  ])('%s', (_, runs, always, sometimes) => {
    expect(splitByRuns(runs)).toEqual({ always, sometimes });
  });
});

describe('someRuns', () => {
  it('says nothing when every run agreed', () => {
    expect(someRuns({}, 5)).toBe('');
  });
  it('names each file with its count', () => {
    expect(someRuns({ 'a.js': 2, 'b.js': 4 }, 5)).toBe(
      ', and in some runs only: a.js (2 of 5), b.js (4 of 5)',
    );
  });
});
