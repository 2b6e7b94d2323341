import { addUnique, splitList } from '../split-list';

describe('splitList', () => {
  it.each([
    ['a,b c\nd;e', ['a', 'b', 'c', 'd', 'e']],
    ['  12 , 12, 40 ', ['12', '40']],
    ['', []],
    [',,;\n', []],
    ['spring24\r\nvip', ['spring24', 'vip']],
  ])('%j → %j', (input, expected) => {
    expect(splitList(input)).toEqual(expected);
  });
});

describe('splitList with its own separators (free-text rule values: no space)', () => {
  const VALUES = /[\n\r\t,;]+/;
  it.each([
    { text: 'a', out: ['a'] },
    { text: '  a  ', out: ['a'] },
    { text: 'summer sale', out: ['summer sale'] },
    { text: 'a,b;c\td\ne\r\nf', out: ['a', 'b', 'c', 'd', 'e', 'f'] },
    { text: ' , ;; \n', out: [] },
    { text: '', out: [] },
  ])('$text → $out', ({ text, out }) => {
    expect(splitList(text, VALUES)).toEqual(out);
  });
});

describe('addUnique', () => {
  it.each([
    { values: [], added: ['a'], out: ['a'] },
    { values: ['a'], added: ['b', 'a', 'b'], out: ['a', 'b'] },
    { values: ['a', 'b'], added: [], out: ['a', 'b'] },
    { values: ['x'], added: ['y', 'z'], out: ['x', 'y', 'z'] },
  ])('$values + $added → $out', ({ values, added, out }) => {
    expect(addUnique(values, added)).toEqual(out);
  });
});
