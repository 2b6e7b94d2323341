// Test support: a fresh, isolated storage on the embedded engine or on a real PostgreSQL.
// Each storage gets a schema of its own (dropped on close), so parallel test files and repeated
// runs on one server never meet; the embedded engine is shared within a test file for speed.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import { migrate, openStorage, describePostgresUrl, storageOn, type Storage } from './db';
import type { Database } from './schema';

/** The PostgreSQL this machine offers to tests, if any: TEST_DATABASE_URL or a local `test` db. */
export const LOCAL_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

let postgres: Promise<string | undefined> | undefined;

/** TEST_DATABASE_URL, else the local `test` database if it answers within a second. */
export function testPostgresUrl(): Promise<string | undefined> {
  postgres ??= (async () => {
    const url = process.env.TEST_DATABASE_URL?.trim() || LOCAL_TEST_DATABASE_URL;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return url;
    } catch (e) {
      // A URL given on purpose must work: a typo would otherwise silently skip every test.
      if (process.env.TEST_DATABASE_URL?.trim()) throw e;
      return undefined;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgres;
}

export const describeTestPostgres = (url: string) => describePostgresUrl(url);

export function freshSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

let sharedMemory: Promise<Storage> | undefined;

/** A storage on the file's shared in-memory PGlite, in a schema of its own. */
export async function memoryTestStorage(): Promise<Storage> {
  sharedMemory ??= openStorage({ engine: 'memory' });
  const base = await sharedMemory;
  const schema = freshSchemaName();
  const root = base.db as Kysely<Database>;
  await migrate(root, schema);
  const storage = storageOn(root, {
    description: 'embedded PGlite in memory',
    shared: false,
    schema,
    owned: false,
  });
  return {
    ...storage,
    close: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`
        .execute(root)
        .catch(() => undefined);
    },
  };
}

/**
 * A storage on PostgreSQL in a fresh schema, dropped on close. `schema`: join an existing one
 * (two BFFs on one database), then the caller that made it drops it.
 */
export async function postgresTestStorage(
  url: string,
  options: { schema?: string; dropOnClose?: boolean } = {},
): Promise<Storage & { schema: string }> {
  const schema = options.schema ?? freshSchemaName();
  const storage = await openStorage({ engine: 'postgres', url }, { schema, maxConnections: 5 });
  const drop = options.dropOnClose ?? options.schema === undefined;
  return {
    ...storage,
    schema,
    close: async () => {
      if (drop) {
        await sql`drop schema if exists ${sql.id(schema)} cascade`
          .execute(storage.db)
          .catch(() => undefined);
      }
      await storage.close();
    },
  };
}
