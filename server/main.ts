// Production entry (`npm start`): the built SPA from dist/ and /api on one port.
// Real upstreams, or with USE_EMULATORS=1 the emulators in-process.
import { config as loadDotenv } from 'dotenv';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { ConfigError, emulatedUpstreams, loadConfig, resolveConfig, type Config } from './config';
import { startEmulators, type RunningEmulators } from './emulators';
import { onShutdownSignal } from './shutdown';
import { StorageOpenError, openHint, openStorage, type Storage } from './storage/db';

const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

function readConfig(): Config {
  loadDotenv({ quiet: true });
  try {
    // Production never falls back to the emulators silently: missing credentials are an error.
    // And it always requires sign-in (even with USE_EMULATORS=1): DASHBOARD_USERS is required
    // and DEV_AUTO_SIGN_IN refused.
    return loadConfig(process.env, { missingCredentials: 'error', devAutoSignIn: 'refuse' });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`The dashboard server cannot start.\n${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

/** The database, migrated; or a message naming DATA_DIR / DATABASE_URL and exit 1. */
async function openDatabase(config: Config): Promise<Storage> {
  try {
    return await openStorage(config.storage);
  } catch (e) {
    if (!(e instanceof StorageOpenError)) throw e;
    console.error(`The dashboard server cannot start.\n${e.message}\n${openHint(config.storage)}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const storage = await openDatabase(config);
  const emulate = emulatedUpstreams(config);
  let emulators: RunningEmulators | undefined;
  if (emulate.exness || emulate.hasoffers) {
    emulators = await startEmulators({ ...emulate, host: '127.0.0.1' });
  }
  const staticRoot = existsSync(`${DIST_DIR}/index.html`) ? DIST_DIR : undefined;
  const app = buildApp(resolveConfig(config, emulators?.endpoints ?? {}), {
    ...(staticRoot && { staticRoot }),
    storage,
  });
  if (!staticRoot) app.log.warn('dist/ has no index.html (run `npm run build`): serving /api only');
  if (
    !['127.0.0.1', 'localhost', '::1'].includes(config.host) &&
    config.allowedHosts.length === 0
  ) {
    app.log.warn('ALLOWED_HOSTS is empty: only requests to localhost/127.0.0.1 will be served');
  }

  onShutdownSignal(async () => {
    await app.close();
    await storage.close();
    await emulators?.close();
  });

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${config.port} on ${config.host} is in use: set BFF_PORT to another port.`
        : `The dashboard server could not listen on ${config.host}:${config.port} (${code || 'error'}).`,
    );
    await emulators?.close();
    await storage.close();
    process.exit(1);
  }
  app.log.info({ exness: config.exness.mode, hasoffers: config.hasoffers.mode }, 'upstream modes');
  app.log.info(
    { users: config.auth.users.length, database: storage.description },
    'sessions, sign-in throttle, idempotency records and the HasOffers call budget are in the database',
  );
}

await main();
