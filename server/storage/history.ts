// The change history of cashflow groups in the database: intents, outcomes, states seen, queries.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, GroupChangeKind, GroupChangeState, GroupChangesTable } from './schema';
import { guard } from './unavailable';

export type { GroupChangeKind, GroupChangeState };
/** Kinds a dashboard write may carry (the rest are states read, not written). */
export type WriteKind = Extract<
  GroupChangeKind,
  'create' | 'update' | 'clone' | 'restore' | 'bulk-membership'
>;

/** A group as HasOffers stores it, normalised (see server/history/snapshot.ts). */
export interface GroupSnapshot {
  name: string;
  description: string;
  /** HasOffers' `modified`, when the answer had one. */
  modified?: string;
  rules: { field: string; operator: string; value: string[]; negate: 0 | 1 }[];
  /** Empty: every affiliate. */
  affiliates: { id: string; company?: string }[];
}

/** The write as sent upstream, without the token. */
export interface RecordedRequest {
  Target: string;
  Method: string;
  /** The group id, for an update. */
  id?: string;
  name: string;
  description: string;
  rules_json: string;
  affiliate_ids_json: string;
}

export interface GroupChange {
  id: number;
  groupId: string | null;
  kind: GroupChangeKind;
  user: string;
  requestedAt: number;
  state: GroupChangeState;
  request: RecordedRequest | null;
  restoredFrom: number | null;
  outcomeAt: number | null;
  answer: string | null;
  snapshot: GroupSnapshot | null;
  fingerprint: string | null;
}

/** Every kind, for validating a filter (the kind column's check lists the same, 0003). */
export const GROUP_CHANGE_KINDS = [
  'create',
  'update',
  'clone',
  'restore',
  'bulk-membership',
  'seen',
  'outside',
] as const satisfies readonly GroupChangeKind[];

export interface ChangeFilter {
  user?: string;
  kind?: GroupChangeKind;
  groupId?: string;
  /** Inclusive, ms. */
  from?: number;
  /** Exclusive, ms. */
  to?: number;
}

export type ObserveResult =
  /** The first state recorded for this group. */
  | 'seen'
  /** Differs from the last recorded state: recorded as changed outside the dashboard. */
  | 'outside'
  /** Same as the last recorded state: nothing recorded. */
  | 'same'
  /** A write of ours is in flight for this group: its own read-back will record the state. */
  | 'busy';

/** A pending write older than this is taken for one whose process died: it no longer blocks. */
const PENDING_BLOCKS_MS = 5 * 60_000;

function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function toChange(row: Selectable<GroupChangesTable>): GroupChange {
  return {
    id: row.id,
    groupId: row.group_id,
    kind: row.kind,
    user: row.user_name,
    requestedAt: row.requested_at,
    state: row.state,
    request: parseJson<RecordedRequest>(row.request),
    restoredFrom: row.restored_from,
    outcomeAt: row.outcome_at,
    answer: row.answer,
    snapshot: parseJson<GroupSnapshot>(row.snapshot),
    fingerprint: row.fingerprint,
  };
}

