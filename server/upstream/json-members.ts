// Removes members from a JSON text without re-encoding the rest of it.
// Why: HasOffers' id-keyed maps carry their sort order in key order, which JSON.parse +
// JSON.stringify would destroy (integer-like keys come first, ascending).

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any object key spelled `name` (already lower case), deep. */
function hasKey(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, name));
  if (typeof value === 'object' && value !== null) {
    for (const k in value) {
      if (k.toLowerCase() === name) return true;
      if (hasKey((value as Record<string, unknown>)[k], name)) return true;
    }
  }
  return false;
}

function withoutKey(value: unknown, name: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKey(v, name));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k.toLowerCase() !== name)
        .map(([k, v]) => [k, withoutKey(v, name)]),
    );
  }
  return value;
}

/**
 * `edited` is `original` without its members named `name` (lower case), and otherwise equal:
 * the same keys in the same order, the same values. What comparing the two re-encodings would
 * say, without building them.
 */
function equalWithout(original: unknown, edited: unknown, name: string): boolean {
  if (Array.isArray(original)) {
    if (!Array.isArray(edited) || edited.length !== original.length) return false;
    return original.every((v, i) => equalWithout(v, edited[i], name));
  }
  if (typeof original === 'object' && original !== null) {
    if (typeof edited !== 'object' || edited === null || Array.isArray(edited)) return false;
    const o = original as Record<string, unknown>;
    const e = edited as Record<string, unknown>;
    const kept = Object.keys(o).filter((k) => k.toLowerCase() !== name);
    const keys = Object.keys(e);
    if (keys.length !== kept.length) return false;
    return kept.every((k, i) => keys[i] === k && equalWithout(o[k], e[k], name));
  }
  return original === edited;
}

/**
 * Deletes every member named `name` (any case) whose value is a scalar, from the JSON `text`,
 * leaving everything else byte for byte. The result is checked by parsing: if the text edit did
 * not remove exactly those members (an object value, odd escaping), it falls back to parsing and
 * re-encoding, which is always correct but loses the order of integer-like keys.
 * `parsed` is `JSON.parse(text)` when the caller has it already.
 */
export function removeJsonMembers(
  text: string,
  name: string,
  parsed: unknown = JSON.parse(text),
): string {
  const lower = name.toLowerCase();
  if (!hasKey(parsed, lower)) return text;
  // A key is a `"` not preceded by a backslash; inside a JSON string a quote is always `\"`.
  const member = `"${escapeRegExp(name)}"\\s*:\\s*(?:"(?:[^"\\\\]|\\\\.)*"|-?\\d[\\d.eE+-]*|null|true|false)`;
  const pattern = new RegExp(`(,\\s*)?(?<!\\\\)${member}(\\s*,)?`, 'gi');
  const edited = text.replace(pattern, (_m, before?: string, after?: string) =>
    before !== undefined && after !== undefined ? ',' : '',
  );
  try {
    if (equalWithout(parsed, JSON.parse(edited), lower)) return edited;
  } catch {
    // fall through
  }
  return JSON.stringify(withoutKey(parsed, lower));
}
