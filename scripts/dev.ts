// `npm run dev`: the emulators needed, the BFF pointed at them, then Vite; one Ctrl-C stops all.
// An upstream without credentials (or every one, with USE_EMULATORS=1) uses its emulator.
import { config as loadDotenv } from 'dotenv';
import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { buildApp } from '../server/app';
import {
  ConfigError,
  emulatedUpstreams,
  loadConfig,
  resolveConfig,
  type Config,
  type UpstreamMode,
} from '../server/config';
import { startEmulators, type RunningEmulators } from '../server/emulators';
import { onShutdownSignal } from '../server/shutdown';
import { openHint, openStorage, type Storage } from '../server/storage/db';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function readConfig(): Config {
  loadDotenv({ quiet: true, path: `${ROOT}.env` });
  // Request logs would drown Vite's output; LOG_LEVEL=info brings them back.
  process.env.LOG_LEVEL ||= 'warn';
  // The embedded database in the project's data/ (git-ignored), wherever npm run dev is run from.
  process.env.DATA_DIR ||= `${ROOT}data`;
  try {
    // With both upstreams emulated the browser is signed in as `demo` (nothing real is at stake,
    // and the two-command start stays one step); with a real one, DASHBOARD_USERS is required.
    return loadConfig(process.env, {
      missingCredentials: 'emulate',
      devAutoSignIn: 'allow',
      devAutoSignInDefault: 'demo',
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`npm run dev cannot start.\n${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

function errorCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e ? String(e.code) : undefined;
}

function describeMode(mode: UpstreamMode, emulatorUrl: string | undefined): string {
  return mode === 'real' ? 'real API' : `emulated (${emulatorUrl ?? '?'}, control: /__control)`;
}

async function main(): Promise<void> {
  const config = readConfig();
  const emulate = emulatedUpstreams(config);
  let emulators: RunningEmulators | undefined;
  let app: FastifyInstance | undefined;
  let vite: ViteDevServer | undefined;
  let storage: Storage | undefined;
  const stopAll = async (): Promise<void> => {
    await vite?.close();
    await app?.close();
    await storage?.close();
    await emulators?.close();
  };
  onShutdownSignal(stopAll);

  let step = 'the database';
  try {
    try {
      storage = await openStorage(config.storage);
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${openHint(config.storage)}`);
    }
    step = 'the emulators';
    if (emulate.exness || emulate.hasoffers) {
      // Always loopback: the emulators' /__control endpoint has no authentication.
      emulators = await startEmulators({
        ...emulate,
        host: '127.0.0.1',
        exnessPort: config.emulatorPorts.exness,
        hasOffersPort: config.emulatorPorts.hasoffers,
      });
    }
    step = `the BFF (BFF_PORT ${config.port})`;
    app = buildApp(resolveConfig(config, emulators?.endpoints ?? {}), { storage });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const bffPort = typeof address === 'object' && address ? address.port : config.port;

    step = 'Vite';
    // vite.config.ts reads these to place its server and its /api proxy.
    process.env.BFF_PORT = String(bffPort);
    process.env.HOST = config.host;
    vite = await createServer({ configFile: `${ROOT}vite.config.ts`, root: ROOT });
    await vite.listen();
  } catch (e) {
    const code = errorCode(e);
    console.error(
      `npm run dev could not start ${step}: ${
        code === 'EADDRINUSE'
          ? 'a port is already in use (see EXNESS_EMULATOR_PORT, HASOFFERS_EMULATOR_PORT, BFF_PORT, VITE_PORT)'
          : e instanceof Error
            ? e.message
            : String(e)
      }`,
    );
    await stopAll();
    process.exit(1);
  }

  const url = vite.resolvedUrls?.local[0] ?? `http://${config.host}:${process.env.VITE_PORT}/`;
  console.log(
    [
      '',
      '  Partner dashboard (dev)',
      `  Open       ${url}`,
      `  Exness     ${describeMode(config.exness.mode, emulators?.endpoints.exness?.apiUrl)}`,
      `  HasOffers  ${describeMode(config.hasoffers.mode, emulators?.endpoints.hasoffers?.apiUrl)}`,
      `  Sign-in    ${
        config.auth.devAutoSignIn !== undefined
          ? `automatic as ${config.auth.devAutoSignIn} (emulated upstreams only)`
          : `required (${config.auth.users.length} user(s) in DASHBOARD_USERS)`
      }`,
      `  Data       ${storage?.description ?? '?'}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

await main();
