// BFF settings: read from environment variables, validated once at start-up with readable messages.
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  parseDashboardUsers,
  isValidUserName,
  normalizeUserName,
  type DashboardUser,
} from './auth/users';
import type { StorageSettings } from './storage/db';

/** DATA_DIR's default: the embedded database's folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = './data';
/** DATA_DIR=:memory: keeps nothing (a fresh database per start): for end-to-end test servers. */
export const MEMORY_DATA_DIR = ':memory:';

export type UpstreamMode = 'emulated' | 'real';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export const DEFAULT_EXNESS_API_URL = 'https://my.exnessaffiliates.com';

/**
 * How the browser may list rebate groups through the BFF. GET (default) is safe; POST is the
 * vendor page's old list contract, but on the real API a POST on that path CREATES a group.
 */
export type ExnessListMethod = 'GET' | 'POST';

/** An upstream with everything needed to call it: real, or an emulator on loopback. */
export interface ExnessUpstream {
  mode: UpstreamMode;
  /** Base URL; the API paths (`/api/v2/...`) are appended to it. */
  apiUrl: string;
  login: string;
  password: string;
  /** EXNESS_LIST_METHOD; absent means GET (only POST is ever set here). */
  listMethod?: ExnessListMethod;
}

export interface HasOffersUpstream {
  mode: UpstreamMode;
  /** The full Apiv3 JSON endpoint, e.g. `https://<id>.api.hasoffers.com/Apiv3/json`. */
  apiUrl: string;
  networkToken: string;
}

/** What `loadConfig` decides per upstream: real with its credentials, or to be emulated. */
export type ExnessSettings =
  ({ mode: 'real' } & Omit<ExnessUpstream, 'mode'>) | { mode: 'emulated' };
export type HasOffersSettings =
  ({ mode: 'real' } & Omit<HasOffersUpstream, 'mode'>) | { mode: 'emulated' };

/** The dashboard's own sign-in. */
export interface AuthConfig {
  /** DASHBOARD_USERS: who may sign in. Required unless devAutoSignIn is set. */
  users: DashboardUser[];
  /**
   * DEV_AUTO_SIGN_IN: every browser without a session is signed in as this user. Only
   * `npm run dev` with both upstreams emulated accepts it; never with NODE_ENV=production.
   */
  devAutoSignIn: string | undefined;
  /** A session ends after this long without a request (sliding). */
  sessionIdleMs: number;
  /** ...and this long after sign-in, however active (absolute cap). */
  sessionMaxMs: number;
}

interface CommonConfig {
  host: string;
  port: number;
  upstreamTimeoutMs: number;
  /** UPSTREAM_MAX_BYTES: the most an upstream answer may hold (decoded); then a 502. */
  upstreamMaxBytes?: number;
  /** SERVE_SOURCE_MAPS=1: serve dist/'s .map files (they show our source to anyone). */
  serveSourceMaps?: boolean;
  /** HISTORY_RETENTION_DAYS: changes older than this are deleted (a group's newest version is
   * always kept, so it can still be restored); undefined keeps everything. */
  historyRetentionDays?: number;
  logLevel: LogLevel;
  /** Origins accepted besides the request's own (e.g. another dev front end). Exact match. */
  allowedOrigins: string[];
  /** Host names (Host header, port ignored) accepted besides the loopback names. */
  allowedHosts: string[];
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, Fastify's
   * `trustProxy`). Empty: the client address is the socket's (what the sign-in throttle keys on).
   */
  trustProxy: string[];
  auth: AuthConfig;
}

/** The settings as read from the environment; emulated upstreams have no URL yet. */
export interface Config extends CommonConfig {
  /** DATABASE_URL (PostgreSQL) if set, else the embedded engine in DATA_DIR. */
  storage: StorageSettings;
  useEmulators: boolean;
  /** EXNESS_LIST_METHOD: GET unless the operator accepts the risk of POST listing. */
  exnessListMethod: ExnessListMethod;
  emulatorPorts: { exness: number; hasoffers: number };
  exness: ExnessSettings;
  hasoffers: HasOffersSettings;
}

