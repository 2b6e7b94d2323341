// Runs both upstream emulators on fixed ports for `npm run mock-api` and `npm run dev`.
import { startExnessEmulator } from './exness/server';
import { startHasOffersEmulator } from './hasoffers/server';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${name} must be a port number, got '${raw}'`);
  }
  return port;
}

const exness = await startExnessEmulator({ port: portFromEnv('EXNESS_EMULATOR_PORT', 4010) });
const hasoffers = await startHasOffersEmulator({
  port: portFromEnv('HASOFFERS_EMULATOR_PORT', 4020),
});
console.log(`Exness emulator:    ${exness.url}`);
console.log(`HasOffers emulator: ${hasoffers.url}/Apiv3/json`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`mock-api: ${signal}, stopping`);
  void Promise.all([exness.close(), hasoffers.close()]).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
