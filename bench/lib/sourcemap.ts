// Attributes a minified file's characters to its source modules through its source map (a small
// VLQ decoder, no dependency): which module costs how many bytes after minification.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64_VALUE.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ digit ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export interface RawSourceMap {
  sources: string[];
  mappings: string;
}

/**
 * Characters of `code` per source (index into map.sources; -1 = not mapped to any source).
 * A segment owns the generated columns up to the next segment on its line.
 */
export function charsPerSource(code: string, map: RawSourceMap): Map<number, number> {
  const lines = code.split('\n');
  const result = new Map<number, number>();
  const add = (source: number, n: number) => result.set(source, (result.get(source) ?? 0) + n);
  let source = 0;
  const mappingLines = map.mappings.split(';');
  lines.forEach((line, i) => {
    const segments = (mappingLines[i] ?? '').split(',').filter((s) => s !== '');
    let column = 0;
    const starts: { column: number; source: number }[] = [];
    for (const seg of segments) {
      const fields = decodeVlq(seg);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        starts.push({ column, source });
      } else {
        starts.push({ column, source: -1 });
      }
      // Fields 2, 3 (and 4) are relative to the previous segment with a source; only the source
      // index matters here, but the others must still be consumed in order: done by decodeVlq.
    }
    if (starts.length === 0) {
      add(-1, line.length + 1);
      return;
    }
    const first = starts[0]?.column ?? 0;
    if (first > 0) add(-1, first);
    starts.forEach((s, k) => {
      const end = k + 1 < starts.length ? (starts[k + 1]?.column ?? line.length) : line.length;
      add(s.source, Math.max(0, end - s.column));
    });
    add(-1, 1); // the newline
  });
  return result;
}

/** A readable module name: `react-dom/cjs/…` for packages, `src/…` for ours. */
export function moduleName(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm !== -1) return source.slice(nm + 'node_modules/'.length);
  const src = source.indexOf('/src/');
  if (src !== -1) return source.slice(src + 1);
  return source.replace(/^(\.\.\/)+/, '');
}

/** The package a module belongs to (`@mui/material`), or `src/<folder>` for ours. */
export function packageName(module: string): string {
  if (module.startsWith('src/')) return module.split('/').slice(0, 3).join('/');
  const parts = module.split('/');
  return module.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? module);
}
