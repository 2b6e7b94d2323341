// Playwright helpers over the two emulators' /__control endpoints at the e2e ports: reset,
// inject faults, read the call log, change config. Imports nothing from src/.
import {
  createControlClient,
  hasOffersCallsTo,
  hasOffersParamsOf,
  loginCalls,
  type CallRecord,
  type ExnessConfig,
  type FaultSpecInput,
  type HasOffersConfig,
} from '../../mock-api/shared/control-client';
import { E2E_URLS } from './ports';

export type { CallRecord, FaultSpecInput };

const exness = createControlClient<ExnessConfig>(E2E_URLS.exness);
const hasoffers = createControlClient<HasOffersConfig>(E2E_URLS.hasoffers);

export const emulators = {
  /** Both emulators back to their seed, no faults, empty call logs, default config. */
  reset: async (): Promise<void> => {
    await Promise.all([exness.reset(), hasoffers.reset()]);
  },
  clearCalls: async (): Promise<void> => {
    await Promise.all([exness.clearCalls(), hasoffers.clearCalls()]);
  },
  exness: {
    ...exness,
    /** Successful logins since the last reset/clear (the single-flight re-login test). */
    logins: async (): Promise<CallRecord[]> => loginCalls(await exness.calls()),
  },
  hasoffers: {
    ...hasoffers,
    /** Calls to one Target/Method, oldest first. */
    callsTo: async (target: string, method: string): Promise<CallRecord[]> =>
      hasOffersCallsTo(await hasoffers.calls(), target, method),
    /** The parsed params (nested, as PHP reads them) of the calls to one Target/Method. */
    paramsOf: async (target: string, method: string): Promise<Record<string, unknown>[]> =>
      hasOffersParamsOf(await hasoffers.calls(), target, method),
  },
};

/** Finds HasOffers calls by Target/Method and returns their parsed params. */
export const findHasOffersCalls = emulators.hasoffers.paramsOf;
