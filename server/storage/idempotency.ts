// Idempotency records in the database: one row per (user, Idempotency-Key), claimed by the one
// process that runs the request, so a create is never sent twice, across restarts and processes.
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { guard } from './unavailable';

export type ClaimOutcome =
  /** This caller now runs the request; `afterUnknown`: an earlier attempt's outcome is unknown. */
  | { kind: 'claimed'; afterUnknown: boolean }
  | { kind: 'conflict' }
  | { kind: 'done'; result: string }
  /** Another runner holds it until `until` (then it is taken for dead). */
  | { kind: 'pending'; until: number };

export interface ClaimRequest {
  scope: string;
  key: string;
  fingerprint: string;
  /** Unique per run: only the claim's holder may settle it. */
  claim: string;
  now: number;
  ttlMs: number;
  leaseMs: number;
}

export class IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  claim(request: ClaimRequest): Promise<ClaimOutcome> {
    const { scope, key, fingerprint, claim, now, ttlMs, leaseMs } = request;
    // A new attempt's record: a new key, or one that expired or vanished meanwhile.
    const record = {
      scope,
      key,
      fingerprint,
      state: 'pending' as const,
      result: null,
      created_at: now,
      expires_at: now + ttlMs,
      claim,
      pending_until: now + leaseMs,
    };
    return guard(async () => {
      // The common case, a new key: one insert, no lock needed.
      const inserted = await this.db
        .insertInto('idempotency_records')
        .values(record)
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .returning('scope')
        .executeTakeFirst();
      if (inserted) return { kind: 'claimed', afterUnknown: false };

      return this.db.transaction().execute(async (trx): Promise<ClaimOutcome> => {
        const row = await trx
          .selectFrom('idempotency_records')
          .selectAll()
          .where('scope', '=', scope)
          .where('key', '=', key)
          .forUpdate()
          .executeTakeFirst();
        const abandoned = row?.state === 'pending' && row.pending_until <= now;
        const expired =
          row !== undefined && row.expires_at <= now && (row.state !== 'pending' || abandoned);
        if (row === undefined || expired) {
          // Gone meanwhile, or expired: a new record (an expired key is a new request).
          await trx
            .insertInto('idempotency_records')
            .values(record)
            .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet(record))
            .execute();
          return { kind: 'claimed', afterUnknown: false };
        }
        if (row.fingerprint !== fingerprint) return { kind: 'conflict' };
        if (row.state === 'done' && row.result !== null)
          return { kind: 'done', result: row.result };
        if (row.state === 'pending' && !abandoned)
          return { kind: 'pending', until: row.pending_until };
        // Unknown, or pending under a runner that died (a restart mid-call): as unsure as unknown.
        await trx
          .updateTable('idempotency_records')
          .set({ state: 'pending', claim, pending_until: now + leaseMs })
          .where('scope', '=', scope)
          .where('key', '=', key)
          .execute();
        return { kind: 'claimed', afterUnknown: true };
      });
    });
  }

  /** Records how the claimed run ended; does nothing if the claim was lost (taken for dead). */
  settle(
    scope: string,
    key: string,
    claim: string,
    outcome: { state: 'done'; result: string } | { state: 'unknown' } | { state: 'forget' },
  ): Promise<void> {
    return guard(async () => {
      if (outcome.state === 'forget') {
        await this.db
          .deleteFrom('idempotency_records')
          .where('scope', '=', scope)
          .where('key', '=', key)
          .where('claim', '=', claim)
          .execute();
        return;
      }
      await this.db
        .updateTable('idempotency_records')
        .set({
          state: outcome.state,
          result: outcome.state === 'done' ? outcome.result : null,
          claim: null,
          pending_until: 0,
        })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('claim', '=', claim)
        .execute();
    });
  }

  /**
   * Every pending record becomes unknown: for the embedded engine at start-up, where the data
   * folder has one process at a time, so whatever was pending belongs to a process that died.
   * (On PostgreSQL other processes may be running them: there the lease decides.)
   */
  abandonAllPending(): Promise<number> {
    return guard(async () => {
      const result = await this.db
        .updateTable('idempotency_records')
        .set({ state: 'unknown', claim: null, pending_until: 0 })
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    });
  }

  /** Expired records go; then the oldest settled ones past `maxEntries`. */
  prune(now: number, maxEntries: number): Promise<void> {
    return guard(async () => {
      await this.db
        .deleteFrom('idempotency_records')
        .where('expires_at', '<=', now)
        .where((eb) => eb.or([eb('state', '!=', 'pending'), eb('pending_until', '<=', now)]))
        .execute();
      await this.db
        .deleteFrom('idempotency_records')
        .where('state', '!=', 'pending')
        .where(({ eb, refTuple, selectFrom }) =>
          eb(
            refTuple('scope', 'key'),
            'in',
            selectFrom('idempotency_records')
              .select(['scope', 'key'])
              .orderBy('seq', 'desc')
              .offset(maxEntries)
              .$asTuple('scope', 'key'),
          ),
        )
        .execute();
    });
  }

  count(): Promise<number> {
    return guard(async () => {
      const row = await this.db
        .selectFrom('idempotency_records')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
  }
}
