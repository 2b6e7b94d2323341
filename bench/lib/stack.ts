// The chain under test: the emulators (own process, known ports) and the BFF (bench/serve.ts) on
// loopback, plus a signed-in session. Ports stay clear of `npm run dev` (5173/8787/4010/4020)
// and of the Playwright runs (5273/8877/8887/8977/4110/4120/4150/4160).
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../../server/auth/password-hash';
import { startProcess, stopProcess, waitForHttp } from './procs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const PORTS = {
  bff: Number(process.env.BENCH_BFF_PORT ?? 18787),
  exness: Number(process.env.BENCH_EXNESS_PORT ?? 14010),
  hasoffers: Number(process.env.BENCH_HASOFFERS_PORT ?? 14020),
};

export const URLS = {
  app: `http://127.0.0.1:${PORTS.bff}`,
  exness: `http://127.0.0.1:${PORTS.exness}`,
  hasoffers: `http://127.0.0.1:${PORTS.hasoffers}`,
};

export const BENCH_USER = 'bench';
export const BENCH_PASSWORD = 'bench-password-not-a-secret';

/** Raised for the whole benchmark: the browser runs alone make more than 50 calls per 10 s. */
export const HASOFFERS_BENCH_LIMIT = 100_000;

const tsx = ['--import', 'tsx'];

export async function startEmulators(logFile: string): Promise<ChildProcess> {
  const child = startProcess({
    name: 'emulators',
    command: process.execPath,
    args: [...tsx, 'mock-api/main.ts'],
    cwd: ROOT,
    env: {
      EXNESS_EMULATOR_PORT: String(PORTS.exness),
      HASOFFERS_EMULATOR_PORT: String(PORTS.hasoffers),
    },
    logFile,
  });
  await Promise.all([
    waitForHttp(`${URLS.exness}/__control/config`),
    waitForHttp(`${URLS.hasoffers}/__control/config`),
  ]);
  await control('hasoffers', 'config', {
    rateLimit: { calls: HASOFFERS_BENCH_LIMIT, windowMs: 10_000 },
  });
  return child;
}

export async function control(
  which: 'exness' | 'hasoffers',
  route: 'reset' | 'config',
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${URLS[which]}/__control/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`control ${which} ${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Resets both emulators (seed, call log) and keeps the raised HasOffers limit. */
export async function resetEmulators(): Promise<void> {
  await Promise.all([control('exness', 'reset'), control('hasoffers', 'reset')]);
  await control('hasoffers', 'config', {
    rateLimit: { calls: HASOFFERS_BENCH_LIMIT, windowMs: 10_000 },
  });
}

export interface CallLogEntry {
  seq: number;
  method: string;
  path: string;
  target?: string;
  hoMethod?: string;
  /** The query string as the emulator parsed it (a repeated key as an array). */
  query?: Record<string, string | string[]>;
  body?: unknown;
  status?: number;
  durationMs?: number;
}

export async function calls(which: 'exness' | 'hasoffers'): Promise<CallLogEntry[]> {
  const res = await fetch(`${URLS[which]}/__control/calls`);
  return ((await res.json()) as { calls: CallLogEntry[] }).calls;
}

export async function clearCalls(which: 'exness' | 'hasoffers'): Promise<void> {
  await fetch(`${URLS[which]}/__control/calls`, { method: 'DELETE' });
}

let usersValue: string | undefined;
/** DASHBOARD_USERS for the bench user (scrypt N=2^10, the cheapest the BFF accepts). */
async function dashboardUsers(): Promise<string> {
  usersValue ??= `${BENCH_USER}:${await hashPassword(BENCH_PASSWORD, { N: 2 ** 10, r: 8, p: 1 })}`;
  return usersValue;
}

export interface BffOptions {
  staticRoot?: string;
  logFile?: string;
  port?: number;
}

/** Starts bench/serve.ts; resolves once /api/health answers. */
export async function startBff(options: BffOptions = {}): Promise<ChildProcess> {
  const port = options.port ?? PORTS.bff;
  const child = startProcess({
    name: 'bff',
    command: process.execPath,
    args: [...tsx, 'bench/serve.ts'],
    cwd: ROOT,
    env: {
      BFF_PORT: String(port),
      DASHBOARD_USERS: await dashboardUsers(),
      BENCH_EXNESS_URL: URLS.exness,
      BENCH_HASOFFERS_URL: URLS.hasoffers,
      BENCH_HASOFFERS_LIMIT: String(HASOFFERS_BENCH_LIMIT),
      ...(options.staticRoot && { BENCH_STATIC_ROOT: options.staticRoot }),
      NODE_ENV: 'production',
      // The production default; the lines go to a file (or nowhere), as behind a log shipper.
      LOG_LEVEL: 'info',
    },
    ...(options.logFile && { logFile: options.logFile }),
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the BFF exited (${code}) during start-up`))),
  );
  await Promise.race([waitForHttp(`http://127.0.0.1:${port}/api/health`), exited]);
  return child;
}

export { stopProcess };

/** Signs in through the API; returns the Cookie header value. */
export async function signIn(appUrl = URLS.app): Promise<{ name: string; value: string }> {
  const res = await fetch(`${appUrl}/api/session`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Requested-With': 'dashboard',
      Origin: appUrl,
    },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const m = /^([^=]+)=([^;]*)/.exec(setCookie);
  if (!m?.[1] || !m[2]) throw new Error('sign-in answered without a session cookie');
  return { name: m[1], value: m[2] };
}
