// The production entry as a process: refuses without credentials, runs emulated, stops on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password-hash';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// By URL: the child runs in an empty directory where `tsx` would not resolve by name.
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** Only what a bare machine has: none of the developer's own settings leak into the test. */
function bareEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra };
}

let cwd: string;
beforeAll(async () => {
  // An empty working directory: no .env is picked up.
  cwd = await mkdtemp(join(tmpdir(), 'bff-main-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd,
    env: bareEnv({ TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json'), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Each test starts a process of its own (tsx compiles main.ts first): seconds on a busy machine. */
const SPAWN_TIMEOUT_MS = 30_000;

const USERS = `ops:${await hashPassword('ops-password-1', { N: 1024, r: 8, p: 1 })}`;

async function listeningUrl(run: ReturnType<typeof startMain>): Promise<string | undefined> {
  let url: string | undefined;
  // Up to 60 s: a first start runs PGlite's initdb, which takes 10-20 s on a busy 2-core machine.
  for (let i = 0; i < 600 && !url; i++) {
    url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())?.[1];
    if (!url) await new Promise((r) => setTimeout(r, 100));
  }
  return url;
}

describe('server/main.ts', () => {
  it(
    'refuses to start without upstream credentials, naming what is missing',
    async () => {
      const run = startMain({ DASHBOARD_USERS: USERS });
      expect(await run.exited).toBe(1);
      const out = run.output();
      expect(out).toContain('The dashboard server cannot start.');
      expect(out).toContain('EXNESS_LOGIN and EXNESS_PASSWORD are required');
      expect(out).toContain('HASOFFERS_NETWORK_TOKEN');
      expect(out).toContain('USE_EMULATORS=1');
      expect(out).not.toMatch(/\n\s+at /);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'refuses to start without DASHBOARD_USERS, even with USE_EMULATORS=1',
    async () => {
      const run = startMain({ USE_EMULATORS: '1', BFF_PORT: '0' });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain('DASHBOARD_USERS is required');
      expect(run.output()).not.toContain('Server listening');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'refuses DEV_AUTO_SIGN_IN outright (production always requires sign-in)',
    async () => {
      const run = startMain({
        USE_EMULATORS: '1',
        BFF_PORT: '0',
        DASHBOARD_USERS: USERS,
        DEV_AUTO_SIGN_IN: 'demo',
      });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain('DEV_AUTO_SIGN_IN is only for npm run dev');
      expect(run.output()).not.toContain('Server listening');
    },
    SPAWN_TIMEOUT_MS,
  );

  it('refuses to start when DATABASE_URL cannot be reached, naming it (not its password)', async () => {
    const run = startMain({
      USE_EMULATORS: '1',
      BFF_PORT: '0',
      DASHBOARD_USERS: USERS,
      DATABASE_URL: 'postgres://ops:s3cret-pw@127.0.0.1:1/dashboard',
    });
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toContain('The dashboard server cannot start.');
    expect(out).toContain('The database (DATABASE_URL) could not be opened');
    expect(out).toContain('Check DATABASE_URL');
    expect(out).not.toContain('s3cret-pw');
    expect(out).not.toContain('Server listening');
    expect(out).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('refuses to start when DATA_DIR cannot hold the database, naming it', async () => {
    await writeFile(join(cwd, 'not-a-folder'), 'a file');
    const run = startMain({
      USE_EMULATORS: '1',
      BFF_PORT: '0',
      DASHBOARD_USERS: USERS,
      DATA_DIR: 'not-a-folder',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('The database (DATA_DIR) could not be opened');
    expect(run.output()).toContain('Check DATA_DIR');
    expect(run.output()).not.toContain('Server listening');
  }, 30_000);

  it('with USE_EMULATORS=1 requires sign-in, then serves /api against in-process emulators, and stops on SIGTERM', async () => {
    const run = startMain({
      USE_EMULATORS: '1',
      BFF_PORT: '0',
      LOG_LEVEL: 'info',
      DASHBOARD_USERS: USERS,
    });
    const url = await listeningUrl(run);
    expect(url, run.output()).toBeDefined();
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      upstreams: { exness: { mode: 'emulated' }, hasoffers: { mode: 'emulated' } },
    });
    const groups = `${url}/api/exness/api/v2/autorebates/groups/?limit=1`;
    expect((await fetch(groups)).status).toBe(401);
    const signIn = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'dashboard' },
      body: JSON.stringify({ username: 'ops', password: 'ops-password-1' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const list = await fetch(groups, { headers: { Cookie: cookie } });
    expect(list.status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  }, 90_000);
});
