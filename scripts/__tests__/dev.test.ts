// `npm run dev` as a process: the chain comes up, /api answers via Vite, one SIGINT stops it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

describe('scripts/dev.ts', () => {
  it('starts the chain on free ports, proxies /api, and stops on one SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', TSX, 'scripts/dev.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        USE_EMULATORS: '1',
        // 0 = any free port: the test never collides with a running `npm run dev` or e2e.
        VITE_PORT: '0',
        BFF_PORT: '0',
        EXNESS_EMULATOR_PORT: '0',
        HASOFFERS_EMULATOR_PORT: '0',
        // Nor with its data folder: one process per folder (a running dev server holds data/).
        DATA_DIR: ':memory:',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );

    try {
      let banner: RegExpExecArray | null = null;
      for (let i = 0; i < 600 && !banner; i++) {
        banner = /Open\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (!banner) await new Promise((r) => setTimeout(r, 100));
      }
      const app = banner?.[1];
      expect(app, out).toBeDefined();
      expect(out).toMatch(/Exness\s+emulated/);
      expect(out).toMatch(/HasOffers\s+emulated/);
      const emulatorUrls = [...out.matchAll(/emulated \((http:\/\/127\.0\.0\.1:\d+)/g)].map(
        (m) => m[1] ?? '',
      );
      expect(emulatorUrls).toHaveLength(2);

      const health = await fetch(`${app}api/health`);
      expect(await health.json()).toEqual({
        status: 'ok',
        upstreams: { exness: { mode: 'emulated' }, hasoffers: { mode: 'emulated' } },
      });
      const list = await fetch(`${app}api/exness/api/v2/autorebates/groups/?limit=2`, {
        headers: { 'X-Requested-With': 'dashboard' },
      });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(2);
      const affiliates = await fetch(
        `${app}api/hasoffers?Target=Affiliate&Method=findAll&limit=2`,
        {
          headers: { 'X-Requested-With': 'dashboard' },
        },
      );
      expect(((await affiliates.json()) as { response: { status: number } }).response.status).toBe(
        1,
      );

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      for (const url of [app, ...emulatorUrls]) {
        await expect(fetch(`${url}`), url).rejects.toThrow();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
