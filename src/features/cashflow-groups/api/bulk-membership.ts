// Writes a membership plan group by group with the replace-all update: each group is read again
// right before its write, skipped if it changed since the plan, and the run stops at the first
// refusal. Calls run one after another (the HasOffers call budget is shared by every user).
import { toApiError, type ApiError } from '@/lib/api-error';
import { toPayload, unchangedSince, type PlanEntry } from '../model';
import { getCashflowGroup, type CashflowGroupDetail } from './get-cashflow-group';
import { updateCashflowGroup } from './update-cashflow-group';

export type PlannedChange = Extract<PlanEntry, { kind: 'change' }>;

export type GroupOutcome =
  | { id: string; name: string; status: 'saved' }
  | { id: string; name: string; status: 'changed-meanwhile'; message: string }
  | { id: string; name: string; status: 'failed'; error: ApiError }
  | { id: string; name: string; status: 'not-attempted' };

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
    ),
};

export async function applyMembership(
  changes: readonly PlannedChange[],
  onProgress: (outcomes: GroupOutcome[]) => void,
  io: MembershipIo = membershipIo,
  signal?: AbortSignal,
): Promise<GroupOutcome[]> {
  const outcomes: GroupOutcome[] = changes.map(({ id, name }) => ({
    id,
    name,
    status: 'not-attempted',
  }));
  const set = (i: number, o: GroupOutcome) => {
    outcomes[i] = o;
    onProgress([...outcomes]);
  };
  for (const [i, change] of changes.entries()) {
    const { id, name } = change;
    let current: CashflowGroupDetail | null;
    try {
      current = await io.read(id, signal);
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
      });
      continue;
    }
    try {
      await io.write(id, change, signal);
      set(i, { id, name, status: 'saved' });
    } catch (e) {
      // Not retried: a write that may have reached the network is never sent twice.
      set(i, { id, name, status: 'failed', error: toApiError(e) });
      break;
    }
  }
  return outcomes;
}
