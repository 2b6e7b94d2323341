// Bench-only BFF entry: what server/main.ts runs (loadConfig → resolveConfig → buildApp, serving a
// built dist/ and /api) with two differences the benchmark needs: the emulators run in their own
// process on known ports (so their control API and call log are reachable, and the BFF's memory is
// its own), and the HasOffers limiter can be raised (BENCH_HASOFFERS_LIMIT) for the overhead test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_CREDENTIALS } from '../mock-api/credentials';
import { buildApp } from '../server/app';
import { loadConfig, resolveConfig } from '../server/config';
import { HASOFFERS_RATE_LIMIT } from '../server/hasoffers/rate-limiter';
import { onShutdownSignal } from '../server/shutdown';
import { openStorage } from '../server/storage/db';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const config = loadConfig(
  { ...process.env, USE_EMULATORS: '1' },
  { missingCredentials: 'error', devAutoSignIn: 'refuse' },
);
const staticRoot = process.env.BENCH_STATIC_ROOT;
const limit = Number(process.env.BENCH_HASOFFERS_LIMIT ?? 0);
// The embedded engine on disk, as `npm start` runs it, in a folder of this run's own (or DATA_DIR).
const ownDataDir = process.env.DATA_DIR ? undefined : await mkdtemp(join(tmpdir(), 'bench-data-'));
const storage = await openStorage(
  ownDataDir ? { engine: 'embedded', dataDir: ownDataDir } : config.storage,
);
const app = buildApp(
  resolveConfig(config, {
    exness: {
      apiUrl: required('BENCH_EXNESS_URL'),
      login: EMULATOR_CREDENTIALS.exnessLogin,
      password: EMULATOR_CREDENTIALS.exnessPassword,
    },
    hasoffers: {
      apiUrl: `${required('BENCH_HASOFFERS_URL')}/Apiv3/json`,
      networkToken: EMULATOR_CREDENTIALS.hasOffersNetworkToken,
    },
  }),
  {
    storage,
    ...(staticRoot && { staticRoot }),
    ...(limit > 0 && {
      rateLimit: { ...HASOFFERS_RATE_LIMIT, limit, maxQueue: 1000 },
    }),
  },
);

onShutdownSignal(async () => {
  await app.close();
  await storage.close();
  if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
});

await app.listen({ host: '127.0.0.1', port: config.port });
