// Summary statistics for repeated measurements: median, p95, min and max (nearest rank).

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank quantile of sorted samples. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  // The median of an even count is the mean of the middle two.
  const mid = sorted.length / 2;
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[Math.floor(mid)] ?? Number.NaN)
        : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    n: sorted.length,
    median,
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Rounds every number of a summary (for the JSON report). */
export function rounded(s: Summary, digits = 2): Summary {
  const f = 10 ** digits;
  const r = (x: number) => Math.round(x * f) / f;
  return { n: s.n, median: r(s.median), p95: r(s.p95), min: r(s.min), max: r(s.max) };
}

/** `median (min–max)` for a table cell. */
export function fmt(s: Summary, digits = 1, unit = ''): string {
  const x = (v: number) => `${v.toFixed(digits)}${unit}`;
  return `${x(s.median)} (${x(s.min)}–${x(s.max)})`;
}
