// The embedded engine's call budget (ExclusiveCallBudget): decided from memory, but every grant
// is in the database before its call may go, and a burst is written in a few statements.
import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallBudgetRepository, ExclusiveCallBudget } from '../call-budget';
import type { Storage } from '../db';
import { memoryTestStorage } from '../test-engines';

/** Counts the statements of each kind a ledger sends. */
class StatementCounter implements KyselyPlugin {
  readonly counts: Record<string, number> = {};
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.counts[node.kind] = (this.counts[node.kind] ?? 0) + 1;
    return node;
  }
  transformResult: KyselyPlugin['transformResult'] = async ({ result }) => result;
}

let storage: Storage;
beforeAll(async () => {
  storage = await memoryTestStorage();
}, 60_000);
afterAll(async () => {
  await storage.close();
});

const request = { limit: 10, windowMs: 10_000, leaseMs: 5_000 };

describe('ExclusiveCallBudget', () => {
  it('grants exactly the limit of a concurrent burst, in one INSERT, each slot stored before it is granted', async () => {
    const counter = new StatementCounter();
    const budget = new ExclusiveCallBudget(storage.db.withPlugin(counter));
    // Whatever the database holds, read as a second process would.
    const stored = async () =>
      Number(
        (
          await storage.db
            .selectFrom('call_slots')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('budget', '=', 'burst')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const seen: number[] = [];
    const grants = await Promise.all(
      Array.from({ length: 60 }, () =>
        budget.take('burst', { ...request, now: 1_000 }).then(async (g) => {
          if (g.granted) seen.push(await stored());
          return g;
        }),
      ),
    );
    expect(grants.filter((g) => g.granted)).toHaveLength(10);
    expect(Math.min(...seen)).toBe(10);
    expect(grants.find((g) => !g.granted)).toEqual({
      granted: false,
      frees: [],
      inFlight: 10,
      until: 11_000,
    });
    // One budget row insert and one slot insert for the whole burst: the refusals cost nothing.
    expect(counter.counts.InsertQueryNode).toBe(2);

    const ids = grants.flatMap((g) => (g.granted ? [g.id] : []));
    const before = counter.counts.UpdateQueryNode ?? 0;
    await Promise.all(ids.map((id) => budget.release(id, 3_000, request.windowMs)));
    expect((counter.counts.UpdateQueryNode ?? 0) - before).toBe(1);
    const rows = await storage.db
      .selectFrom('call_slots')
      .select(['ended_at', 'expires_at'])
      .where('budget', '=', 'burst')
      .execute();
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(row).toEqual({ ended_at: 3_000, expires_at: 13_000 });
  });

  it('a restart counts the slots the last process took; the database-locked ledger agrees', async () => {
    const first = new ExclusiveCallBudget(storage.db);
    for (let i = 0; i < 4; i++) {
      expect(await first.take('restart', { ...request, limit: 4, now: 1_000 })).toMatchObject({
        granted: true,
      });
    }
    const next = new ExclusiveCallBudget(storage.db);
    expect(await next.take('restart', { ...request, limit: 4, now: 2_000 })).toMatchObject({
      granted: false,
      inFlight: 4,
    });
    const locked = new CallBudgetRepository(storage.db);
    expect(await locked.take('restart', { ...request, limit: 4, now: 2_000 })).toMatchObject({
      granted: false,
      inFlight: 4,
    });
    // Never released (the process died): the lease ends them.
    expect(await next.take('restart', { ...request, limit: 4, now: 1_000 + 15_000 })).toMatchObject(
      { granted: true },
    );
  });

  it('a grant whose slot cannot be stored is refused with StorageUnavailable, and frees its place', async () => {
    const local = await memoryTestStorage();
    const budget = new ExclusiveCallBudget(local.db);
    try {
      expect(await budget.take('lost', { ...request, limit: 1, now: 1_000 })).toMatchObject({
        granted: true,
      });
      await local.db.schema.dropTable('call_slots').cascade().execute();
      await expect(budget.take('lost', { ...request, limit: 2, now: 1_000 })).rejects.toMatchObject(
        { code: 'StorageUnavailable' },
      );
      // The failed grant's reservation is gone: one slot used of two, not two.
      await local.db.schema
        .createTable('call_slots')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('budget', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      expect(await budget.take('lost', { ...request, limit: 2, now: 1_000 })).toMatchObject({
        granted: true,
      });
    } finally {
      await local.close();
    }
  });
});