/** What the app runs with: every upstream has a URL and credentials (an emulator's, if emulated). */
export interface AppConfig extends CommonConfig {
  exness: ExnessUpstream;
  hasoffers: HasOffersUpstream;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface LoadConfigOptions {
  /**
   * What to do when an upstream has no credentials and USE_EMULATORS is off. Production (`npm
   * start`) refuses to start ('error'); `npm run dev` falls back to that upstream's emulator.
   */
  missingCredentials?: 'error' | 'emulate';
  /**
   * Whether DEV_AUTO_SIGN_IN may be set at all: 'allow' for `npm run dev` (and then only with both
   * upstreams emulated and NODE_ENV not production); production refuses it ('refuse', default).
   */
  devAutoSignIn?: 'allow' | 'refuse';
  /**
   * With 'allow': the user signed in automatically when DEV_AUTO_SIGN_IN is unset and both
   * upstreams are emulated (`npm run dev` passes 'demo', so its two-command start needs no
   * sign-in while nothing real is at stake).
   */
  devAutoSignInDefault?: string;
  /**
   * Whether DASHBOARD_USERS is required ('require', default). The read-only account check
   * (`npm run check:real-account`) signs nobody in: 'optional'.
   */
  users?: 'require' | 'optional';
}

// Empty strings count as unset: `FOO=` in a .env file means "not configured".
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
      } catch {
        return false;
      }
    }, `${name} must be an http(s) URL without user info`);

const port = (name: string, fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .refine((s) => /^\d+$/.test(s) && Number(s) <= 65535, `${name} must be a port number 0-65535`)
    .transform(Number);

const flag = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .default('0')
    .refine(
      (s) => ['', '0', '1', 'true', 'false', 'yes', 'no'].includes(s),
      `${name} must be 1/0 (or true/false)`,
    )
    .transform((s) => s === '1' || s === 'true' || s === 'yes');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  EXNESS_API_URL: httpUrl('EXNESS_API_URL').default(DEFAULT_EXNESS_API_URL),
  EXNESS_LOGIN: optionalText,
  EXNESS_PASSWORD: optionalText,
  EXNESS_LIST_METHOD: z
    .string()
    .trim()
    .toUpperCase()
    .default('GET')
    .refine(
      (s): s is ExnessListMethod => s === 'GET' || s === 'POST',
      'EXNESS_LIST_METHOD must be GET or POST (POST creates a group on the real API)',
    )
    .transform((s) => s as ExnessListMethod),
  HASOFFERS_API_URL: httpUrl('HASOFFERS_API_URL').optional(),
  HASOFFERS_NETWORK_ID: z
    .string()
    .trim()
    // It becomes a host name label: nothing that could change the host.
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i, {
      message: 'HASOFFERS_NETWORK_ID must be a network id (letters, digits, dashes)',
    })
    .optional(),
  HASOFFERS_NETWORK_TOKEN: optionalText,
  BFF_PORT: port('BFF_PORT', 8787),
  HOST: z.string().trim().min(1, 'HOST must not be empty').default('127.0.0.1'),
  UPSTREAM_TIMEOUT_MS: z
    .string()
    .trim()
    .default('15000')
    .refine(
      (s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 600_000,
      'UPSTREAM_TIMEOUT_MS must be a whole number of milliseconds between 1 and 600000',
    )
    .transform(Number),
  UPSTREAM_MAX_BYTES: z
    .string()
    .trim()
    .default(String(5 * 1024 * 1024))
    .refine(
      (s) => /^\d+$/.test(s) && Number(s) >= 1024 && Number(s) <= 1024 * 1024 * 1024,
      'UPSTREAM_MAX_BYTES must be a whole number of bytes between 1024 and 1073741824',
    )
    .transform(Number),
  SERVE_SOURCE_MAPS: flag('SERVE_SOURCE_MAPS'),
  HISTORY_RETENTION_DAYS: z
    .string()
    .trim()
    .optional()
    .refine(
      (s) => s === undefined || s === '' || (/^\d+$/.test(s) && Number(s) >= 1),
      'HISTORY_RETENTION_DAYS must be a whole number of days (1 or more), or empty to keep everything',
    )
    .transform((s) => (s === undefined || s === '' ? undefined : Number(s))),
  USE_EMULATORS: flag('USE_EMULATORS'),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .default('info')
    .refine(
      (s): s is LogLevel => (logLevels as readonly string[]).includes(s),
      `LOG_LEVEL must be one of ${logLevels.join(', ')}`,
    )
    .transform((s) => s as LogLevel),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .refine(
      (list) => list.every(isOrigin),
      'ALLOWED_ORIGINS must be a comma-separated list of origins like http://localhost:5173',
    ),
  ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h !== ''),
    )
    .refine(
      (list) => list.every(isHostName),
      'ALLOWED_HOSTS must be a comma-separated list of host names like dashboard.example.com',
    ),
  EXNESS_EMULATOR_PORT: port('EXNESS_EMULATOR_PORT', 4010),
  HASOFFERS_EMULATOR_PORT: port('HASOFFERS_EMULATOR_PORT', 4020),
  // Parsed below (users and hashes), so that problems can name entries without their hashes.
  DASHBOARD_USERS: z.string().default(''),
  DEV_AUTO_SIGN_IN: z
    .string()
    .transform(normalizeUserName)
    .refine(
      (s) => s === 'off' || isValidUserName(s),
      'DEV_AUTO_SIGN_IN must be a user name (letters, digits, . _ @ -) or off',
    )
    .optional(),
  SESSION_IDLE_MINUTES: wholeNumber('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
  SESSION_MAX_HOURS: wholeNumber('SESSION_MAX_HOURS', 12, 1, 30 * 24),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
    )
    .refine(
      (list) =>
        list.every((a) => /^(loopback|linklocal|uniquelocal|[0-9a-f:.]+(\/\d{1,3})?)$/i.test(a)),
      'TRUST_PROXY must be a comma-separated list of proxy addresses or CIDRs (or loopback)',
    ),
  NODE_ENV: z.string().trim().optional(),
  DATA_DIR: z.string().trim().default(DEFAULT_DATA_DIR),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
      } catch {
        return false;
      }
    }, 'DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/dbname')
    .optional(),
});

