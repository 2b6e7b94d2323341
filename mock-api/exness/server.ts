// The Exness Affiliates API emulator over HTTP: JWT login, `Authorization: JWT` checks, the
// rebate-group list (GET query) and create (POST), DRF-style errors, plus the /__control endpoint.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { EMULATOR_CREDENTIALS } from '../credentials';
import {
  EmulatorControl,
  headerRecord,
  pathOf,
  queryRecord,
  registerControlRoutes,
  searchParamsOf,
  serveCall,
  type EmulatorResponse,
  type FaultSpec,
} from '../shared/control';
import { createEmulatorApp, listenEmulator, type RunningEmulator } from '../shared/server';
import { signToken, verifyToken } from './jwt';
import {
  ExnessStore,
  listGroups,
  parseCreateBody,
  parseListParams,
  type RawListParams,
} from './store';
import { DEFAULT_DECIMAL_FORMAT, wireGroup, type DecimalFormat } from './wire';

export const EXNESS_PATHS = {
  auth: '/api/v2/auth/',
  groups: '/api/v2/autorebates/groups/',
} as const;

export const DEFAULT_TOKEN_TTL_MS = 60 * 60 * 1000;
/** The demo partner's user id, carried in the token's claims. */
const DEMO_USER_ID = 48213;

export interface ExnessEmulatorOptions {
  port?: number;
  host?: string;
  tokenTtlMs?: number;
  /** The partner account it accepts; EMULATOR_CREDENTIALS by default (tests use canaries). */
  credentials?: { login: string; password: string };
}

const configSchema = z.strictObject({
  tokenTtlMs: z.number().int().min(1).optional(),
  /** A partner account without any rebate group (the seed stays, hidden until reset). */
  emptyAccount: z.boolean().optional(),
  /** Decimals as JSON strings (DRF's default) or numbers (what the vendor's page says). */
  decimals: z.enum(['string', 'number']).optional(),
});

const json = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): EmulatorResponse => ({
  status,
  body,
  ...(headers && { headers }),
});

/** DRF sends this challenge with every 401 (the JWT auth class' `authenticate_header`). */
const CHALLENGE = { 'WWW-Authenticate': 'JWT realm="api"' };

export const EXNESS_ERRORS = {
  notAuthenticated: json(
    401,
    { code: 'NotAuthenticated', message: 'Authentication credentials were not provided.' },
    CHALLENGE,
  ),
  tokenExpired: json(401, { code: 'TokenExpired', message: 'Token has expired.' }, CHALLENGE),
  tokenInvalid: json(
    401,
    { code: 'TokenExpired', message: 'Token is invalid or expired.' },
    CHALLENGE,
  ),
  badCredentials: json(
    401,
    { code: 'AuthenticationFailed', message: 'Unable to log in with provided credentials.' },
    CHALLENGE,
  ),
  permissionDenied: json(403, {
    code: 'PermissionDenied',
    message: 'You do not have permission to perform this action.',
  }),
  notFound: json(404, { detail: 'Not found.' }),
  // Django's stock 500 page is HTML, not JSON: clients must cope with a non-JSON body.
  serverError: {
    status: 500,
    text: '<!doctype html>\n<html lang="en">\n<head><title>Server Error (500)</title></head>\n<body><h1>Server Error (500)</h1><p></p></body>\n</html>\n',
  } satisfies EmulatorResponse,
};

/**
 * What public test suites of the real API recorded at login when the caller looked like a bot:
 * a 403 HTML page from the Imperva (Incapsula) shield, with its session cookies. Not JSON.
 */
export const LOGIN_SHIELD_ANSWER: EmulatorResponse = {
  status: 403,
  headers: {
    'Set-Cookie':
      'incap_ses_1234_567890=emulatorShieldSession; path=/; Domain=.exnessaffiliates.com',
    'X-Iinfo': '10-12345678-0 0NNN RT(1700000000000 0) q(0 -1 -1 -1) r(0 -1)',
  },
  text: '<html style="height:100%"><head><meta name="robots" content="noindex, nofollow"></head><body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=9&incident_id=0-0&edet=15" frameborder=0 width="100%" height="100%">Request unsuccessful. Incapsula incident ID: 0-0</iframe></body></html>',
};

