// Writes a membership plan group by group with the replace-all update: each group is read again
// right before its write, skipped if it changed since the plan, and the run stops at the first
// refusal or, between groups, when the user asks. Calls run one after another (the HasOffers
// call budget is shared by every user).
import { toApiError, type ApiError } from '@/lib/api-error';
import { toPayload, unchangedSince, type GroupForm, type PlanEntry } from '../model';
import { getCashflowGroup, type CashflowGroupDetail } from './get-cashflow-group';
import type { CashflowGroupListRow } from './list-cashflow-groups';
import { updateCashflowGroup } from './update-cashflow-group';

export type PlannedChange = Extract<PlanEntry, { kind: 'change' }>;

export type GroupOutcome =
  /** Not reached yet: the run is still going. */
  | { id: string; name: string; status: 'waiting' }
  /** `after` is what was written (replace-all), so the group's new state is known unread. */
  | { id: string; name: string; status: 'saved'; after: GroupForm }
  /** `current`: the group as read before the write (null: deleted), left as it was. */
  | {
      id: string;
      name: string;
      status: 'changed-meanwhile';
      message: string;
      current: CashflowGroupDetail | null;
    }
  | { id: string; name: string; status: 'failed'; error: ApiError }
  /** Never read nor written: a refusal ended the run, or the user stopped it. */
  | { id: string; name: string; status: 'not-attempted'; reason: 'refusal' | 'stopped' };

export interface MembershipIo {
  read: (id: string, signal?: AbortSignal) => Promise<CashflowGroupDetail | null>;
  write: (id: string, change: PlannedChange, signal?: AbortSignal) => Promise<void>;
}

export const membershipIo: MembershipIo = {
  read: getCashflowGroup,
  write: (id, change, signal) =>
    updateCashflowGroup(
      id,
      {
        name: change.after.name,
        description: change.after.description,
        payload: toPayload(change.after),
      },
      signal,
      // The history tells these apart from hand edits (and can be filtered by them).
      { kind: 'bulk-membership' },
    ),
};

export interface ApplyOptions {
  io?: MembershipIo;
  /**
   * "Stop after this group": looked at only between groups. It is never passed to a call: an
   * update aborted on the way may still be applied upstream, and its outcome would be unknown.
   */
  stop?: AbortSignal;
}

export interface MembershipRun {
  outcomes: GroupOutcome[];
  /** The user stopped the run before every group was reached. */
  stopped: boolean;
}

export async function applyMembership(
  changes: readonly PlannedChange[],
  onProgress: (outcomes: GroupOutcome[]) => void,
  { io = membershipIo, stop }: ApplyOptions = {},
): Promise<MembershipRun> {
  const outcomes: GroupOutcome[] = changes.map(({ id, name }) => ({ id, name, status: 'waiting' }));
  const set = (i: number, o: GroupOutcome) => {
    outcomes[i] = o;
    onProgress([...outcomes]);
  };
  let stopped = false;
  for (const [i, change] of changes.entries()) {
    if (stop?.aborted) {
      stopped = true;
      break;
    }
    const { id, name } = change;
    let current: CashflowGroupDetail | null;
    try {
      current = await io.read(id);
    } catch (e) {
      set(i, { id, name, status: 'failed', error: toApiError(e) });
      break;
    }
    if (
      !current ||
      !unchangedSince(current, { id, modified: change.modified, form: change.before })
    ) {
      // Never overwrite someone else's change: the diff shown was made from the older state.
      set(i, {
        id,
        name,
        status: 'changed-meanwhile',
        message: current
          ? 'changed by someone else since it was read'
          : 'deleted since it was read',
        current,
      });
      continue;
    }
    try {
      await io.write(id, change);
      set(i, { id, name, status: 'saved', after: change.after });
    } catch (e) {
      // Not retried: a write that may have reached the network is never sent twice.
      set(i, { id, name, status: 'failed', error: toApiError(e) });
      break;
    }
  }
  const reason = stopped ? 'stopped' : 'refusal';
  const final = outcomes.map((o): GroupOutcome =>
    o.status === 'waiting' ? { id: o.id, name: o.name, status: 'not-attempted', reason } : o,
  );
  onProgress(final);
  return { outcomes: final, stopped };
}

function listRow(
  id: string,
  modified: string,
  form: Pick<GroupForm, 'name' | 'description' | 'rules' | 'affiliateMode' | 'affiliateIds'>,
): CashflowGroupListRow {
  return {
    id,
    name: form.name,
    description: form.description,
    modified,
    rules: form.rules,
    affiliateIds: form.affiliateMode === 'all' ? [] : form.affiliateIds,
  };
}

/**
 * What a run tells about each group it reached, as list rows (null: deleted): a saved group is
 * what was written (replace-all), a skipped one what its re-read found. Refused groups are left
 * out: their state is what it was, or unknown.
 */
export function rowsLearnt(
  outcomes: readonly GroupOutcome[],
): Map<string, CashflowGroupListRow | null> {
  const known = new Map<string, CashflowGroupListRow | null>();
  for (const o of outcomes) {
    if (o.status === 'saved') {
      // HasOffers' new `modified` is not in the update's answer. Nothing reads it from the list:
      // a later plan reads each group whole, and the edit page reads its own.
      known.set(o.id, listRow(o.id, '', o.after));
    } else if (o.status === 'changed-meanwhile') {
      known.set(o.id, o.current && listRow(o.id, o.current.modified, o.current.form));
    }
  }
  return known;
}
