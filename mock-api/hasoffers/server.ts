// The HasOffers Network API v3 emulator over HTTP: `/Apiv3/json` by GET query or form POST,
// NetworkToken check (with the token echoed back), network-wide rate limit, the HTTP-200
// envelope, plus the /__control endpoint.
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
import { envelopeJson, hoFailure, type HoOutcome } from './envelope';
import { dispatch } from './methods';
import { unauthenticatedTokenMessage } from './recorded-answers';
import { parsePhpParams, stringParam, type PhpParams } from './php-params';
import {
  DEFAULT_RATE_LIMIT,
  SlidingWindowLimiter,
  rateLimitMessage,
  type RateLimit,
} from './rate-limit';
import { HasOffersStore } from './store';

export const HASOFFERS_API_PATH = '/Apiv3/json';

export interface HasOffersEmulatorOptions {
  port?: number;
  host?: string;
  networkToken?: string;
  rateLimit?: RateLimit;
}

const rateLimitSchema = z.strictObject({
  calls: z.number().int().min(1),
  windowMs: z.number().int().min(1),
});
const configSchema = z.strictObject({ rateLimit: rateLimitSchema.optional() });

/** The token is repeated in the message: the quirk the BFF must strip before the browser. */
export function invalidTokenMessage(received: string): string {
  return unauthenticatedTokenMessage(received);
}

const SERVER_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete your request.</p></body></html>\n';

/**
 * Parameters as PHP's $_REQUEST holds them: the query first, then a form body (which wins for a
 * repeated scalar). A JSON body is not read: the real API does not support it.
 */
function readParams(
  request: FastifyRequest,
  search: URLSearchParams,
): {
  params: PhpParams;
  body: unknown;
} {
  const raw = typeof request.body === 'string' ? request.body : '';
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const entries: [string, string][] = [...search];
  let body: unknown = raw === '' ? null : raw;
  if (type === 'application/x-www-form-urlencoded' && raw !== '') {
    const form = new URLSearchParams(raw);
    entries.push(...form);
    body = parsePhpParams(form);
  }
  return { params: parsePhpParams(entries), body };
}

export async function startHasOffersEmulator(
  opts: HasOffersEmulatorOptions = {},
): Promise<RunningEmulator> {
  const networkToken = opts.networkToken ?? EMULATOR_CREDENTIALS.hasOffersNetworkToken;
  const defaultLimit = opts.rateLimit ?? DEFAULT_RATE_LIMIT;
  const limiter = new SlidingWindowLimiter(defaultLimit);
  const store = new HasOffersStore();
  const control = new EmulatorControl();
  const app = createEmulatorApp();

  registerControlRoutes(app, control, {
    resetState: () => {
      store.reset();
      limiter.reset(defaultLimit);
    },
    configSchema,
    applyConfig: (config) => {
      if (config.rateLimit) limiter.reset(config.rateLimit);
    },
    currentConfig: () => ({ rateLimit: limiter.limit }),
  });

  const envelope = (params: PhpParams, outcome: HoOutcome): EmulatorResponse => ({
    status: 200,
    rawJson: envelopeJson(params, outcome),
    hoStatus: outcome.ok ? 1 : -1,
  });

  const faultResponse =
    (params: PhpParams) =>
    (spec: FaultSpec): EmulatorResponse => {
      const target = stringParam(params, 'Target') ?? '';
      const method = stringParam(params, 'Method') ?? '';
      switch (spec.fault) {
        case 'rate-limit':
          return envelope(params, hoFailure(rateLimitMessage(limiter.limit)));
        case 'token-expired':
          return envelope(
            params,
            hoFailure(invalidTokenMessage(stringParam(params, 'NetworkToken') ?? '')),
          );
        case 'permission-denied':
          return envelope(
            params,
            hoFailure(
              `You do not have permission to call ${target}::${method} with this NetworkToken`,
            ),
          );
        default:
          return { status: 500, text: SERVER_ERROR_PAGE };
      }
    };

  const handleApi = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const search = searchParamsOf(request);
    const { params, body } = readParams(request, search);
    const target = stringParam(params, 'Target');
    const hoMethod = stringParam(params, 'Method');
    return serveCall(control, request, reply, {
      identity: {
        method: request.method,
        path: pathOf(request),
        ...(target !== undefined && { target }),
        ...(hoMethod !== undefined && { hoMethod }),
      },
      details: { query: queryRecord(search), headers: headerRecord(request), body, params },
      faultResponse: faultResponse(params),
      run: () => {
        // The limit is per network, whoever calls: it is checked before the token.
        if (!limiter.tryTake(Date.now())) {
          return envelope(params, hoFailure(rateLimitMessage(limiter.limit)));
        }
        const token = params.NetworkToken;
        if (token !== networkToken) {
          const received = typeof token === 'string' ? token : '';
          return envelope(params, hoFailure(invalidTokenMessage(received)));
        }
        return envelope(params, dispatch(target, hoMethod, params, store));
      },
    });
  };

  app.get(HASOFFERS_API_PATH, handleApi);
  app.post(HASOFFERS_API_PATH, handleApi);
  app.setNotFoundHandler(async (request, reply) =>
    serveCall(control, request, reply, {
      identity: { method: request.method, path: pathOf(request) },
      details: {
        query: queryRecord(searchParamsOf(request)),
        headers: headerRecord(request),
        body: typeof request.body === 'string' && request.body !== '' ? request.body : null,
      },
      faultResponse: () => ({ status: 500, text: SERVER_ERROR_PAGE }),
      run: () => ({
        status: 404,
        text: '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n',
      }),
    }),
  );

  return listenEmulator(app, opts);
}
