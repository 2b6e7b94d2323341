// Playwright: real Chromium against the whole chain (browser → Vite proxy → BFF → emulators).
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_PORTS, E2E_URLS } from './e2e/support/ports';

/** A system Chromium when there is one (Debian's here), else Playwright's own browser. */
function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

const executablePath = systemChromium();

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
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath && { executablePath }),
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
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
    },
  },
});
