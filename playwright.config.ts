// Playwright: real Chromium against the whole chain (browser → Vite proxy → BFF → emulators).
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_PORTS, E2E_URLS } from './e2e/support/ports';
import { PROD_PORTS, PROD_URLS } from './e2e/support/prod-config';

/** A system Chromium when there is one (Debian's here), else Playwright's own browser. */
function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

const executablePath = systemChromium();

/** Options of `playwright test` that take a value (the next argument). */
const VALUE_OPTIONS = new Set([
  '--project',
  '-c',
  '--config',
  '-g',
  '--grep',
  '--grep-invert',
  '--reporter',
  '--output',
  '-j',
  '--workers',
  '--timeout',
  '--retries',
  '--max-failures',
  '--shard',
  '--repeat-each',
  '--trace',
  '--tsconfig',
]);

/** The projects named with --project, and the file filters given (none: everything). */
function cliSelection(argv: readonly string[]): { projects: string[]; files: string[] } {
  const projects: string[] = [];
  const files: string[] = [];
  const args = argv.slice(argv.indexOf('test') + 1);
  args.forEach((arg, i) => {
    const previous = args[i - 1];
    if (arg.startsWith('--project=')) projects.push(arg.slice('--project='.length));
    else if (previous === '--project') projects.push(arg);
    else if (!arg.startsWith('-') && !(previous !== undefined && VALUE_OPTIONS.has(previous))) {
      files.push(arg);
    }
  });
  return { projects, files };
}

const cli = cliSelection(process.argv);
// Its server builds dist/ and takes its own ports: started only when the production project
// will run something (named, or everything), never for `playwright test e2e/some.spec.ts`.
const runProduction =
  cli.projects.includes('production') ||
  (cli.projects.length === 0 &&
    (cli.files.length === 0 || cli.files.some((f) => f.includes('security'))));

/** The production-mode security specs; only the `production` project runs them. */
const SECURITY_SPECS = /security[^/]*\.spec\.ts$/;

const chromiumLaunch = {
  ...(executablePath && { executablePath }),
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './e2e',
  // One worker: the specs share the emulators' state (faults, resets, call logs).
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: E2E_URLS.app,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    timezoneId: 'UTC',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: SECURITY_SPECS,
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch },
    },
    {
      // The built app served by server/main.ts (NODE_ENV=production, sign-in required, CSP),
      // against emulators that accept only canary credentials; plus checks of the dev proxy.
      name: 'production',
      testMatch: SECURITY_SPECS,
      use: { ...devices['Desktop Chrome'], baseURL: PROD_URLS.app, launchOptions: chromiumLaunch },
    },
  ],
  webServer: [
    {
      command: 'npx tsx scripts/dev.ts',
      url: `${E2E_URLS.app}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        USE_EMULATORS: '1',
        VITE_PORT: String(E2E_PORTS.vite),
        BFF_PORT: String(E2E_PORTS.bff),
        EXNESS_EMULATOR_PORT: String(E2E_PORTS.exness),
        HASOFFERS_EMULATOR_PORT: String(E2E_PORTS.hasoffers),
        // Timeouts short enough that fault-injection tests finish quickly.
        UPSTREAM_TIMEOUT_MS: '4000',
        // A fresh database per run (sessions, sign-in throttle), never the developer's data/.
        DATA_DIR: ':memory:',
      },
    },
    ...(runProduction
      ? [
          {
            command: 'npx tsx e2e/support/prod-server.ts',
            url: `${PROD_URLS.app}/api/health`,
            // Always a fresh build and server: a leftover one would not have the canaries.
            reuseExistingServer: false,
            timeout: 180_000,
            stdout: 'pipe' as const,
            env: {
              E2E_PROD_BFF_PORT: String(PROD_PORTS.bff),
              E2E_PROD_EXNESS_PORT: String(PROD_PORTS.exness),
              E2E_PROD_HASOFFERS_PORT: String(PROD_PORTS.hasoffers),
            },
          },
        ]
      : []),
  ],
});
