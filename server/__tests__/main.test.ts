// The production entry as a process: refuses without credentials, runs emulated, stops on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

describe('server/main.ts', () => {
  it('refuses to start without upstream credentials, naming what is missing', async () => {
    const run = startMain({});
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toContain('The dashboard server cannot start.');
    expect(out).toContain('EXNESS_LOGIN and EXNESS_PASSWORD are required');
    expect(out).toContain('HASOFFERS_NETWORK_TOKEN');
    expect(out).toContain('USE_EMULATORS=1');
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('with USE_EMULATORS=1 serves /api against in-process emulators and stops on SIGTERM', async () => {
    const run = startMain({ USE_EMULATORS: '1', BFF_PORT: '0', LOG_LEVEL: 'info' });
    let url: string | undefined;
    for (let i = 0; i < 200 && !url; i++) {
      url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 100));
    }
    expect(url, run.output()).toBeDefined();
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      upstreams: { exness: { mode: 'emulated' }, hasoffers: { mode: 'emulated' } },
    });
    const list = await fetch(`${url}/api/exness/api/v2/autorebates/groups/?limit=1`);
    expect(list.status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  }, 30_000);
});
