// `/api/hasoffers`: allowlisted (Target, Method) calls, forwarded with the server's NetworkToken.
// Answers lose the echoed token; calls share one rate limit; creates can be idempotent.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { HasOffersUpstream } from '../config';
import { HttpError, sendError } from '../errors';
import { fetchUpstream, type UpstreamResponse } from '../upstream/fetch-upstream';
import { removeJsonMembers } from '../upstream/json-members';
import { sendUpstreamJson } from '../upstream/reply';
import { findHasOffersCall } from './allowlist';
import {
  IdempotencyStore,
  fingerprintParams,
  isValidIdempotencyKey,
  type IdempotencyOptions,
} from './idempotency-store';
import { readHasOffersCall, withNetworkToken } from './params';
import { SlidingWindowLimiter, type RateLimiterOptions } from './rate-limiter';
import { buildHasOffersRequest } from './transport';

export const HASOFFERS_PATH = '/api/hasoffers';

export interface HasOffersRoutesOptions {
  upstream: HasOffersUpstream;
  timeoutMs: number;
  redact: (text: string) => string;
  rateLimit: RateLimiterOptions;
  idempotency: IdempotencyOptions;
}

/** Whether a create really happened: HTTP 200 and the envelope's `status === 1`. */
function succeeded(res: UpstreamResponse): boolean {
  if (res.status !== 200) return false;
  try {
    const json = JSON.parse(res.text) as { response?: { status?: unknown } };
    return Number(json.response?.status) === 1;
  } catch {
    return false;
  }
}

export const hasOffersRoutes: FastifyPluginAsync<HasOffersRoutesOptions> = async (scope, opts) => {
  const limiter = new SlidingWindowLimiter(opts.rateLimit);
  const idempotency = new IdempotencyStore<UpstreamResponse>(opts.idempotency);

  // HasOffers takes query strings or form bodies, never JSON. Keep the raw text: PHP-bracket
  // names and repeated keys must reach the upstream exactly as sent.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => done(null, String(body)),
  );

  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const queryAt = request.url.indexOf('?');
    const rawQuery = queryAt === -1 ? '' : request.url.slice(queryAt + 1);
    const body = typeof request.body === 'string' ? request.body : undefined;
    const call = readHasOffersCall(rawQuery, body);
    const allowed = findHasOffersCall(call.target, call.method);
    if (!allowed) {
      request.log.warn({ target: call.target, method: call.method }, 'hasoffers call refused');
      return sendError(
        reply,
        403,
        'Forbidden',
        `${call.target}::${call.method} is not allowed through the dashboard server.`,
      );
    }
    if (allowed.write && request.method !== 'POST') {
      return sendError(
        reply,
        405,
        'MethodNotAllowed',
        `${call.target}::${call.method} changes data: send it as a form-encoded POST.`,
        { Allow: 'POST' },
      );
    }
    request.log.debug({ target: call.target, method: call.method }, 'hasoffers call');

    const upstreamRequest = buildHasOffersRequest(
      opts.upstream.apiUrl,
      withNetworkToken(call.params, opts.upstream.networkToken),
      allowed.write,
    );
    const forward = async (): Promise<UpstreamResponse> => {
      await limiter.acquire();
      return fetchUpstream(upstreamRequest, {
        upstream: 'hasoffers',
        timeoutMs: opts.timeoutMs,
      });
    };

    const key = request.headers['idempotency-key'];
    let res: UpstreamResponse;
    if (allowed.idempotent && key !== undefined) {
      if (typeof key !== 'string' || !isValidIdempotencyKey(key)) {
        throw new HttpError(
          400,
          'BadRequest',
          'Idempotency-Key must be one value of 1-255 visible characters.',
        );
      }
      const outcome = await idempotency.run(
        key,
        fingerprintParams(call.params),
        forward,
        succeeded,
      );
      res = outcome.result;
      if (outcome.replayed) reply.header('Idempotent-Replayed', 'true');
    } else {
      res = await forward();
    }
    return sendUpstreamJson(reply, res, {
      upstream: 'hasoffers',
      redact: opts.redact,
      // `request` echoes every parameter, the token included (redaction already blanked it).
      editJson: (json) => removeJsonMembers(json, 'NetworkToken'),
    });
  };

  scope.all('/', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'POST') return handler(request, reply);
    return sendError(reply, 405, 'MethodNotAllowed', `${request.method} is not supported here.`, {
      Allow: 'GET, POST',
    });
  });
};
