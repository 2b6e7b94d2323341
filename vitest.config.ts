// Vitest: browser-side code in jsdom, servers and emulators in Node.
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      globals: true,
      projects: [
        {
          extends: true,
          // Vitest's own default ('node', 'development|production') and 'module-sync', the
          // condition Node's require() and import use: react-router has a CommonJS and an ESM
          // build, react-router/dom (loaded by Node) takes the ESM one, and without it the app's
          // imports got the CommonJS one: two routers whose contexts never meet
          // (remix-run/react-router#12785).
          resolve: { conditions: ['module-sync', 'node', 'development|production'] },
          test: {
            name: 'web',
            environment: 'jsdom',
            include: ['src/**/*.test.{ts,tsx}'],
            setupFiles: ['./src/test/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            // A BFF under test opens an embedded PostgreSQL (PGlite: WebAssembly, compiled once per
            // test file); on a loaded two-core machine that first start alone can pass 10 s, and
            // a whole run beside other work once took a set-up past 30 s.
            hookTimeout: 60_000,
            include: [
              'server/**/*.test.ts',
              'mock-api/**/*.test.ts',
              'scripts/**/*.test.ts',
              'bench/**/*.test.ts',
            ],
          },
        },
      ],
    },
  }),
);
