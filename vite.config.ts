// Vite config: the SPA build and the dev server whose proxy sends /api to the BFF.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { precompress } from './scripts/precompress.ts';
import { landingPageGroups, sharedFileGroup } from './scripts/chunks.ts';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** Where the app lands (`/` redirects there): its first load is the one to keep short. */
const LANDING_PAGE = 'rebate-groups.tsx';
const PAGES = readdirSync(fromRoot('./src/app/pages'));
const page = (file: string) => fromRoot(`./src/app/pages/${file}`);

const bffPort = Number(process.env.BFF_PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';

export default defineConfig({
  plugins: [react(), precompress()],
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
