// The production-mode e2e run (Playwright project `production`): its ports, the canary
// credentials it runs with, and where the BFF's log goes. Shared by the config, the server
// script and the specs. Imports nothing from src/.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROD_PORTS = {
  bff: Number(process.env.E2E_PROD_BFF_PORT ?? 8977),
  exness: Number(process.env.E2E_PROD_EXNESS_PORT ?? 4150),
  hasoffers: Number(process.env.E2E_PROD_HASOFFERS_PORT ?? 4160),
};

export const PROD_URLS = {
  app: `http://127.0.0.1:${PROD_PORTS.bff}`,
  exness: `http://127.0.0.1:${PROD_PORTS.exness}`,
  hasoffers: `http://127.0.0.1:${PROD_PORTS.hasoffers}`,
};

/**
 * Every credential of the run, each a value found nowhere else: if one turns up in the build, a
 * request, an answer, a cookie, browser storage or a log line, it leaked. (There is no session
 * secret to add: session ids are random and kept only in the BFF's memory.)
 */
export const CANARIES = {
  exnessLogin: 'canary-login-q7x3@partner.example',
  exnessPassword: 'CanaryExnessPw-v9k2m4',
  hasOffersNetworkToken: 'CanaryNetworkToken-h5t8w1',
  dashboardPassword: 'CanaryDashboardPw-r3j6n8',
} as const;

export const DASHBOARD_USER = 'e2e-admin';

/** Everything the production BFF writes (stdout and stderr), one file per run. */
export const PROD_LOG_FILE = join(
  tmpdir(),
  `partner-dashboard-e2e-prod-${PROD_PORTS.bff}`,
  'bff.log',
);
