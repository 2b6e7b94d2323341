import { splitList } from '../split-list';

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
