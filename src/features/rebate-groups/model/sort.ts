// Pure operations on the list's sort keys: header clicks, and the sort panel's edits.
import type { SortDirection, SortField, SortKey } from './view';

const NEXT: Record<SortDirection | 'off', SortDirection | 'off'> = {
  off: 'asc',
  asc: 'desc',
  desc: 'off',
};

export function directionOf(ordering: readonly SortKey[], field: SortField): SortDirection | 'off' {
  return ordering.find((k) => k.field === field)?.direction ?? 'off';
}

/**
 * A header click. Plain: sort by this column alone. When it already is the only key the click
 * cycles asc → desc → off; from any other state (unsorted, or one of several keys) it starts at
 * asc, so a click never silently drops a multi-column sort to nothing.
 * Shift: the asc → desc → off cycle for this column only, in place, keeping the other keys; a new
 * column is appended as the last, least significant key.
 */
export function cycleSort(
  ordering: readonly SortKey[],
  field: SortField,
  additive: boolean,
): SortKey[] {
  const next = NEXT[directionOf(ordering, field)];
  if (!additive) {
    const alone = ordering.length === 1 && ordering[0]?.field === field;
    if (!alone) return [{ field, direction: 'asc' }];
    return next === 'off' ? [] : [{ field, direction: next }];
  }
  if (next === 'off') return removeSort(ordering, field);
  if (ordering.some((k) => k.field === field)) {
    return ordering.map((k) => (k.field === field ? { field, direction: next } : k));
  }
  return [...ordering, { field, direction: next }];
}

export function toggleDirection(ordering: readonly SortKey[], field: SortField): SortKey[] {
  return ordering.map((k) =>
    k.field === field ? { field, direction: k.direction === 'asc' ? 'desc' : 'asc' } : k,
  );
}

export function removeSort(ordering: readonly SortKey[], field: SortField): SortKey[] {
  return ordering.filter((k) => k.field !== field);
}

export function addSort(
  ordering: readonly SortKey[],
  field: SortField,
  direction: SortDirection = 'asc',
): SortKey[] {
  if (ordering.some((k) => k.field === field)) return [...ordering];
  return [...ordering, { field, direction }];
}

/** Moves a key one place earlier (-1) or later (+1); out-of-range moves change nothing. */
export function moveSort(ordering: readonly SortKey[], field: SortField, by: -1 | 1): SortKey[] {
  const from = ordering.findIndex((k) => k.field === field);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ordering.length) return [...ordering];
  const out = [...ordering];
  const [moved] = out.splice(from, 1);
  if (moved) out.splice(to, 0, moved);
  return out;
}
