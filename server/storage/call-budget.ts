// A call budget shared by every BFF process on the database: slot rows granted one at a time
// under a lock on the budget's row, so two processes can never both take the last slot.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import { guard } from './unavailable';

/** How often a process sweeps a budget's expired slots (they are ignored meanwhile). */
const SWEEP_EVERY_MS = 1_000;

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
  /** When this process last swept each budget's expired slots. */
  private readonly swept = new Map<string, number>();

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
        // Expired slots are swept at most once per second per budget, not on every grant: the
        // count below ignores them anyway, and the sweep is a statement per call saved.
        if (now - (this.swept.get(budget) ?? -Infinity) >= SWEEP_EVERY_MS) {
          await trx
            .deleteFrom('call_slots')
            .where('budget', '=', budget)
            .where('expires_at', '<=', now)
            .execute();
          this.swept.set(budget, now);
        }
        // A count, not the rows: with a large limit (the bench's) the live slots number in the
        // thousands, and reading them all on every grant made the BFF's added p99 at 200 req/s
        // 6.2 s (bench/report.md, section 5). The rows are read only when the answer is "no".
        const { n } = await trx
          .selectFrom('call_slots')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('budget', '=', budget)
          .where('expires_at', '>', now)
          .executeTakeFirstOrThrow();
        if (Number(n) < limit) {
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
        const slots = await trx
          .selectFrom('call_slots')
          .select(['ended_at', 'expires_at'])
          .where('budget', '=', budget)
          .where('expires_at', '>', now)
          .orderBy('expires_at')
          .execute();
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

/** What the HasOffers limiter needs of a budget ledger (server/hasoffers/rate-limiter.ts). */
export type CallBudget = Pick<CallBudgetRepository, 'take' | 'release'>;

interface LiveSlot {
  endedAt: number | null;
  expiresAt: number;
}

interface BudgetState {
  slots: Map<number, LiveSlot>;
  /** Granted here, row not yet written: they count against the limit as calls in flight. */
  reserved: number;
}

interface PendingInsert {
  budget: string;
  grantedAt: number;
  expiresAt: number;
  done: (id: number) => void;
  fail: (error: unknown) => void;
}

interface PendingUpdate {
  id: number;
  endedAt: number;
  expiresAt: number;
  done: () => void;
  fail: (error: unknown) => void;
}

/**
 * The call budget of a database only this process uses (the embedded engine: its folder is
 * locked to one process). Nothing else can take a slot, so the decision is made from memory,
 * exactly; the database still holds every slot, written before the call it grants is sent, so a
 * restart knows the calls of the last window and a lost database still stops every call.
 *
 * Why not CallBudgetRepository here: PGlite runs its queries on the event loop, and that one's
 * five statements per grant plus one per release cost about 5 ms of it per call on this machine
 * (bench/report.md, BFF overhead: the added p99 at 200 req/s was 3.6 s, every request queued
 * behind the database). Here the grants and releases that arrive while the database is busy are
 * written together, one INSERT and one UPDATE per batch (group commit).
 */
export class ExclusiveCallBudget implements CallBudget {
  private readonly budgets = new Map<string, Promise<BudgetState>>();
  /** The same states, once read: what a release looks its slot up in. */
  private readonly loaded = new Map<string, BudgetState>();
  /** The latest time a caller gave: the sweep's clock (callers may keep their own). */
  private clock = -Infinity;
  private inserts: PendingInsert[] = [];
  private updates: PendingUpdate[] = [];
  private writing = false;
  private sweptAt = -Infinity;

  constructor(private readonly db: Kysely<Database>) {}

  take(budget: string, request: SlotRequest): Promise<SlotGrant> {
    const { now, limit, windowMs, leaseMs } = request;
    return guard(async () => {
      this.clock = Math.max(this.clock, now);
      const state = await this.state(budget);
      // From here to the reservation nothing awaits: no other grant can come between.
      for (const [id, slot] of state.slots) if (slot.expiresAt <= now) state.slots.delete(id);
      if (state.slots.size + state.reserved >= limit) return refusal(state, now, windowMs);
      state.reserved++;
      const expiresAt = now + leaseMs + windowMs;
      try {
        const id = await new Promise<number>((done, fail) => {
          this.inserts.push({ budget, grantedAt: now, expiresAt, done, fail });
          this.write();
        });
        state.slots.set(id, { endedAt: null, expiresAt });
        return { granted: true, id };
      } finally {
        state.reserved--;
      }
    });
  }

  release(id: number, now: number, windowMs: number): Promise<void> {
    return guard(async () => {
      this.clock = Math.max(this.clock, now);
      for (const state of this.loaded.values()) {
        const slot = state.slots.get(id);
        if (slot === undefined) continue;
        if (slot.endedAt !== null) return;
        slot.endedAt = now;
        slot.expiresAt = now + windowMs;
      }
      await new Promise<void>((done, fail) => {
        this.updates.push({ id, endedAt: now, expiresAt: now + windowMs, done, fail });
        this.write();
      });
    });
  }

  /** The budget's slots, read from the database once (a restart's included). */
  private state(budget: string): Promise<BudgetState> {
    let state = this.budgets.get(budget);
    if (state === undefined) {
      state = (async () => {
        await this.db
          .insertInto('call_budgets')
          .values({ name: budget })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
        const rows = await this.db
          .selectFrom('call_slots')
          .select(['id', 'ended_at', 'expires_at'])
          .where('budget', '=', budget)
          .execute();
        const loaded: BudgetState = {
          slots: new Map(rows.map((r) => [r.id, { endedAt: r.ended_at, expiresAt: r.expires_at }])),
          reserved: 0,
        };
        this.loaded.set(budget, loaded);
        return loaded;
      })();
      // A failed read is tried again by the next caller, not remembered.
      state.catch(() => this.budgets.delete(budget));
      this.budgets.set(budget, state);
    }
    return state;
  }

  /**
   * Writes what is pending, batch after batch, one batch at a time: what arrives while a batch
   * is written goes in the next one. Started on the next turn of the event loop, so a burst that
   * arrives together is written together.
   */
  private write(): void {
    if (this.writing) return;
    this.writing = true;
    setImmediate(() => {
      void this.drain().finally(() => {
        this.writing = false;
        // Anything queued between the drain's last look and now.
        if (this.inserts.length > 0 || this.updates.length > 0) this.write();
      });
    });
  }

  private async drain(): Promise<void> {
    while (this.inserts.length > 0 || this.updates.length > 0) {
      const inserts = this.inserts.splice(0);
      const updates = this.updates.splice(0);
      if (inserts.length > 0) {
        try {
          // PostgreSQL returns a multi-row VALUES insert's rows in the order given (what
          // Django's bulk_create relies on): row i is inserts[i]'s slot.
          const rows = await this.db
            .insertInto('call_slots')
            .values(
              inserts.map((p) => ({
                budget: p.budget,
                granted_at: p.grantedAt,
                ended_at: null,
                expires_at: p.expiresAt,
              })),
            )
            .returning('id')
            .execute();
          inserts.forEach((p, i) => {
            const row = rows[i];
            if (row === undefined) p.fail(new Error('call_slots: the insert returned fewer rows'));
            else p.done(row.id);
          });
        } catch (e) {
          for (const p of inserts) p.fail(e);
        }
      }
      if (updates.length > 0) {
        try {
          // One UPDATE for the batch: each row gets its own end (a CASE on the id).
          const each = (pick: (u: PendingUpdate) => number) =>
            sql<number>`case ${sql.ref('id')} ${sql.join(
              updates.map((u) => sql`when ${u.id} then ${pick(u)}::bigint`),
              sql` `,
            )} end`;
          await this.db
            .updateTable('call_slots')
            .set({ ended_at: each((u) => u.endedAt), expires_at: each((u) => u.expiresAt) })
            .where(
              'id',
              'in',
              updates.map((u) => u.id),
            )
            .where('ended_at', 'is', null)
            .execute();
          for (const u of updates) u.done();
        } catch (e) {
          for (const u of updates) u.fail(e);
        }
      }
      await this.sweep();
    }
  }

  /** Expired rows go at most once a second: memory already ignores them. */
  private async sweep(): Promise<void> {
    const now = this.clock;
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    try {
      await this.db.deleteFrom('call_slots').where('expires_at', '<=', now).execute();
    } catch {
      // Left for the next sweep: expired rows are ignored by every reader.
    }
  }
}

function refusal(state: BudgetState, now: number, windowMs: number): SlotGrant {
  const slots = [...state.slots.values()];
  const ended = slots.filter((s) => s.endedAt !== null).map((s) => s.expiresAt);
  const running = slots.filter((s) => s.endedAt === null);
  return {
    granted: false,
    frees: ended.sort((a, b) => a - b),
    inFlight: running.length + state.reserved,
    until: Math.min(
      ...ended,
      ...running.map((s) => Math.min(s.expiresAt, now + windowMs)),
      ...(state.reserved > 0 ? [now + windowMs] : []),
    ),
  };
}
