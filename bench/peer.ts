// The react-admin peer (bench/peer-react-admin): installs its own dependencies into its folder
// when they are missing, builds it with its own Vite, and measures it beside the dashboard in the
// same run: the JavaScript fetched before the list is usable, the list changes → rows painted,
// and (bench/run.ts) Lighthouse with both presets.
import type { Browser, Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compress, precompressDir } from '../scripts/precompress';
import type { Sizes } from './bytes';
import { splitByRuns } from './load-check';
import type { LighthouseSummary } from './lighthouse';
import type { ListDriver, ListLatencyReport } from './list-latency';
import { ROOT } from './lib/stack';

const run = promisify(execFile);

export const PEER_DIR = join(ROOT, 'bench/peer-react-admin');

/** The versions the peer ran with, as installed (its package.json pins them exactly). */
const VERSIONED = ['react-admin', 'react', '@mui/material', 'react-router', 'vite'] as const;

export interface PeerBuild {
  versions: Record<string, string>;
  /** Seconds spent installing its dependencies in this run; absent when they were there. */
  installSeconds?: number;
  buildSeconds: number;
  /** Every JavaScript file of the build (one chunk: the peer has no lazy parts). */
  allJs: Sizes;
}

function installedVersion(name: string): string {
  const file = join(PEER_DIR, 'node_modules', name, 'package.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    : '?';
}

/**
 * `npm install` in the peer's folder when its node_modules is missing (never the project's own:
 * the peer's packages are not the dashboard's), then `vite build` into `outDir`, precompressed
 * as the dashboard's build is so that the BFF serves both the same way.
 */
export async function buildPeer(outDir: string): Promise<PeerBuild> {
  let installSeconds: number | undefined;
  if (!existsSync(join(PEER_DIR, 'node_modules'))) {
    const t = performance.now();
    console.log('bench: installing the react-admin peer (bench/peer-react-admin)…');
    await run('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: PEER_DIR,
      maxBuffer: 64 * 1024 * 1024,
    });
    installSeconds = (performance.now() - t) / 1000;
  }
  const started = performance.now();
  await run(
    join(PEER_DIR, 'node_modules/.bin/vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: PEER_DIR, maxBuffer: 64 * 1024 * 1024 },
  );
  const buildSeconds = (performance.now() - started) / 1000;
  precompressDir(outDir);
  const assets = join(outDir, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  return {
    versions: Object.fromEntries(VERSIONED.map((n) => [n, installedVersion(n)])),
    ...(installSeconds !== undefined && { installSeconds }),
    buildSeconds,
    allJs: sum(js.map((f) => sizesOf(join(assets, f)))),
  };
}

function sizesOf(file: string): Sizes {
  const buf = readFileSync(file);
  const { gzip, br } = compress(buf);
  return { raw: buf.length, gzip: gzip.length, brotli: br.length };
}

function sum(list: Sizes[]): Sizes {
  return list.reduce(
    (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

export interface FirstLoad {
  runs: number;
  /** JavaScript files fetched in every run before the list was usable, sized from the build. */
  files: ({ file: string } & Sizes)[];
  js: Sizes;
  /** JavaScript files fetched in some runs only, with their counts (not in `js`). */
  sometimes: Record<string, number>;
}

/**
 * The JavaScript a real load of `url` fetches until its first table row shows and the network
 * is quiet, the same way for both lists (bench/load-check.ts's approach). The sizes are the
 * build's files compressed as the BFF sends them, so the two are weighed alike.
 */
export async function measureFirstLoad(
  browser: Browser,
  options: {
    url: string;
    cookie: { name: string; value: string };
    distDir: string;
    runs: number;
    ready: (page: Page) => Promise<void>;
  },
): Promise<FirstLoad> {
  const seen: string[][] = [];
  for (let i = 0; i < options.runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      await context.addCookies([{ ...options.cookie, url: options.url }]);
      const page = await context.newPage();
      const js = new Set<string>();
      page.on('response', (res) => {
        const path = new URL(res.url()).pathname;
        if (path.endsWith('.js')) js.add(path.replace(/^\//, ''));
      });
      await page.goto(options.url);
      await options.ready(page);
      await page.waitForLoadState('networkidle');
      seen.push([...js]);
    } finally {
      await context.close();
    }
  }
  const { always, sometimes } = splitByRuns(seen);
  const files = always
    .map((file) => ({ file, ...sizesOf(join(options.distDir, file)) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { runs: options.runs, files, js: sum(files), sometimes };
}

/** The peer's list as react-admin draws it: the same rounds as the dashboard's, its controls. */
export const PEER_LIST: ListDriver = {
  async ready(page) {
    await page.locator('table tbody tr').first().waitFor();
  },
  async round(page, measure, limit) {
    // Filter: open Type and tick "Auto"; react-admin's live form sends the change on the click
    // (its debounce is off in the peer) ...
    await page.getByRole('combobox', { name: /^Type/ }).click();
    const auto = page.getByRole('listbox').getByRole('option', { name: 'Auto' });
    await measure('filter', 0, () => auto.click());
    // ... and untick it again, then close the menu (unmeasured: nothing changes on close).
    await measure('filter', 0, () => auto.click());
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    // Sort: the Clients header toggles ascending ↔ descending.
    await measure('sort', 0, () =>
      page.locator('table thead th').filter({ hasText: 'Clients' }).getByRole('button').click(),
    );
    // Pages: next twice.
    for (const offset of [limit, 2 * limit]) {
      await measure('page', offset, () =>
        page.getByRole('button', { name: 'Go to next page' }).click(),
      );
    }
    // Back to the first page for the next round's filter.
    await page.getByRole('button', { name: 'Go to page 1', exact: true }).click();
    await page.getByRole('button', { name: 'Page 1', exact: true }).waitFor();
  },
};

export interface PeerReport {
  build: PeerBuild;
  /** The peer's list route, as measured. */
  url: string;
  /** Both lists' first loads, weighed the same way, in this run. */
  firstLoad?: { ours: FirstLoad; peer: FirstLoad };
  /** The same rounds as the list phase, on the peer. */
  list?: ListLatencyReport;
  /** The peer's list with both Lighthouse presets. */
  lighthouse?: LighthouseSummary[];
}
