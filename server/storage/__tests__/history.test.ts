// The change history's repository and migration on every engine: embedded PGlite always,
// PostgreSQL whenever one is given (TEST_DATABASE_URL, or the local `test` database).
import type { Kysely } from 'kysely';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../db';
import type { GroupSnapshot, RecordedRequest } from '../history';
import { HistoryRepository } from '../history';
import { MIGRATIONS } from '../migrations';
import type { Database } from '../schema';
import {
  describeTestPostgres,
  freshSchemaName,
  memoryTestStorage,
  postgresTestStorage,
  testPostgresUrl,
} from '../test-engines';

interface Engine {
  name: string;
  storage(): Promise<Storage>;
  /** An empty schema on this engine, with a handle on it, for stepping migrations by hand. */
  emptySchema(): Promise<{ db: Kysely<Database>; schema: string }>;
}

const postgresUrl = await testPostgresUrl();
const opened: Storage[] = [];
const drops: (() => Promise<void>)[] = [];
const track = <T extends Storage>(s: T): T => {
  opened.push(s);
  return s;
};

let memoryBase: Promise<Storage> | undefined;
const engines: Engine[] = [
  {
    name: 'embedded PGlite',
    storage: async () => track(await memoryTestStorage()),
    emptySchema: async () => {
      memoryBase ??= openStorage({ engine: 'memory' }).then(track);
      const base = await memoryBase;
      const schema = freshSchemaName();
      await sql`create schema ${sql.id(schema)}`.execute(base.db);
      return { db: base.db, schema };
    },
  },
];
if (postgresUrl !== undefined) {
  engines.push({
    name: describeTestPostgres(postgresUrl),
    storage: async () => track(await postgresTestStorage(postgresUrl)),
    emptySchema: async () => {
      // A storage in its own schema gives us a pool; the migrations go in a second, empty one.
      const host = track(await postgresTestStorage(postgresUrl));
      const schema = freshSchemaName();
      await sql`create schema ${sql.id(schema)}`.execute(host.db);
      drops.push(async () => {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(host.db);
      });
      return { db: host.db, schema };
    },
  });
}

beforeAll(async () => {
  // The first PGlite of a process compiles its WebAssembly: seconds on a busy machine.
  await memoryTestStorage().then(track);
}, 60_000);
afterAll(async () => {
  for (const drop of drops) await drop().catch(() => undefined);
  for (const s of opened.reverse()) await s.close();
  if (postgresUrl === undefined) {
    console.log('history storage tests: PostgreSQL not available, skipped (set TEST_DATABASE_URL)');
  }
});

function migratorOn(db: Kysely<Database>, schema: string, names?: string[]): Migrator {
  const chosen = Object.fromEntries(
    Object.entries(MIGRATIONS).filter(([name]) => names === undefined || names.includes(name)),
  );
  const provider: MigrationProvider = {
    getMigrations: async (): Promise<Record<string, Migration>> => chosen,
  };
  return new Migrator({ db: db.withSchema(schema), provider, migrationTableSchema: schema });
}

const request = (name: string, id?: string): RecordedRequest => ({
  Target: 'CashflowGroup',
  Method: id === undefined ? 'createCashflowGroup' : 'updateCashflowGroup',
  ...(id !== undefined && { id }),
  name,
  description: 'd',
  rules_json: '[{"field":"country","operator":"IN","value":["DE"],"negate":0}]',
  affiliate_ids_json: '[]',
});

const snap = (name: string): GroupSnapshot => ({
  name,
  description: 'd',
  rules: [{ field: 'country', operator: 'IN', value: ['DE'], negate: 0 }],
  affiliates: [],
});

