// A typed client for an emulator's /__control endpoint (global fetch only), used by the e2e
// helpers and the emulators' own tests.
import type { CallRecord, FaultSpec, FaultSpecInput } from './control';

export type { CallRecord, FaultSpecInput };

export interface ExnessConfig {
  tokenTtlMs?: number;
  emptyAccount?: boolean;
  /** Decimals on the wire: JSON strings (default, as DRF) or numbers. */
  decimals?: 'string' | 'number';
}

export interface HasOffersConfig {
  rateLimit?: { calls: number; windowMs: number };
}

export interface ControlClient<C> {
  readonly baseUrl: string;
  /** Seed data, faults, call log and config back to the start. */
  reset(): Promise<void>;
  /** Arms a fault for the next `count` (default 1) matching calls. */
  fault(spec: FaultSpecInput): Promise<(FaultSpec & { remaining: number })[]>;
  clearFaults(): Promise<void>;
  calls(): Promise<CallRecord[]>;
  clearCalls(): Promise<void>;
  config(config: C): Promise<C>;
}

async function control<T>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}/__control/${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export function createControlClient<C>(baseUrl: string): ControlClient<C> {
  return {
    baseUrl,
    reset: async () => {
      await control(baseUrl, 'POST', 'reset');
    },
    fault: async (spec) =>
      (
        await control<{ faults: (FaultSpec & { remaining: number })[] }>(
          baseUrl,
          'POST',
          'faults',
          spec,
        )
      ).faults,
    clearFaults: async () => {
      await control(baseUrl, 'DELETE', 'faults');
    },
    calls: async () => (await control<{ calls: CallRecord[] }>(baseUrl, 'GET', 'calls')).calls,
    clearCalls: async () => {
      await control(baseUrl, 'DELETE', 'calls');
    },
    config: async (config) =>
      (await control<{ config: C }>(baseUrl, 'POST', 'config', config)).config,
  };
}

/** Exness logins in a call log: the POSTs to the auth path, successful ones only if asked. */
export function loginCalls(calls: readonly CallRecord[], successfulOnly = true): CallRecord[] {
  return calls.filter(
    (c) =>
      c.method === 'POST' &&
      c.path === '/api/v2/auth/' &&
      (!successfulOnly || (c.status === 200 && c.fault === undefined)),
  );
}

/** HasOffers calls to one Target/Method, oldest first. */
export function hasOffersCallsTo(
  calls: readonly CallRecord[],
  target: string,
  method: string,
): CallRecord[] {
  return calls.filter((c) => c.target === target && c.hoMethod === method);
}

/** The parsed (nested, PHP-bracket) params of those calls. */
export function hasOffersParamsOf(
  calls: readonly CallRecord[],
  target: string,
  method: string,
): Record<string, unknown>[] {
  return hasOffersCallsTo(calls, target, method).map((c) =>
    typeof c.params === 'object' && c.params !== null ? (c.params as Record<string, unknown>) : {},
  );
}