export function throttled(seconds: number): EmulatorResponse {
  return json(
    429,
    {
      code: 'Throttled',
      message: `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    },
    { 'Retry-After': String(seconds) },
  );
}

function methodNotAllowed(method: string): EmulatorResponse {
  return json(405, { detail: `Method "${method}" not allowed.` });
}

type ParsedBody =
  | { ok: true; value: unknown; transport: 'json' | 'query' }
  | { ok: false; response: EmulatorResponse; logged: unknown };

/** DRF's parsers: JSON and form bodies; anything else with a body is a 415. */
function parseBody(request: FastifyRequest): ParsedBody {
  const raw = typeof request.body === 'string' ? request.body : '';
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.trim() === '') return { ok: true, value: {}, transport: 'json' };
  if (type === 'application/x-www-form-urlencoded') {
    return { ok: true, value: queryRecord(new URLSearchParams(raw)), transport: 'query' };
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { ok: true, value: JSON.parse(raw) as unknown, transport: 'json' };
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'invalid JSON';
      return {
        ok: false,
        logged: raw,
        response: json(400, { code: 'ParseError', message: `JSON parse error - ${detail}` }),
      };
    }
  }
  return {
    ok: false,
    logged: raw,
    response: json(415, {
      code: 'UnsupportedMediaType',
      message: `Unsupported media type "${type || 'none'}" in request.`,
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function startExnessEmulator(
  opts: ExnessEmulatorOptions = {},
): Promise<RunningEmulator> {
  const defaultTtl = opts.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const account = opts.credentials ?? {
    login: EMULATOR_CREDENTIALS.exnessLogin,
    password: EMULATOR_CREDENTIALS.exnessPassword,
  };
  let tokenTtlMs = defaultTtl;
  let emptyAccount = false;
  let decimals: DecimalFormat = DEFAULT_DECIMAL_FORMAT;
  // A fresh secret per process: tokens from an earlier run are invalid, as after a key rotation.
  const secret = randomBytes(32).toString('hex');
  let issued = 0;
  const store = new ExnessStore();
  const control = new EmulatorControl();
  const app = createEmulatorApp();

  registerControlRoutes(app, control, {
    resetState: () => {
      store.reset();
      tokenTtlMs = defaultTtl;
      emptyAccount = false;
      decimals = DEFAULT_DECIMAL_FORMAT;
    },
    configSchema,
    applyConfig: (config) => {
      if (config.tokenTtlMs !== undefined) tokenTtlMs = config.tokenTtlMs;
      if (config.emptyAccount !== undefined) emptyAccount = config.emptyAccount;
      if (config.decimals !== undefined) decimals = config.decimals;
    },
    currentConfig: () => ({ tokenTtlMs, emptyAccount, decimals }),
  });

  const faultResponse = (spec: FaultSpec): EmulatorResponse => {
    switch (spec.fault) {
      case 'rate-limit':
        return throttled(
          spec.delayMs !== undefined ? Math.max(1, Math.ceil(spec.delayMs / 1000)) : 2,
        );
      case 'token-expired':
        return EXNESS_ERRORS.tokenExpired;
      case 'permission-denied':
        return EXNESS_ERRORS.permissionDenied;
      case 'login-shield':
        return LOGIN_SHIELD_ANSWER;
      default:
        return EXNESS_ERRORS.serverError;
    }
  };

  /** DRF's JWT authentication: no header or another scheme = not authenticated at all. */
  const authenticate = (request: FastifyRequest): EmulatorResponse | undefined => {
    const header = request.headers.authorization;
    if (header === undefined) return EXNESS_ERRORS.notAuthenticated;
    const [scheme, token, ...rest] = header.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'jwt') return EXNESS_ERRORS.notAuthenticated;
    if (token === undefined || rest.length > 0) return EXNESS_ERRORS.tokenInvalid;
    const check = verifyToken(secret, token, Date.now());
    if (check.ok) return undefined;
    return check.reason === 'expired' ? EXNESS_ERRORS.tokenExpired : EXNESS_ERRORS.tokenInvalid;
  };

  const login = (body: unknown): EmulatorResponse => {
    if (!isRecord(body)) {
      return json(400, {
        non_field_errors: ['Invalid data. Expected a dictionary, but got list.'],
      });
    }
    const errors: Record<string, string[]> = {};
    for (const key of ['login', 'password'] as const) {
      const v = body[key];
      if (v === undefined || v === null) errors[key] = ['This field is required.'];
      else if (typeof v !== 'string') errors[key] = ['Not a valid string.'];
      else if (v === '') errors[key] = ['This field may not be blank.'];
    }
    if (Object.keys(errors).length > 0) return json(400, errors);
    const loginOk = String(body.login).trim().toLowerCase() === account.login.toLowerCase();
    if (!loginOk || body.password !== account.password) {
      return EXNESS_ERRORS.badCredentials;
    }
    issued += 1;
    const token = signToken(
      secret,
      { userId: DEMO_USER_ID, login: account.login },
      Date.now(),
      tokenTtlMs,
      `${Date.now().toString(36)}${issued.toString(36)}`,
    );
    return json(200, { token });
  };

  const list = (raw: RawListParams, transport: 'json' | 'query'): EmulatorResponse => {
    const parsed = parseListParams(raw, transport);
    if (!parsed.ok) return json(400, parsed.errors);
    const answer = emptyAccount ? listGroups([], parsed.query) : store.list(parsed.query);
    return json(200, { ...answer, data: answer.data.map((g) => wireGroup(g, decimals)) });
  };

  /** A POST on the list path creates a group, as on the real API (and as a security write-up showed). */
  const create = (body: Record<string, unknown>): EmulatorResponse => {
    const parsed = parseCreateBody(body);
    if (!parsed.ok) return json(400, parsed.errors);
    return json(201, wireGroup(store.create(parsed.value), decimals));
  };

  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = pathOf(request);
    const search = searchParamsOf(request);
    const body = parseBody(request);
    return serveCall(control, request, reply, {
      identity: { method: request.method, path },
      details: {
        query: queryRecord(search),
        headers: headerRecord(request),
        body: body.ok ? (request.body === undefined ? null : body.value) : body.logged,
      },
      faultResponse,
      run: () => {
        if (path === EXNESS_PATHS.auth) {
          if (request.method !== 'POST') return methodNotAllowed(request.method);
          if (!body.ok) return body.response;
          return login(body.value);
        }
        if (path === EXNESS_PATHS.groups) {
          const denied = authenticate(request);
          if (denied) return denied;
          if (request.method === 'GET') return list(queryRecord(search), 'query');
          if (request.method !== 'POST') return methodNotAllowed(request.method);
          if (!body.ok) return body.response;
          if (!isRecord(body.value)) {
            return json(400, {
              non_field_errors: [
                `Invalid data. Expected a dictionary, but got ${Array.isArray(body.value) ? 'list' : typeof body.value}.`,
              ],
            });
          }
          return create(body.value);
        }
        return EXNESS_ERRORS.notFound;
      },
    });
  };

  app.all(EXNESS_PATHS.auth, handle);
  app.all(EXNESS_PATHS.groups, handle);
  app.setNotFoundHandler(handle);

  return listenEmulator(app, opts);
}
