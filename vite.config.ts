// Vite config: the SPA build and the dev server whose proxy sends /api to the BFF.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { precompress } from './scripts/precompress.ts';
import { landingPageGroups, sharedFileGroup } from './scripts/chunks.ts';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** Where the app lands (`/` redirects there): its first load is the one to keep short. */
const LANDING_PAGE = 'rebate-groups.tsx';
const PAGES = readdirSync(fromRoot('./src/app/pages'));
const page = (file: string) => fromRoot(`./src/app/pages/${file}`);

/**
 * React Router's package.json `exports` has no "production" condition, so a bundler always takes
 * dist/development, whose dev-only checks (ENABLE_DEV_WARNINGS) then ship to users
 * (https://github.com/remix-run/react-router/issues/14102). A production build points both entries
 * at dist/production: the same files with those checks off, sharing one chunk, so one copy of the
 * router stays in the bundle (react-router-dom, should it come, imports these two and goes the same
 * way). The dev server and Vitest keep the development build, whose warnings help. Measured with
 * bench/bytes.ts, /rebate-groups' first load: 234,060 -> 233,501 bytes gzip (-559; -1,711 raw).
 */
function reactRouterProductionBuild(): Plugin {
  const dist = join(
    dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
    'dist/production',
  );
  const entries = { 'react-router': 'index.mjs', 'react-router/dom': 'dom-export.mjs' };
  return {
    name: 'react-router-production-build',
    config(_, { command, mode }) {
      if (command !== 'build' || mode !== 'production') return;
      return {
        resolve: {
          alias: Object.entries(entries).map(([specifier, file]) => {
            const replacement = join(dist, file);
            // A release that moves the file must fail the build, not quietly bring back dev code.
            if (!existsSync(replacement)) throw new Error(`${specifier}: no ${replacement}`);
            return { find: new RegExp(`^${specifier}$`), replacement };
          }),
        },
      };
    },
  };
}

const bffPort = Number(process.env.BFF_PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';

export default defineConfig({
  plugins: [react(), precompress(), reactRouterProductionBuild()],
  resolve: {
    alias: { '@': fromRoot('./src') },
  },
  server: {
    host,
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
    // Only our own host names: a DNS-rebinding page must not reach the dev proxy.
    allowedHosts: ['localhost', '127.0.0.1'],
    // No CORS answers at all (Vite would grant localhost origins by default): another local
    // page must not get a preflight through to /api. The BFF refuses such calls anyway.
    cors: false,
    proxy: {
      '/api': { target: `http://127.0.0.1:${bffPort}`, changeOrigin: false, xfwd: false },
    },
    warmup: { clientFiles: ['./src/main.tsx', './src/app/**/*.tsx', './src/features/**/*.tsx'] },
  },
  // Scan every source file up front so the dev server never re-optimises and reloads mid-test.
  optimizeDeps: { entries: ['index.html', 'src/**/*.tsx'] },
  build: {
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The entry in one file, the landing page's shared libraries in one more and what its
          // on-demand parts share in a third, then what the wizard and the cashflow list each
          // share with other pages (scripts/chunks.ts): the list's first load in three files,
          // the wizard's in six, the cashflow list's in five at most.
          groups: [
            ...landingPageGroups({
              page: page(LANDING_PAGE),
              otherPages: PAGES.filter((file) => file !== LANDING_PAGE).map(page),
              ownCode: (id) =>
                id.startsWith(fromRoot('./src/features/')) || id.startsWith(fromRoot('./src/app/')),
              // Reached through @tanstack/react-query's index; used by the cashflow pages only
              // (the build test checks the list does not load it).
              unused: (id) =>
                /\/@tanstack\/[a-z-]+\/build\/modern\/(useMutation|mutationObserver)\.js$/.test(id),
            }),
            // Not with the edit page: it shares the wizard's own code (the form library), which
            // the list and details pages must not load.
            sharedFileGroup(
              'cashflow-shared',
              {
                page: page('new-cashflow-group.tsx'),
                otherPages: [page('cashflow-groups.tsx'), page('cashflow-group.tsx')],
              },
              1,
            ),
            // (A 'cashflow-list-shared' group, for the tooltip and pager the cashflow list shared
            // with the wizard's later steps, went when MUI's Tooltip and TablePagination joined the
            // landing page's first load: a build with and without it was byte-identical.)
          ],
        },
      },
    },
  },
});
