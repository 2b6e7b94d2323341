// A restart forgets nothing: the embedded database keeps sessions, and a create whose process died
// mid-call is reconciled by the next process (one create upstream), with real processes killed.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../mock-api/credentials';
import { hashPassword } from '../auth/password-hash';
import { openStorage } from '../storage/db';
import {
  call,
  control,
  postForm,
  signIn,
  startBff,
  startTestEmulators,
  testConfig,
  testUser,
  type Emulators,
  type LoggedCall,
} from './harness';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

let emulators: Emulators;
let dir: string;
beforeAll(async () => {
  emulators = await startTestEmulators();
  dir = await mkdtemp(join(tmpdir(), 'bff-restart-'));
});
afterAll(async () => {
  await emulators?.close();
  await rm(dir, { recursive: true, force: true });
});

const groups = (url: string) => `${url}/api/exness/api/v2/autorebates/groups/?limit=1`;

describe('a restart on the same data folder', () => {
  it('keeps everyone signed in: the cookie from before the restart still works', async () => {
    const dataDir = join(dir, 'sessions');
    const users = [await testUser('ops', 'ops-password-1')];
    const config = testConfig(emulators, { auth: { users, devAutoSignIn: undefined } });

    const before = await openStorage({ engine: 'embedded', dataDir });
    const first = await startBff(config, { storage: before });
    const cookie = await signIn(first.url, 'ops', 'ops-password-1');
    expect((await call(groups(first.url), { headers: { Cookie: cookie } })).status).toBe(200);
    await first.close();
    await before.close();

    const after = await openStorage({ engine: 'embedded', dataDir });
    const second = await startBff(config, { storage: after });
    try {
      expect((await call(groups(second.url), { headers: { Cookie: cookie } })).status).toBe(200);
      // And only that cookie: the store did not just let everyone in.
      expect((await call(groups(second.url))).status).toBe(401);
    } finally {
      await second.close();
      await after.close();
    }

    // Removed from DASHBOARD_USERS, then restarted: that user's session ends (revocation).
    const revoked = await openStorage({ engine: 'embedded', dataDir });
    const others = [await testUser('ana', 'ana-password-1')];
    const third = await startBff(
      testConfig(emulators, { auth: { users: others, devAutoSignIn: undefined } }),
      { storage: revoked },
    );
    try {
      expect((await call(groups(third.url), { headers: { Cookie: cookie } })).status).toBe(401);
    } finally {
      await third.close();
      await revoked.close();
    }
  }, 90_000);
});

/** server/main.ts as a process, its upstreams pointed at this file's emulators. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json'),
      BFF_PORT: '0',
      LOG_LEVEL: 'info',
      EXNESS_API_URL: emulators.exnessUrl,
      EXNESS_LOGIN: EMULATOR_CREDENTIALS.exnessLogin,
      EXNESS_PASSWORD: EMULATOR_CREDENTIALS.exnessPassword,
      HASOFFERS_API_URL: `${emulators.hasOffersUrl}/Apiv3/json`,
      HASOFFERS_NETWORK_TOKEN: EMULATOR_CREDENTIALS.hasOffersNetworkToken,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = (async () => {
    for (let i = 0; i < 300; i++) {
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no listening line in:\n${out}`);
  })();
  return { child, url, exited, output: () => out };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a restart between "create recorded" and its answer', () => {
  it('the next process reconciles the create by name: one create upstream, the retry gets its id', async () => {
    const hasoffers = control(emulators.hasOffersUrl);
    await hasoffers.reset();
    const env = {
      DATA_DIR: join(dir, 'crash'),
      DASHBOARD_USERS: `ops:${await hashPassword('ops-password-1', { N: 1024, r: 8, p: 1 })}`,
    };
    const name = 'Restart-safe group';
    const body = new URLSearchParams({
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name,
      description: 'Sent once across a crash',
      rules_json: JSON.stringify([{ field: 'country', operator: 'IN', value: ['DE'], negate: 0 }]),
      affiliate_ids_json: '[]',
    }).toString();
    const creates = async (): Promise<LoggedCall[]> =>
      (await hasoffers.calls()).filter((c) => c.hoMethod === 'createCashflowGroup');

    const first = startMain(env);
    const firstUrl = await first.url;
    const cookie = await signIn(firstUrl, 'ops', 'ops-password-1');
    // The create reaches the emulator, which answers after a while; meanwhile the BFF is frozen
    // (its socket stays open, so the emulator carries the create out), then killed: the answer
    // is never read, the record never settled.
    await hasoffers.fault({
      match: { hoMethod: 'createCashflowGroup' },
      fault: 'delay',
      delayMs: 800,
    });
    const lost = postForm(`${firstUrl}/api/hasoffers`, body, {
      Cookie: cookie,
      'Idempotency-Key': 'crash-key-1',
    }).catch((e: unknown) => e);
    await waitFor(async () => ((await creates()).length > 0 ? true : undefined), 'the create');
    first.child.kill('SIGSTOP');
    await waitFor(
      async () => ((await creates())[0]?.status !== undefined ? true : undefined),
      'the emulator to carry the create out',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await lost).toBeInstanceOf(Error);

    const second = startMain(env);
    try {
      const secondUrl = await second.url;
      const retry = await postForm(`${secondUrl}/api/hasoffers`, body, {
        Cookie: cookie,
        'Idempotency-Key': 'crash-key-1',
      });
      expect(retry.status, retry.text).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      const id = (retry.json as { response: { data: unknown } }).response.data;
      expect(String(id)).toMatch(/^\d+$/);
      // Looked up, not sent again: the emulator saw one create.
      expect(await creates()).toHaveLength(1);
      const finds = (await hasoffers.calls()).filter((c) => c.hoMethod === 'findCashflowGroups');
      expect(finds.length).toBeGreaterThanOrEqual(1);
      // And a further retry replays the record the second process wrote.
      const again = await postForm(`${secondUrl}/api/hasoffers`, body, {
        Cookie: cookie,
        'Idempotency-Key': 'crash-key-1',
      });
      expect(again.json).toEqual(retry.json);
      expect(await creates()).toHaveLength(1);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000);
});
