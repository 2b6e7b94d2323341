// Opens the BFF's database from its settings: embedded PGlite in a data folder by default,
// PostgreSQL when DATABASE_URL is set; applies the migrations and hands out the repositories.
import { PGlite } from '@electric-sql/pglite';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type MigrationProvider,
  type Migration,
} from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { CallBudgetRepository, ExclusiveCallBudget, type CallBudget } from './call-budget';
import { IdempotencyRepository } from './idempotency';
import { MIGRATIONS } from './migrations';
import type { Database } from './schema';
import { SessionRepository } from './sessions';
import { SignInThrottleRepository } from './sign-in-throttle';

/** Where the data lives. */
export type StorageSettings =
  /** DATA_DIR: PGlite's files in this folder (created if missing). */
  | { engine: 'embedded'; dataDir: string }
  /** Tests and one-off tools: PGlite in memory, gone when closed. */
  | { engine: 'memory' }
  /** DATABASE_URL: a PostgreSQL server. */
  | { engine: 'postgres'; url: string };

export interface OpenStorageOptions {
  /**
   * A schema of its own (created if missing) for every table, the migrations' included. Tests
   * use one per run so parallel files on one PostgreSQL never meet. Default: the search_path.
   */
  schema?: string;
  /** PostgreSQL only: connections in the pool. */
  maxConnections?: number;
}

/** Opening failed: the message names the setting to look at. */
export class StorageOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageOpenError';
  }
}

/** int8 (bigint) read as a JS number: our bigints are millisecond times and ids, far below 2^53. */
const INT8_OID = 20;
const toNumber = (value: string): number => Number(value);

export interface Storage {
  /** What it runs on, for the log (never a password). */
  readonly description: string;
  /**
   * Other processes may use this database at the same time (PostgreSQL): what one process
   * remembers of it may be stale. The embedded engine's folder is locked to one process.
   */
  readonly shared: boolean;
  readonly sessions: SessionRepository;
  readonly signInThrottle: SignInThrottleRepository;
  readonly idempotency: IdempotencyRepository;
  readonly callBudget: CallBudget;
  /** The query layer, schema applied: for the storage module's own tools (copy, tests). */
  readonly db: Kysely<Database>;
  /** The schema every table is in, when not the default search path (tests, shared servers). */
  readonly schema?: string | undefined;
  close(): Promise<void>;
}

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => MIGRATIONS,
};