export class HistoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a write before it is sent; returns its id. Throws StorageUnavailableError. */
  begin(intent: {
    kind: WriteKind;
    user: string;
    at: number;
    groupId: string | null;
    request: RecordedRequest;
    restoredFrom: number | null;
  }): Promise<number> {
    return guard(async () => {
      const row = await this.db
        .insertInto('group_changes')
        .values({
          group_id: intent.groupId,
          kind: intent.kind,
          user_name: intent.user,
          requested_at: intent.at,
          state: 'pending',
          request: JSON.stringify(intent.request),
          restored_from: intent.restoredFrom,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
  }

  /** Records a write's outcome and, when read back, the group as it now is. */
  finish(
    id: number,
    outcome: {
      state: Exclude<GroupChangeState, 'pending'>;
      at: number;
      answer: string | null;
      groupId?: string | undefined;
      snapshot?: { value: GroupSnapshot; fingerprint: string } | undefined;
    },
  ): Promise<void> {
    return guard(async () => {
      await this.db
        .updateTable('group_changes')
        .set({
          state: outcome.state,
          outcome_at: outcome.at,
          answer: outcome.answer,
          ...(outcome.groupId !== undefined && { group_id: outcome.groupId }),
          ...(outcome.snapshot && {
            snapshot: JSON.stringify(outcome.snapshot.value),
            fingerprint: outcome.snapshot.fingerprint,
          }),
        })
        .where('id', '=', id)
        .execute();
    });
  }

  /** Forgets an intent that was never sent (an idempotent create answered from its record). */
  discard(id: number): Promise<void> {
    return guard(async () => {
      await this.db.deleteFrom('group_changes').where('id', '=', id).execute();
    });
  }

  /**
   * A state of the group read from HasOffers: recorded when it differs from the last state
   * recorded here (once: the recorded state is then the last one), or when none is.
   */
  observe(
    groupId: string,
    snapshot: { value: GroupSnapshot; fingerprint: string },
    user: string,
    at: number,
  ): Promise<ObserveResult> {
    return guard(() =>
      this.db.transaction().execute(async (trx): Promise<ObserveResult> => {
        // One observer per group at a time (across processes): two readers of one changed group
        // must record it once. Released with the transaction.
        await sql`select pg_advisory_xact_lock(hashtext(${`group_changes:${groupId}`}))`.execute(
          trx,
        );
        const busy = await trx
          .selectFrom('group_changes')
          .select('id')
          .where('group_id', '=', groupId)
          .where('state', '=', 'pending')
          .where('requested_at', '>', at - PENDING_BLOCKS_MS)
          .executeTakeFirst();
        if (busy) return 'busy';
        const last = await trx
          .selectFrom('group_changes')
          .select(['fingerprint'])
          .where('group_id', '=', groupId)
          .where('state', '=', 'done')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (last && last.fingerprint === snapshot.fingerprint) return 'same';
        // A done write whose read-back failed has no state to compare with: not a drift claim.
        const kind = last && last.fingerprint !== null ? 'outside' : 'seen';
        await trx
          .insertInto('group_changes')
          .values({
            group_id: groupId,
            kind,
            user_name: user,
            requested_at: at,
            state: 'done',
            request: null,
            restored_from: null,
            outcome_at: at,
            answer: null,
            snapshot: JSON.stringify(snapshot.value),
            fingerprint: snapshot.fingerprint,
          })
          .execute();
        return kind;
      }),
    );
  }

  get(id: number): Promise<GroupChange | undefined> {
    return guard(async () => {
      const row = await this.db
        .selectFrom('group_changes')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toChange(row);
    });
  }

  /** Changes matching the filter, newest first, and how many match in all. */
  list(
    filter: ChangeFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: GroupChange[]; total: number }> {
    return guard(async () => {
      let query = this.db.selectFrom('group_changes');
      if (filter.user !== undefined) query = query.where('user_name', '=', filter.user);
      if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
      if (filter.from !== undefined) query = query.where('requested_at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('requested_at', '<', filter.to);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toChange), total: Number(count.n) };
    });
  }

  /** Everyone who has made or noticed a change, for the Activity page's user filter. */
  users(): Promise<string[]> {
    return guard(async () => {
      const rows = await this.db
        .selectFrom('group_changes')
        .select('user_name')
        .distinct()
        .orderBy('user_name')
        .execute();
      return rows.map((r) => r.user_name);
    });
  }

  /**
   * HISTORY_RETENTION_DAYS: drops changes requested before `cutoff`, but never a group's newest
   * state (drift is measured against it). Returns how many went.
   */
  purgeBefore(cutoff: number): Promise<number> {
    return guard(async () => {
      const newest = this.db
        .selectFrom('group_changes')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('state', '=', 'done')
        .where('group_id', 'is not', null)
        .groupBy('group_id');
      const result = await this.db
        .deleteFrom('group_changes')
        .where('requested_at', '<', cutoff)
        .where('id', 'not in', newest)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }
}
