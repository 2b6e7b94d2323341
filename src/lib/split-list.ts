// Lists typed or pasted into one box: splitting them into entries, and adding entries to a list.

/** What separates entries unless told otherwise: white space, commas and semicolons. */
const DEFAULT_SEPARATORS = /[\s,;]+/;

/**
 * Splits a pasted list ("a, b c\nd;e") into trimmed, de-duplicated entries, order kept.
 * `separators` for lists whose entries may hold what the default splits on (a space, say).
 */
export function splitList(text: string, separators: RegExp = DEFAULT_SEPARATORS): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(separators)) {
    const item = raw.trim();
    if (item && !seen.has(item)) {
      seen.add(item);
      out.push(item);
    }
  }
  return out;
}

/** `values` with `added` appended, each once, in order. */
export function addUnique(values: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(values);
  const out = [...values];
  for (const v of added) {
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}
