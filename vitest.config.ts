// Vitest: browser-side code in jsdom, servers and emulators in Node.
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      globals: true,
      projects: [
        {
          extends: true,
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
