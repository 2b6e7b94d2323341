// A call budget shared by every BFF process on the database: slot rows granted one at a time
// under a lock on the budget's row, so two processes can never both take the last slot.
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { guard } from './unavailable';

export interface SlotRequest {
  now: number;
  limit: number;
  windowMs: number;
  /**
   * How long a call may run before its slot is taken as ended (a process that died mid-call
   * never releases it). Longer than any call can last: the upstream timeout and a margin.
   */
  leaseMs: number;
}

export type SlotGrant =
  | { granted: true; id: number }
  | {
      granted: false;
      /** When each finished call's slot frees, earliest first. */
      frees: number[];
      /** Calls still running (their slots free one window after they end). */
      inFlight: number;
      /**
       * No slot of this budget can free before this, in any process: a finished call's slot
       * frees at its expiry, a running one at the earliest one window from now (or at its lease).
       * Until then a caller need not ask the database again.
       */
      until: number;
    };

export class CallBudgetRepository {
  private readonly known = new Set<string>();

  constructor(private readonly db: Kysely<Database>) {}

  take(budget: string, request: SlotRequest): Promise<SlotGrant> {
    const { now, limit, windowMs, leaseMs } = request;
    return guard(async () => {
      if (!this.known.has(budget)) {
        await this.db
          .insertInto('call_budgets')
          .values({ name: budget })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
        this.known.add(budget);
      }
      return this.db.transaction().execute(async (trx): Promise<SlotGrant> => {
        // Every grant on this budget, in every process, waits here for the one before it.
        await trx
          .selectFrom('call_budgets')
          .select('name')
          .where('name', '=', budget)
          .forUpdate()
          .executeTakeFirstOrThrow();
        await trx
          .deleteFrom('call_slots')
          .where('budget', '=', budget)
          .where('expires_at', '<=', now)
          .execute();
        const slots = await trx
          .selectFrom('call_slots')
          .select(['ended_at', 'expires_at'])
          .where('budget', '=', budget)
          .orderBy('expires_at')
          .execute();
        if (slots.length < limit) {
          const row = await trx
            .insertInto('call_slots')
            .values({
              budget,
              granted_at: now,
              ended_at: null,
              expires_at: now + leaseMs + windowMs,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return { granted: true, id: row.id };
        }
        return {
          granted: false,
          frees: slots.filter((s) => s.ended_at !== null).map((s) => s.expires_at),
          inFlight: slots.filter((s) => s.ended_at === null).length,
          until: Math.min(
            ...slots.map((s) =>
              s.ended_at === null ? Math.min(s.expires_at, now + windowMs) : s.expires_at,
            ),
          ),
        };
      });
    });
  }

  /** The call ended at `now`: its slot counts for one more window. */
  release(id: number, now: number, windowMs: number): Promise<void> {
    return guard(async () => {
      await this.db
        .updateTable('call_slots')
        .set({ ended_at: now, expires_at: now + windowMs })
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .execute();
    });
  }
}
