// Reads query/form parameters the way PHP fills $_GET/$_POST: `fields[]=id`, `filters[id][]=2`,
// `filters[company][LIKE]=%acme%` become nested arrays and maps, as the HasOffers server sees them.

export type PhpParam = string | PhpParam[] | { [key: string]: PhpParam };
export type PhpParams = Record<string, PhpParam>;

/** A PHP array: an ordered map whose `[]` pushes use the next integer key. */
class PhpArray {
  readonly entries = new Map<string, PhpArray | string>();
  private nextIndex = 0;

  push(value: PhpArray | string): void {
    this.set(String(this.nextIndex), value);
  }

  set(key: string, value: PhpArray | string): void {
    this.entries.set(key, value);
    if (/^(0|-?[1-9]\d*)$/.test(key)) {
      this.nextIndex = Math.max(this.nextIndex, Number(key) + 1);
    }
  }

  /** The child container at `key` (null = `[]`), replacing a scalar there as PHP does. */
  child(key: string | null): PhpArray {
    if (key !== null) {
      const existing = this.entries.get(key);
      if (existing instanceof PhpArray) return existing;
    }
    const created = new PhpArray();
    if (key === null) this.push(created);
    else this.set(key, created);
    return created;
  }

  /** Like json_encode: a list when the keys are exactly 0..n-1 in order, else a map. */
  toPlain(): PhpParam {
    const keys = [...this.entries.keys()];
    const plain = (v: PhpArray | string): PhpParam => (typeof v === 'string' ? v : v.toPlain());
    if (keys.every((k, i) => k === String(i))) {
      return [...this.entries.values()].map(plain);
    }
    const out: Record<string, PhpParam> = {};
    for (const [k, v] of this.entries) out[k] = plain(v);
    return out;
  }
}

/**
 * Splits `name[a][b][]` into the base name and its bracket keys (null for `[]`). As in PHP,
 * the name ends at a NUL, leading spaces are dropped, spaces and dots in the base name become
 * underscores, an unclosed `[` is kept as `_` in the
 * name, and anything after the last complete bracket group is ignored.
 */
export function splitPhpKey(rawName: string): { base: string; keys: (string | null)[] } {
  // PHP's variable names are C strings: a NUL ends the name (`Method%00x` is `Method`).
  // Leading spaces are dropped.
  const name = (rawName.split('\0')[0] ?? '').replace(/^ +/, '');
  const open = name.indexOf('[');
  const mangle = (s: string): string => s.replace(/[ .]/g, '_');
  // PHP drops a parameter whose name starts with a bracket: it has no variable name.
  if (open === 0) return { base: '', keys: [] };
  if (open === -1 || name.indexOf(']', open) === -1) {
    return { base: mangle(name).replace(/\[/g, '_'), keys: [] };
  }
  const base = mangle(name.slice(0, open));
  const keys: (string | null)[] = [];
  let i = open;
  while (i < name.length && name[i] === '[') {
    const close = name.indexOf(']', i);
    if (close === -1) break;
    const key = name.slice(i + 1, close);
    keys.push(key === '' ? null : key);
    i = close + 1;
  }
  return { base, keys };
}

/** Builds PHP's nested parameters; later scalars overwrite earlier ones, as in PHP. */
export function parsePhpParams(entries: Iterable<[string, string]>): PhpParams {
  const root = new PhpArray();
  for (const [name, value] of entries) {
    const { base, keys } = splitPhpKey(name);
    if (base === '') continue;
    if (keys.length === 0) {
      root.set(base, value);
      continue;
    }
    let node = root.child(base);
    keys.forEach((key, index) => {
      if (index === keys.length - 1) {
        if (key === null) node.push(value);
        else node.set(key, value);
      } else {
        node = node.child(key);
      }
    });
  }
  const out: PhpParams = {};
  for (const [k, v] of root.entries) out[k] = typeof v === 'string' ? v : v.toPlain();
  return out;
}

/** The value at `key` when it is a plain string (PHP would see an array otherwise). */
export function stringParam(params: PhpParams, key: string): string | undefined {
  const v = params[key];
  return typeof v === 'string' ? v : undefined;
}

export function isParamMap(value: PhpParam | undefined): value is { [key: string]: PhpParam } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
