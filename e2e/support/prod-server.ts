// The production project's web server: builds dist/ with the canary credentials in the
// environment, starts both emulators accepting only those canaries, and runs the production
// entry (server/main.ts, NODE_ENV=production) against them as if they were the real APIs,
// its whole output going to PROD_LOG_FILE.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startExnessEmulator } from '../../mock-api/exness/server';
import { startHasOffersEmulator } from '../../mock-api/hasoffers/server';
import { hashPassword } from '../../server/auth/password-hash';
import { CANARIES, DASHBOARD_USER, PROD_LOG_FILE, PROD_PORTS } from './prod-config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

const secrets = {
  EXNESS_LOGIN: CANARIES.exnessLogin,
  EXNESS_PASSWORD: CANARIES.exnessPassword,
  HASOFFERS_NETWORK_TOKEN: CANARIES.hasOffersNetworkToken,
};

// The build sees the secrets too: anything that inlined environment values would show them.
Object.assign(process.env, secrets, { NODE_ENV: 'production' });
await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });

const exness = await startExnessEmulator({
  port: PROD_PORTS.exness,
  credentials: { login: CANARIES.exnessLogin, password: CANARIES.exnessPassword },
});
const hasoffers = await startHasOffersEmulator({
  port: PROD_PORTS.hasoffers,
  networkToken: CANARIES.hasOffersNetworkToken,
});

await mkdir(dirname(PROD_LOG_FILE), { recursive: true });
const log = createWriteStream(PROD_LOG_FILE, { flags: 'w' });
// An empty working directory: no developer .env is read.
const cwd = await mkdtemp(join(tmpdir(), 'partner-dashboard-e2e-prod-cwd-'));
const users = `${DASHBOARD_USER}:${await hashPassword(CANARIES.dashboardPassword)}`;

const bff = spawn(process.execPath, ['--import', TSX, join(ROOT, 'server/main.ts')], {
  cwd,
  env: {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json'),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    BFF_PORT: String(PROD_PORTS.bff),
    // The emulators stand in for the real APIs: production's "real" mode, not USE_EMULATORS,
    // so the configured (canary) credentials are the ones used.
    EXNESS_API_URL: exness.url,
    HASOFFERS_API_URL: `${hasoffers.url}/Apiv3/json`,
    ...secrets,
    DASHBOARD_USERS: users,
    // As chatty as it gets short of trace: more lines that could leak.
    LOG_LEVEL: 'debug',
    UPSTREAM_TIMEOUT_MS: '4000',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
for (const stream of [bff.stdout, bff.stderr]) {
  stream.pipe(log, { end: false });
  stream.pipe(process.stdout, { end: false });
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (bff.exitCode === null) bff.kill('SIGTERM');
  await Promise.allSettled([exness.close(), hasoffers.close()]);
  log.end(() => process.exit(code));
}
bff.on('exit', (code) => void stop(code ?? 1));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