function wholeNumber(name: string, fallback: number, min: number, max: number) {
  return z
    .string()
    .trim()
    .default(String(fallback))
    .refine(
      (s) => /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max,
      `${name} must be a whole number between ${min} and ${max}`,
    )
    .transform(Number);
}

/** A DNS name (dot-separated labels) or a bracketed IPv6 address, as in a Host header. */
function isHostName(s: string): boolean {
  if (/^\[[0-9a-f:.]+\]$/.test(s)) return true;
  return s.split('.').every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}

function isOrigin(s: string): boolean {
  try {
    return new URL(s).origin === s;
  } catch {
    return false;
  }
}

/** Trailing-slash-free, so paths can be appended by concatenation. */
function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Reads and validates the settings. Pure: give it `process.env` (after dotenv) or a test object.
 * Throws a ConfigError listing every problem; messages name the variable, never its value (a
 * value may be a secret).
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: LoadConfigOptions = {},
): Config {
  const missingCredentials = options.missingCredentials ?? 'error';
  // zod's defaults apply to undefined only; an empty string means "unset" for every variable.
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => {
      const v = env[k];
      return [k, v === undefined || v.trim() === '' ? undefined : v];
    }),
  );
  const parsed = envSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      // Our refinements already name the variable; zod's own messages do not.
      problems.push(issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const emulateHint = 'set USE_EMULATORS=1 to use the built-in emulators instead';

  let exness: ExnessSettings = { mode: 'emulated' };
  if (!e.USE_EMULATORS) {
    if (e.EXNESS_LOGIN && e.EXNESS_PASSWORD) {
      exness = {
        mode: 'real',
        apiUrl: trimSlash(e.EXNESS_API_URL),
        login: e.EXNESS_LOGIN,
        password: e.EXNESS_PASSWORD,
      };
    } else if (e.EXNESS_LOGIN || e.EXNESS_PASSWORD) {
      // Half a credential is a mistake, not a wish for the emulator.
      problems.push(
        e.EXNESS_LOGIN
          ? 'EXNESS_PASSWORD is missing (EXNESS_LOGIN is set)'
          : 'EXNESS_LOGIN is missing (EXNESS_PASSWORD is set)',
      );
    } else if (missingCredentials === 'error') {
      problems.push(
        `EXNESS_LOGIN and EXNESS_PASSWORD are required (the partner account of the Exness API); ${emulateHint}`,
      );
    }
  }

  let hasoffers: HasOffersSettings = { mode: 'emulated' };
  if (!e.USE_EMULATORS) {
    const apiUrl = e.HASOFFERS_API_URL
      ? trimSlash(e.HASOFFERS_API_URL)
      : e.HASOFFERS_NETWORK_ID
        ? `https://${e.HASOFFERS_NETWORK_ID}.api.hasoffers.com/Apiv3/json`
        : undefined;
    if (e.HASOFFERS_NETWORK_TOKEN && apiUrl) {
      hasoffers = { mode: 'real', apiUrl, networkToken: e.HASOFFERS_NETWORK_TOKEN };
    } else if (e.HASOFFERS_NETWORK_TOKEN) {
      problems.push(
        'HASOFFERS_NETWORK_ID (or HASOFFERS_API_URL) is required with HASOFFERS_NETWORK_TOKEN',
      );
    } else if (missingCredentials === 'error' || apiUrl) {
      problems.push(
        apiUrl
          ? 'HASOFFERS_NETWORK_TOKEN is missing (the network is set)'
          : `HASOFFERS_NETWORK_TOKEN and HASOFFERS_NETWORK_ID (or HASOFFERS_API_URL) are required; ${emulateHint}`,
      );
    }
  }

  const parsedUsers = parseDashboardUsers(e.DASHBOARD_USERS);
  problems.push(...parsedUsers.problems);
  let devAutoSignIn: string | undefined;
  const bothEmulated = exness.mode === 'emulated' && hasoffers.mode === 'emulated';
  const autoUser =
    e.DEV_AUTO_SIGN_IN === undefined
      ? options.devAutoSignIn === 'allow' && bothEmulated
        ? options.devAutoSignInDefault
        : undefined
      : e.DEV_AUTO_SIGN_IN === 'off'
        ? undefined
        : e.DEV_AUTO_SIGN_IN;
  if (autoUser !== undefined) {
    if (options.devAutoSignIn !== 'allow') {
      problems.push(
        'DEV_AUTO_SIGN_IN is only for npm run dev with emulated upstreams: npm start always requires sign-in (unset it)',
      );
    } else if (e.NODE_ENV === 'production') {
      problems.push('DEV_AUTO_SIGN_IN is refused when NODE_ENV=production');
    } else if (!bothEmulated) {
      problems.push(
        'DEV_AUTO_SIGN_IN needs both upstreams emulated: with real credentials everyone signs in (set DASHBOARD_USERS)',
      );
    } else {
      devAutoSignIn = autoUser;
    }
  }
  if (
    options.users !== 'optional' &&
    devAutoSignIn === undefined &&
    parsedUsers.users.length === 0 &&
    parsedUsers.problems.length === 0
  ) {
    problems.push(
      'DASHBOARD_USERS is required: who may sign in, as name:hash pairs (npm run hash-password makes a hash)',
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host: e.HOST,
    port: e.BFF_PORT,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    upstreamMaxBytes: e.UPSTREAM_MAX_BYTES,
    serveSourceMaps: e.SERVE_SOURCE_MAPS,
    ...(e.HISTORY_RETENTION_DAYS !== undefined && {
      historyRetentionDays: e.HISTORY_RETENTION_DAYS,
    }),
    logLevel: e.LOG_LEVEL,
    allowedOrigins: e.ALLOWED_ORIGINS,
    allowedHosts: e.ALLOWED_HOSTS,
    trustProxy: e.TRUST_PROXY,
    auth: {
      users: parsedUsers.users,
      devAutoSignIn,
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    },
    storage: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : e.DATA_DIR === MEMORY_DATA_DIR
        ? { engine: 'memory' }
        : { engine: 'embedded', dataDir: resolve(e.DATA_DIR) },
    useEmulators: e.USE_EMULATORS,
    exnessListMethod: e.EXNESS_LIST_METHOD,
    emulatorPorts: { exness: e.EXNESS_EMULATOR_PORT, hasoffers: e.HASOFFERS_EMULATOR_PORT },
    exness,
    hasoffers,
  };
}

/** Where the emulators listen and which credentials they accept (see server/emulators.ts). */
export interface EmulatorEndpoints {
  exness?: { apiUrl: string; login: string; password: string };
  hasoffers?: { apiUrl: string; networkToken: string };
}

/** Fills in the emulated upstreams; throws if one is emulated but its emulator is not running. */
export function resolveConfig(config: Config, emulators: EmulatorEndpoints): AppConfig {
  const { exness, hasoffers } = config;
  const exnessUpstream: ExnessUpstream = {
    ...(exness.mode === 'real'
      ? exness
      : { mode: 'emulated' as const, ...required(emulators.exness, 'Exness') }),
    // Only the non-default is written, so a GET setup's upstream is what it always was.
    ...(config.exnessListMethod === 'POST' && { listMethod: 'POST' as const }),
  };
  const hasOffersUpstream: HasOffersUpstream =
    hasoffers.mode === 'real'
      ? hasoffers
      : { mode: 'emulated', ...required(emulators.hasoffers, 'HasOffers') };
  return {
    host: config.host,
    port: config.port,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    ...(config.upstreamMaxBytes !== undefined && { upstreamMaxBytes: config.upstreamMaxBytes }),
    ...(config.serveSourceMaps !== undefined && { serveSourceMaps: config.serveSourceMaps }),
    ...(config.historyRetentionDays !== undefined && {
      historyRetentionDays: config.historyRetentionDays,
    }),
    logLevel: config.logLevel,
    allowedOrigins: config.allowedOrigins,
    allowedHosts: config.allowedHosts,
    trustProxy: config.trustProxy,
    auth: config.auth,
    exness: exnessUpstream,
    hasoffers: hasOffersUpstream,
  };
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The ${name} emulator is not running.`);
  return value;
}

/** Which upstreams need an emulator. */
export function emulatedUpstreams(config: Config): { exness: boolean; hasoffers: boolean } {
  return {
    exness: config.exness.mode === 'emulated',
    hasoffers: config.hasoffers.mode === 'emulated',
  };
}
