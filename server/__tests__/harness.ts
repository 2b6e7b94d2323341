// Test harness: real emulators and the BFF over HTTP on free ports, captured logs, control API.
import type { FastifyInstance } from 'fastify';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { EMULATOR_CREDENTIALS } from '../../mock-api/credentials';
import { startExnessEmulator } from '../../mock-api/exness/server';
import { startHasOffersEmulator } from '../../mock-api/hasoffers/server';
import { buildApp, type BuildAppOptions } from '../app';
import { hashPassword, parsePasswordHash } from '../auth/password-hash';
import type { DashboardUser } from '../auth/users';
import type { AppConfig, AuthConfig } from '../config';
import type { Storage } from '../storage/db';
import { memoryTestStorage } from '../storage/test-engines';

export interface Emulators {
  exnessUrl: string;
  hasOffersUrl: string;
  close(): Promise<void>;
}

export async function startTestEmulators(): Promise<Emulators> {
  const [exness, hasoffers] = await Promise.all([
    startExnessEmulator({ port: 0 }),
    startHasOffersEmulator({ port: 0 }),
  ]);
  return {
    exnessUrl: exness.url,
    hasOffersUrl: hasoffers.url,
    close: async () => {
      await Promise.all([exness.close(), hasoffers.close()]);
    },
  };
}

export function testConfig(
  emulators: Pick<Emulators, 'exnessUrl' | 'hasOffersUrl'>,
  overrides: {
    exness?: Partial<AppConfig['exness']>;
    hasoffers?: Partial<AppConfig['hasoffers']>;
    upstreamTimeoutMs?: number;
    auth?: Partial<AuthConfig>;
  } = {},
): AppConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    upstreamTimeoutMs: overrides.upstreamTimeoutMs ?? 4000,
    logLevel: 'info',
    allowedOrigins: [],
    allowedHosts: [],
    trustProxy: [],
    // Signed in automatically unless a test says otherwise (as `npm run dev` with emulators):
    // the upstream tests are about the upstreams. Sign-in has its own tests.
    auth: {
      users: [],
      devAutoSignIn: 'tester',
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 12 * 3_600_000,
      ...overrides.auth,
    },
    exness: {
      mode: 'emulated',
      apiUrl: emulators.exnessUrl,
      login: EMULATOR_CREDENTIALS.exnessLogin,
      password: EMULATOR_CREDENTIALS.exnessPassword,
      ...overrides.exness,
    },
    hasoffers: {
      mode: 'emulated',
      apiUrl: `${emulators.hasOffersUrl}/Apiv3/json`,
      networkToken: EMULATOR_CREDENTIALS.hasOffersNetworkToken,
      ...overrides.hasoffers,
    },
  };
}

export interface RunningBff {
  url: string;
  app: FastifyInstance;
  storage: Storage;
  /** Every log line the BFF wrote (pino JSON). */
  logs: string[];
  close(): Promise<void>;
}

/**
 * A BFF on a free port. Without `storage`, a fresh one on the file's in-memory PGlite (its own
 * schema), closed with the BFF; a given storage stays open (its opener closes it).
 */
export async function startBff(
  config: AppConfig,
  options: Partial<BuildAppOptions> = {},
): Promise<RunningBff> {
  const logs: string[] = [];
  const own = options.storage === undefined ? await memoryTestStorage() : undefined;
  const storage = options.storage ?? own;
  if (!storage) throw new Error('no storage');
  const app = buildApp(config, {
    ...options,
    storage,
    logStream: { write: (line) => logs.push(line) },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    storage,
    logs,
    close: async () => {
      await app.close();
      await own?.close();
    },
  };
}

/** A dashboard user with a cheap hash (N=2^10: tests only; real hashes are far costlier). */
export async function testUser(name: string, password: string): Promise<DashboardUser> {
  const hash = parsePasswordHash(await hashPassword(password, { N: 1024, r: 8, p: 1 }));
  if (!hash) throw new Error('hash did not parse');
  return { name, hash };
}

/** Signs in over HTTP; returns the Cookie header value to send with later calls. */
export async function signIn(bffUrl: string, username: string, password: string): Promise<string> {
  const res = await postJson(`${bffUrl}/api/session`, { username, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';')[0] ?? '';
  if (!pair.includes('=')) throw new Error('no session cookie');
  return pair;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** A browser-like call: sends X-Requested-With like src/lib/http.ts unless told otherwise. */
export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'X-Requested-With': 'dashboard', ...init.headers },
    ...(init.body !== undefined && { body: init.body }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** An answer's bytes and headers as sent: fetch() would decode them and drop Content-Encoding. */
export function rawCall(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  call(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

export const postForm = (url: string, params: string, headers: Record<string, string> = {}) =>
  call(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: params,
  });

export interface LoggedCall {
  seq: number;
  /** When the emulator received it (ISO). */
  at: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
  target?: string;
  hoMethod?: string;
  params?: Record<string, unknown>;
  status?: number;
  hoStatus?: number;
  fault?: string;
}

/** The emulators' /__control endpoint. */
export function control(emulatorUrl: string) {
  const post = async (path: string, body: unknown = {}): Promise<void> => {
    const res = await fetch(`${emulatorUrl}/__control${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
  };
  return {
    reset: () => post('/reset'),
    fault: (spec: {
      match?: { method?: 'GET' | 'POST'; path?: string; target?: string; hoMethod?: string };
      fault: string;
      count?: number;
      delayMs?: number;
    }) => post('/faults', spec),
    config: (config: Record<string, unknown>) => post('/config', config),
    calls: async (): Promise<LoggedCall[]> => {
      const res = await fetch(`${emulatorUrl}/__control/calls`);
      return ((await res.json()) as { calls: LoggedCall[] }).calls;
    },
    clearCalls: async (): Promise<void> => {
      await fetch(`${emulatorUrl}/__control/calls`, { method: 'DELETE' });
    },
  };
}

/** Traces an error answer must never carry. */
export function expectNoLeak(text: string, secrets: readonly string[]): void {
  for (const s of secrets) {
    if (text.includes(s)) throw new Error(`leaked ${JSON.stringify(s)} in: ${text.slice(0, 500)}`);
  }
  if (/\n\s+at /.test(text) || /\.ts:\d+/.test(text)) {
    throw new Error(`stack trace in: ${text.slice(0, 500)}`);
  }
}

/** The most calls any sliding window (t - windowMs, t] of an emulator's call log holds. */
export function busiestWindow(calls: readonly LoggedCall[], windowMs: number): number {
  const times = calls.map((c) => Date.parse(c.at)).sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < times.length; end++) {
    while ((times[start] ?? 0) <= (times[end] ?? 0) - windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
