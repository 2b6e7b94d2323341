// removeJsonMembers: drops a member by name, deep and in any case, leaving the rest byte for byte.
import { describe, expect, it } from 'vitest';
import { removeJsonMembers } from '../upstream/json-members';

describe('removeJsonMembers', () => {
  it.each([
    ['{"a":1,"NetworkToken":"x","b":2}', '{"a":1,"b":2}'],
    ['{"NetworkToken":"x","b":2}', '{"b":2}'],
    ['{"a":1, "NetworkToken" : "x\\"y" }', '{"a":1 }'],
    ['{"request":{"networktoken":null,"NETWORKTOKEN":5}}', '{"request":{}}'],
    [
      '{"a":[{"NetworkToken":true},{"c":"\\"NetworkToken\\":\\"keep\\""}]}',
      '{"a":[{},{"c":"\\"NetworkToken\\":\\"keep\\""}]}',
    ],
    ['{"no":"token here"}', '{"no":"token here"}'],
  ])('%s → %s', (input, output) => {
    expect(removeJsonMembers(input, 'NetworkToken')).toBe(output);
  });

  it('keeps the order of id-keyed maps (JSON.stringify would sort them)', () => {
    const text =
      '{"request":{"NetworkToken":"t"},"response":{"data":{"32":{"id":"32"},"4":{"id":"4"}}}}';
    expect(removeJsonMembers(text, 'NetworkToken')).toBe(
      '{"request":{},"response":{"data":{"32":{"id":"32"},"4":{"id":"4"}}}}',
    );
  });

  it('falls back to re-encoding when the key is spelled with an escape the text edit misses', () => {
    const out = removeJsonMembers('{"a":1,"Network\\u0054oken":"x","b":[2]}', 'NetworkToken');
    expect(out).toBe('{"a":1,"b":[2]}');
  });

  it('uses the parse it is given, and leaves a text without the member as it is', () => {
    const text = '{"b": 1, "a": [ 2 ]}';
    expect(removeJsonMembers(text, 'NetworkToken', JSON.parse(text))).toBe(text);
  });

  it('falls back to re-encoding when the member is not a scalar', () => {
    const out = removeJsonMembers('{"a":1,"NetworkToken":{"x":"y"}}', 'NetworkToken');
    expect(JSON.parse(out)).toEqual({ a: 1 });
  });
});
