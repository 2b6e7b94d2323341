// A recorded change in words: what it was, who, when, and whether it took effect.
import type { Change, ChangeKind } from '../api/schemas';

export function kindLabel(change: Pick<Change, 'kind' | 'restoredFrom'>): string {
  switch (change.kind) {
    case 'create':
      return 'Created';
    case 'update':
      return 'Edited';
    case 'clone':
      return 'Created as a clone';
    case 'restore':
      return change.restoredFrom === null
        ? 'Restored an earlier version'
        : `Restored version #${change.restoredFrom}`;
    case 'bulk-membership':
      return 'Affiliates added or removed in bulk';
    case 'seen':
      return 'First read by the dashboard';
    case 'outside':
      return 'Changed outside the dashboard';
  }
}

/** The Activity filter's words for each kind: what a user looks for, not one change's line. */
export const KIND_FILTER_LABELS: Record<ChangeKind, string> = {
  create: 'Created',
  update: 'Edited',
  clone: 'Created as a clone',
  restore: 'Restored',
  'bulk-membership': 'Bulk affiliate changes',
  seen: 'First read',
  outside: 'Changed outside the dashboard',
};

/** Who: a user made the write; for a state read, the user whose read noticed it. */
export function whoLabel(change: Pick<Change, 'kind' | 'user'>): string {
  return change.kind === 'seen' || change.kind === 'outside'
    ? `noticed by ${change.user}`
    : `by ${change.user}`;
}

export function stateLabel(change: Pick<Change, 'state'>): string | undefined {
  switch (change.state) {
    case 'done':
      return undefined;
    case 'pending':
      return 'sending or interrupted: outcome not recorded';
    case 'failed':
      return 'not saved: HasOffers refused it';
    case 'unknown':
      return 'outcome unknown: check the group';
  }
}

export function formatWhen(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A version: a state of the group as recorded (a write read back, or a state read). */
export function isVersion(
  change: Change,
): change is Change & { group: NonNullable<Change['group']> } {
  return change.state === 'done' && change.group !== null;
}
