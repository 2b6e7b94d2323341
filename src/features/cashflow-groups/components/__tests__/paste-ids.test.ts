// The "Paste IDs" box: separators, repeats, already chosen ids and entries that are no id.
import { parsePastedIds } from '../affiliates-step';

describe('parsePastedIds', () => {
  it('splits on commas, spaces and newlines, drops repeats and reports the rest', () => {
    expect(parsePastedIds('12, 40 40\n#77;0012\nabc  x-1', ['7', '40'])).toEqual({
      added: ['12', '77'],
      duplicates: 3,
      invalid: ['abc', 'x-1'],
    });
  });

  it('ignores blank input', () => {
    expect(parsePastedIds(' \n ,', [])).toEqual({ added: [], duplicates: 0, invalid: [] });
  });

  it('does not take zero as an id', () => {
    expect(parsePastedIds('0 000', []).invalid).toEqual(['0', '000']);
  });
});
