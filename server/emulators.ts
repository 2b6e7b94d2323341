// Starts the upstream emulators (mock-api/) in this process on loopback.
// For `npm run dev` and `USE_EMULATORS=1 npm start`; loaded lazily, so production never needs it.
import type { EmulatorEndpoints } from './config';

export interface RunningEmulators {
  endpoints: EmulatorEndpoints;
  close(): Promise<void>;
}

export interface StartEmulatorsOptions {
  /** Which ones to start: only the upstreams without real credentials. */
  exness: boolean;
  hasoffers: boolean;
  host?: string;
  /** 0 = any free port. */
  exnessPort?: number;
  hasOffersPort?: number;
}

export async function startEmulators(options: StartEmulatorsOptions): Promise<RunningEmulators> {
  const host = options.host ?? '127.0.0.1';
  const [{ EMULATOR_CREDENTIALS }, exnessModule, hasOffersModule] = await Promise.all([
    import('../mock-api/credentials'),
    options.exness ? import('../mock-api/exness/server') : undefined,
    options.hasoffers ? import('../mock-api/hasoffers/server') : undefined,
  ]);
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async (): Promise<void> => {
    await Promise.allSettled(closers.map((close) => close()));
  };
  const endpoints: EmulatorEndpoints = {};
  try {
    if (exnessModule) {
      const exness = await exnessModule.startExnessEmulator({
        host,
        port: options.exnessPort ?? 0,
      });
      closers.push(() => exness.close());
      endpoints.exness = {
        apiUrl: exness.url,
        login: EMULATOR_CREDENTIALS.exnessLogin,
        password: EMULATOR_CREDENTIALS.exnessPassword,
      };
    }
    if (hasOffersModule) {
      const hasoffers = await hasOffersModule.startHasOffersEmulator({
        host,
        port: options.hasOffersPort ?? 0,
      });
      closers.push(() => hasoffers.close());
      endpoints.hasoffers = {
        apiUrl: `${hasoffers.url}/Apiv3/json`,
        networkToken: EMULATOR_CREDENTIALS.hasOffersNetworkToken,
      };
    }
  } catch (e) {
    // One started, the other failed (port in use): do not leave the first one listening.
    await closeAll();
    throw e;
  }
  return { endpoints, close: closeAll };
}
