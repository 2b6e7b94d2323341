// Removes members from a JSON text without re-encoding the rest of it.
// Why: HasOffers' id-keyed maps carry their sort order in key order, which JSON.parse +
// JSON.stringify would destroy (integer-like keys come first, ascending).

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any object key spelled `name` (case-insensitive), deep. */
function hasKey(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, name));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(
      ([k, v]) => k.toLowerCase() === name.toLowerCase() || hasKey(v, name),
    );
  }
  return false;
}

function withoutKey(value: unknown, name: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKey(v, name));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k.toLowerCase() !== name.toLowerCase())
        .map(([k, v]) => [k, withoutKey(v, name)]),
    );
  }
  return value;
}

/**
 * Deletes every member named `name` (any case) whose value is a scalar, from the JSON `text`,
 * leaving everything else byte for byte. The result is checked by parsing: if the text edit did
 * not remove exactly those members (an object value, odd escaping), it falls back to parsing and
 * re-encoding, which is always correct but loses the order of integer-like keys.
 */
export function removeJsonMembers(text: string, name: string): string {
  const original = JSON.parse(text) as unknown;
  if (!hasKey(original, name)) return text;
  // A key is a `"` not preceded by a backslash; inside a JSON string a quote is always `\"`.
  const member = `"${escapeRegExp(name)}"\\s*:\\s*(?:"(?:[^"\\\\]|\\\\.)*"|-?\\d[\\d.eE+-]*|null|true|false)`;
  const pattern = new RegExp(`(,\\s*)?(?<!\\\\)${member}(\\s*,)?`, 'gi');
  const edited = text.replace(pattern, (_m, before?: string, after?: string) =>
    before !== undefined && after !== undefined ? ',' : '',
  );
  const expected = JSON.stringify(withoutKey(original, name));
  try {
    if (JSON.stringify(JSON.parse(edited)) === expected) return edited;
  } catch {
    // fall through
  }
  return expected;
}