describe.each(engines)('$name', (engine) => {
  it('migrates an empty schema to the latest, history included', async () => {
    const { db, schema } = await engine.emptySchema();
    const { error, results } = await migratorOn(db, schema).migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => r.migrationName)).toEqual([
      '0001-initial',
      '0002-history',
      '0003-bulk-membership-kind',
    ]);
    const history = new HistoryRepository(db.withSchema(schema));
    expect(await history.list({}, { limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
    // A second in-memory PGlite compiles its WebAssembly: seconds on a loaded machine.
  }, 60_000);

  it('migrates the previous schema (0001) to 0002, keeping its data', async () => {
    const { db, schema } = await engine.emptySchema();
    const first = await migratorOn(db, schema, ['0001-initial']).migrateToLatest();
    expect(first.error).toBeUndefined();
    const scoped = db.withSchema(schema);
    await scoped
      .insertInto('sessions')
      .values({ id_digest: 'd1', user_name: 'ops', created_at: 1, last_seen_at: 1, auto: false })
      .execute();
    const upTo0002 = ['0001-initial', '0002-history'];
    const second = await migratorOn(db, schema, upTo0002).migrateToLatest();
    expect(second.error).toBeUndefined();
    expect(second.results?.map((r) => [r.migrationName, r.status])).toEqual([
      ['0002-history', 'Success'],
    ]);
    expect(await scoped.selectFrom('sessions').select('user_name').execute()).toEqual([
      { user_name: 'ops' },
    ]);
    const id = await new HistoryRepository(scoped).begin({
      kind: 'create',
      user: 'ops',
      at: 5,
      groupId: null,
      request: request('After migration'),
      restoredFrom: null,
    });
    expect(id).toBeGreaterThan(0);
    // And back down: 0002 alone is undone, 0001's data stays.
    const down = await migratorOn(db, schema, upTo0002).migrateDown();
    expect(down.error).toBeUndefined();
    expect(await scoped.selectFrom('sessions').select('user_name').execute()).toHaveLength(1);
  }, 30_000);

  it('migrates 0002 to 0003: recorded changes kept, the bulk-membership kind accepted, and back', async () => {
    const { db, schema } = await engine.emptySchema();
    const upTo0002 = ['0001-initial', '0002-history'];
    expect((await migratorOn(db, schema, upTo0002).migrateToLatest()).error).toBeUndefined();
    const history = new HistoryRepository(db.withSchema(schema));
    const intent = (kind: 'update' | 'bulk-membership', name: string) =>
      history.begin({
        kind,
        user: 'ops',
        at: 5,
        groupId: '7',
        request: request(name, '7'),
        restoredFrom: null,
      });
    const before = await intent('update', 'Before 0003');
    // 0002's check refuses the new kind: this is why 0003 exists.
    await expect(intent('bulk-membership', 'Too early')).rejects.toThrow();

    const third = await migratorOn(db, schema).migrateToLatest();
    expect(third.error).toBeUndefined();
    expect(third.results?.map((r) => [r.migrationName, r.status])).toEqual([
      ['0003-bulk-membership-kind', 'Success'],
    ]);
    const bulk = await intent('bulk-membership', 'Bulk');
    const page = await history.list({}, { limit: 10, offset: 0 });
    expect(page.items.map((c) => [c.id, c.kind])).toEqual([
      [bulk, 'bulk-membership'],
      [before, 'update'],
    ]);
    // Still a closed list: a kind nobody defined is refused by the database itself.
    await expect(
      sql`insert into ${sql.table(`${schema}.group_changes`)} (kind, user_name, requested_at, state) values ('bulk', 'ops', 1, 'done')`.execute(
        db,
      ),
    ).rejects.toThrow();

    // Down: the bulk change stays, as the plain update it also is.
    expect((await migratorOn(db, schema).migrateDown()).error).toBeUndefined();
    expect((await history.get(bulk))?.kind).toBe('update');
  }, 30_000);

  it('records intent then outcome; lists newest first with filters; a replay is forgotten', async () => {
    const { db } = await engine.storage();
    const history = new HistoryRepository(db);
    const created = await history.begin({
      kind: 'create',
      user: 'alice',
      at: Date.UTC(2026, 0, 1, 10),
      groupId: null,
      request: request('Spring'),
      restoredFrom: null,
    });
    expect((await history.get(created))?.state).toBe('pending');
    await history.finish(created, {
      state: 'done',
      at: Date.UTC(2026, 0, 1, 10),
      answer: '{"response":{"status":1,"data":"7"}}',
      groupId: '7',
      snapshot: { value: snap('Spring'), fingerprint: 'f1' },
    });
    const updated = await history.begin({
      kind: 'restore',
      user: 'bob',
      at: Date.UTC(2026, 0, 3, 10),
      groupId: '7',
      request: request('Spring', '7'),
      restoredFrom: created,
    });
    await history.finish(updated, { state: 'failed', at: Date.UTC(2026, 0, 3, 10), answer: 'no' });
    const replay = await history.begin({
      kind: 'create',
      user: 'bob',
      at: Date.UTC(2026, 0, 4),
      groupId: null,
      request: request('Spring'),
      restoredFrom: null,
    });
    await history.discard(replay);

    const all = await history.list({}, { limit: 10, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.items.map((c) => [c.id, c.kind, c.state, c.groupId, c.user])).toEqual([
      [updated, 'restore', 'failed', '7', 'bob'],
      [created, 'create', 'done', '7', 'alice'],
    ]);
    expect(all.items[0]?.restoredFrom).toBe(created);
    expect(all.items[1]?.snapshot).toEqual(snap('Spring'));
    expect(all.items[1]?.request).toEqual(request('Spring'));

    const byUser = await history.list({ user: 'alice' }, { limit: 10, offset: 0 });
    expect(byUser.items.map((c) => c.id)).toEqual([created]);
    const byDate = await history.list(
      { from: Date.UTC(2026, 0, 2), to: Date.UTC(2026, 0, 4) },
      { limit: 10, offset: 0 },
    );
    expect(byDate.items.map((c) => c.id)).toEqual([updated]);
    const byKind = await history.list({ kind: 'restore' }, { limit: 10, offset: 0 });
    expect(byKind.items.map((c) => c.id)).toEqual([updated]);
    const byGroup = await history.list({ groupId: '8' }, { limit: 10, offset: 0 });
    expect(byGroup.total).toBe(0);
    const paged = await history.list({}, { limit: 1, offset: 1 });
    expect(paged).toMatchObject({ total: 2, items: [{ id: created }] });
    expect(await history.users()).toEqual(['alice', 'bob']);
  });

  it('observe: first state seen, the same state not again, a changed one once', async () => {
    const { db } = await engine.storage();
    const history = new HistoryRepository(db);
    const a = { value: snap('A'), fingerprint: 'fa' };
    const b = { value: snap('B'), fingerprint: 'fb' };
    expect(await history.observe('9', a, 'ops', 1_000)).toBe('seen');
    expect(await history.observe('9', a, 'ops', 2_000)).toBe('same');
    // Two readers of one changed group at once: recorded once.
    const results = await Promise.all([
      history.observe('9', b, 'ops', 3_000),
      history.observe('9', b, 'eve', 3_000),
    ]);
    expect(results.sort()).toEqual(['outside', 'same']);
    expect(await history.observe('9', b, 'ops', 4_000)).toBe('same');
    const kinds = (await history.list({ groupId: '9' }, { limit: 10, offset: 0 })).items.map(
      (c) => c.kind,
    );
    expect(kinds).toEqual(['outside', 'seen']);

    // A write of ours in flight: its read-back records the state, not a reader.
    const pending = await history.begin({
      kind: 'update',
      user: 'ops',
      at: 5_000,
      groupId: '9',
      request: request('C', '9'),
      restoredFrom: null,
    });
    expect(await history.observe('9', a, 'ops', 5_100)).toBe('busy');
    await history.finish(pending, {
      state: 'done',
      at: 5_200,
      answer: null,
      snapshot: { value: snap('A'), fingerprint: 'fa' },
    });
    expect(await history.observe('9', a, 'ops', 6_000)).toBe('same');
  });

  it('retention drops old changes but keeps each group’s newest state', async () => {
    const { db } = await engine.storage();
    const history = new HistoryRepository(db);
    await history.observe('1', { value: snap('A'), fingerprint: 'fa' }, 'ops', 100);
    await history.observe('1', { value: snap('B'), fingerprint: 'fb' }, 'ops', 200);
    await history.observe('2', { value: snap('C'), fingerprint: 'fc' }, 'ops', 300);
    await history.observe('1', { value: snap('D'), fingerprint: 'fd' }, 'ops', 10_000);
    expect(await history.purgeBefore(5_000)).toBe(2);
    const left = (await history.list({}, { limit: 10, offset: 0 })).items.map((c) => c.groupId);
    expect(left).toEqual(['1', '2']);
  });
});
