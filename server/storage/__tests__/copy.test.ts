// Moving the data from the embedded engine to PostgreSQL: copyStorage on every engine present, and
// `npm run db:copy` end to end when a PostgreSQL is there (into a schema of the test's own).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyTargetNotEmptyError, copyStorage } from '../copy';
import { HistoryRepository } from '../history';
import { openStorage, type Storage } from '../db';
import {
  freshSchemaName,
  memoryTestStorage,
  postgresTestStorage,
  testPostgresUrl,
} from '../test-engines';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const LIMITS = { idleMs: 60_000, absoluteMs: 600_000, maxSessions: 100 };
const url = await testPostgresUrl();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'db-copy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An embedded database with a session, a throttle entry and a recorded create. */
async function filledSource(dataDir: string): Promise<Storage> {
  const source = await openStorage({ engine: 'embedded', dataDir });
  await source.sessions.create(
    'old',
    { user: 'ops', createdAt: 1, lastSeenAt: 1, auto: false },
    LIMITS,
  );
  await source.sessions.create(
    'new',
    { user: 'ana', createdAt: 2, lastSeenAt: 2, auto: false },
    LIMITS,
  );
  await source.signInThrottle.update('ops', '10.0.0.9', 5, () => ({
    key: { failures: 2, lastFailureAt: 5, lockedUntil: 0, inFlightUntil: 0 },
    address: { failures: 2, lastFailureAt: 5, lockedUntil: 0 },
    result: undefined,
  }));
  await source.idempotency.claim({
    scope: 'ops',
    key: 'k1',
    fingerprint: 'fp',
    claim: 'c1',
    now: 10,
    ttlMs: 600_000,
    leaseMs: 1_000,
  });
  await source.idempotency.settle('ops', 'k1', 'c1', { state: 'done', result: '"42"' });
  // Two changes, the first deleted: the copied one keeps id 2, not the target's next (1).
  const history = new HistoryRepository(source.db);
  const request = {
    Target: 'CashflowGroup',
    Method: 'updateCashflowGroup',
    id: '7',
    name: 'DACH',
    description: '',
    rules_json: '[]',
    affiliate_ids_json: '[]',
  };
  const discarded = await history.begin({
    kind: 'update',
    user: 'ops',
    at: 20,
    groupId: '7',
    request,
    restoredFrom: null,
  });
  await history.discard(discarded);
  const kept = await history.begin({
    kind: 'update',
    user: 'ops',
    at: 21,
    groupId: '7',
    request,
    restoredFrom: null,
  });
  await history.finish(kept, { state: 'done', at: 22, answer: '{}' });
  return source;
}

async function expectCopied(target: Storage): Promise<void> {
  expect(await target.sessions.touch('old', 3, LIMITS)).toMatchObject({ user: 'ops' });
  expect(await target.sessions.touch('new', 3, LIMITS)).toMatchObject({ user: 'ana' });
  const failures = await target.signInThrottle.update('ops', '10.0.0.9', 6, (key, address) => ({
    result: [key?.failures, address?.failures],
  }));
  expect(failures).toEqual([2, 2]);
  expect(
    await target.idempotency.claim({
      scope: 'ops',
      key: 'k1',
      fingerprint: 'fp',
      claim: 'c2',
      now: 11,
      ttlMs: 600_000,
      leaseMs: 1_000,
    }),
  ).toEqual({ kind: 'done', result: '"42"' });
  // The history came along with its ids, and new changes do not collide with them.
  const history = new HistoryRepository(target.db);
  expect(await history.get(2)).toMatchObject({ groupId: '7', kind: 'update', state: 'done' });
  const next = await history.begin({
    kind: 'create',
    user: 'ana',
    at: 30,
    groupId: null,
    request: {
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name: 'New',
      description: '',
      rules_json: '[]',
      affiliate_ids_json: '[]',
    },
    restoredFrom: null,
  });
  expect(next).toBe(3);
}

describe('copyStorage', () => {
  it('copies sessions, throttle and idempotency records; refuses a target with data', async () => {
    const source = await filledSource(join(dir, 'a'));
    const target = url ? await postgresTestStorage(url) : await memoryTestStorage();
    try {
      expect(await copyStorage(source, target)).toEqual({
        sessions: 2,
        sign_in_keys: 1,
        sign_in_addresses: 1,
        idempotency_records: 1,
        group_changes: 1,
      });
      await expectCopied(target);
      await expect(copyStorage(source, target)).rejects.toBeInstanceOf(CopyTargetNotEmptyError);
    } finally {
      await source.close();
      await target.close();
    }
  }, 60_000);
});

describe.skipIf(!url)('npm run db:copy', () => {
  it('copies DATA_DIR into the PostgreSQL given by --to, and says so', async () => {
    if (!url) return;
    const dataDir = join(dir, 'b');
    await (await filledSource(dataDir)).close();
    // Its own schema, through the URL's search_path: the command itself knows nothing of tests.
    const schema = freshSchemaName();
    const admin = await postgresTestStorage(url, { schema, dropOnClose: true });
    const to = `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    try {
      // The command migrates the target itself: start from an empty schema.
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
      await sql`create schema ${sql.id(schema)}`.execute(admin.db);
      const run = spawn(
        process.execPath,
        ['--import', TSX, join(ROOT, 'server/db-copy.ts'), '--to', to, '--from-dir', dataDir],
        {
          cwd: dir,
          env: {
            PATH: process.env.PATH ?? '',
            TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json'),
          },
        },
      );
      let out = '';
      run.stdout.on('data', (d: Buffer) => (out += d.toString()));
      run.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((r) => run.on('exit', r));
      expect(code, out).toBe(0);
      expect(out).toContain(
        'sessions 2, sign_in_keys 1, sign_in_addresses 1, idempotency_records 1',
      );
      const target = await postgresTestStorage(url, { schema, dropOnClose: false });
      try {
        await expectCopied(target);
      } finally {
        await target.close();
      }
    } finally {
      await admin.close();
    }
  }, 60_000);
});