/** Applies every migration not yet applied (Kysely's Migrator locks, so two processes may race). */
export async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  if (schema !== undefined) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  }
  const migrator = new Migrator({
    db: schema === undefined ? db : db.withSchema(schema),
    provider,
    ...(schema !== undefined && { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new StorageOpenError(
      `migration ${failed ?? '(before any migration)'} failed: ${messageOf(error)}`,
      { cause: error },
    );
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(messageOf).join('; ');
  }
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
    return `${error.message || error.name}${code}`;
  }
  return String(error);
}

/** The URL without its password, for messages and logs. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a URL)';
  }
}

/** Where PGlite's own files go inside DATA_DIR (beside the lock file). */
const PGLITE_SUBDIR = 'pglite';
const LOCK_FILE = 'server.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two processes on one folder would corrupt it. A lock file
 * with our pid; one left by a process that is gone (killed, crashed) is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
        throw new StorageOpenError(
          `the folder is in use by another server process (pid ${pid}); one process per data folder (several processes need DATABASE_URL)`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new StorageOpenError(`could not take the lock ${path}`);
}

function openKysely(settings: StorageSettings, options: OpenStorageOptions): Kysely<Database> {
  if (settings.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: settings.url,
      max: options.maxConnections ?? 10,
      // An unreachable server fails the start-up within seconds instead of hanging.
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID && format !== 'binary'
            ? toNumber
            : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // A dropped idle connection is reported here; without a listener it would end the process.
    // The next query gets a new connection (or fails, and is answered 503).
    pool.on('error', () => undefined);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const dataDir =
    settings.engine === 'embedded' ? join(settings.dataDir, PGLITE_SUBDIR) : undefined;
  const pglite = new PGlite(dataDir, {
    parsers: { [INT8_OID]: toNumber },
    // PostgreSQL's default 128 MB of shared buffers is memory a BFF holds for a database of a
    // few megabytes (sessions, history): 16 MB took a reopened data folder's process from
    // 346 to 234 MiB RSS on this machine. (The first start, which runs initdb, peaks near
    // 850 MiB whatever this says; the next starts do not.)
    postgresqlconf: 'shared_buffers=16MB',
  });
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}

export function describeSettings(settings: StorageSettings): string {
  switch (settings.engine) {
    case 'embedded':
      return `embedded PGlite in ${settings.dataDir}`;
    case 'memory':
      return 'embedded PGlite in memory';
    case 'postgres':
      return describePostgresUrl(settings.url);
  }
}

/** What to check when the database cannot be opened: said at start-up, after the error. */
export function openHint(settings: StorageSettings): string {
  switch (settings.engine) {
    case 'postgres':
      return 'Check DATABASE_URL: the server must be reachable, the database must exist and the user may create tables. Unset DATABASE_URL to use the embedded database in DATA_DIR.';
    case 'embedded':
      return 'Check DATA_DIR: a folder this user can write, used by one server process at a time (a copy of another engine version cannot be opened).';
    case 'memory':
      return '';
  }
}

/**
 * Opens the database and applies the migrations. Throws a StorageOpenError whose message names
 * the setting (DATA_DIR or DATABASE_URL) when the database cannot be reached or migrated.
 */
export async function openStorage(
  settings: StorageSettings,
  options: OpenStorageOptions = {},
): Promise<Storage> {
  const setting =
    settings.engine === 'postgres'
      ? 'DATABASE_URL'
      : settings.engine === 'embedded'
        ? 'DATA_DIR'
        : '';
  const description = describeSettings(settings);
  let db: Kysely<Database> | undefined;
  let unlock: (() => Promise<void>) | undefined;
  try {
    if (settings.engine === 'embedded') {
      await mkdir(settings.dataDir, { recursive: true });
      unlock = await lockDataDir(settings.dataDir);
    }
    db = openKysely(settings, options);
    await migrate(db, options.schema);
  } catch (e) {
    await db?.destroy().catch(() => undefined);
    await unlock?.().catch(() => undefined);
    const what = setting ? ` (${setting})` : '';
    throw new StorageOpenError(
      `The database${what} could not be opened: ${description}: ${messageOf(e)}`,
      { cause: e },
    );
  }
  const opened = db;
  const storage = storageOn(opened, {
    description,
    shared: settings.engine === 'postgres',
    schema: options.schema,
    owned: true,
    ...(unlock && { afterClose: unlock }),
  });
  if (settings.engine === 'embedded') {
    // A create the last process was running when it died is as unsure as a timed-out one: the
    // next retry reconciles it by name at once instead of waiting out its lease.
    await storage.idempotency.abandonAllPending();
  }
  return storage;
}

/**
 * The repositories over an open, migrated database. `owned`: close() also closes the database
 * (otherwise the caller does).
 */
export function storageOn(
  db: Kysely<Database>,
  options: {
    description: string;
    shared: boolean;
    schema?: string | undefined;
    owned: boolean;
    /** Runs once the database is closed (the data folder's lock is released). */
    afterClose?: () => Promise<void>;
  },
): Storage {
  const scoped = options.schema === undefined ? db : db.withSchema(options.schema);
  let closed: Promise<void> | undefined;
  return {
    description: options.description,
    shared: options.shared,
    db: scoped,
    schema: options.schema,
    sessions: new SessionRepository(scoped),
    signInThrottle: new SignInThrottleRepository(scoped),
    idempotency: new IdempotencyRepository(scoped),
    // Alone on its data, a process decides from memory and writes in batches; with others
    // (PostgreSQL), every grant is decided in the database under a lock (see both classes).
    callBudget: options.shared ? new CallBudgetRepository(scoped) : new ExclusiveCallBudget(scoped),
    close: () => {
      closed ??= (options.owned ? db.destroy() : Promise.resolve()).then(options.afterClose);
      return closed;
    },
  };
}
