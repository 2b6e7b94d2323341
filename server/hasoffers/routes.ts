// `/api/hasoffers`: allowlisted (Target, Method) calls, forwarded with the server's NetworkToken.
// Answers lose the echoed token; calls share one rate limit; creates can be idempotent.
// Nothing here is ever retried: a write is sent at most once per browser request.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { HasOffersUpstream } from '../config';
import { HttpError, sendError } from '../errors';
import {
  NOT_SENT_SOCKET_CODES,
  UpstreamConnectionError,
  fetchUpstream,
  type UpstreamResponse,
} from '../upstream/fetch-upstream';
import { removeJsonMembers } from '../upstream/json-members';
import { sendUpstreamJson } from '../upstream/reply';
import { findHasOffersCall } from './allowlist';
import { findCreatedGroupId, recoveredCreateAnswer } from './create-recovery';
import { assertHasOffersNetwork } from './envelope-check';
import type { Storage } from '../storage/db';
import {
  IdempotencyStore,
  fingerprintParams,
  isValidIdempotencyKey,
  type AttemptOutcome,
  type IdempotencyOptions,
  type ResultCodec,
} from './idempotency-store';
import type { HistoryRecorder } from '../history/recorder';
import { readHasOffersCall, rebuildParams, withNetworkToken } from './params';
import {
  RateLimitedError,
  SlidingWindowLimiter,
  type RateLimiterOptions,
  type SlotLedger,
} from './rate-limiter';
import { buildHasOffersRequest } from './transport';

export const HASOFFERS_PATH = '/api/hasoffers';

export interface HasOffersRoutesOptions {
  upstream: HasOffersUpstream;
  timeoutMs: number;
  redact: (text: string) => string;
  rateLimit: RateLimiterOptions;
  idempotency: IdempotencyOptions;
  /** Where the call budget and the idempotency records live. */
  storage: Pick<Storage, 'callBudget' | 'idempotency'>;
  /** The most an answer may hold (UPSTREAM_MAX_BYTES); fetchUpstream's default otherwise. */
  maxBytes?: number;
  /** Records group writes (intent before, outcome after) and group reads (drift). */
  history?: HistoryRecorder;
}

/**
 * What a create's answer says. HTTP 200 with an envelope: status 1 created it, anything else is
 * HasOffers refusing it (nothing created). Any other answer (a 5xx or HTML page from a proxy, a
 * redirect) may have come after the work was done: unknown.
 */
export function classifyCreateAnswer(res: UpstreamResponse): AttemptOutcome {
  if (res.status !== 200) return 'unknown';
  try {
    const json = JSON.parse(res.text) as { response?: { status?: unknown } };
    if (json.response === undefined) return 'unknown';
    return Number(json.response.status) === 1 ? 'done' : 'not-done';
  } catch {
    return 'unknown';
  }
}

/** The budget's name in the database: every BFF process on it shares this one. */
export const HASOFFERS_BUDGET = 'hasoffers';

/**
 * A recorded create answer as stored: status, body (redacted: the upstream echoes the token) and
 * the headers the reply reads.
 */
function upstreamResponseCodec(redact: (text: string) => string): ResultCodec<UpstreamResponse> {
  const kept = ['content-type', 'retry-after'];
  return {
    encode: (res) =>
      JSON.stringify({
        status: res.status,
        text: redact(res.text),
        headers: kept.flatMap((name) => {
          const value = res.headers.get(name);
          return value === null ? [] : [[name, value]];
        }),
      }),
    decode: (stored) => {
      const { status, text, headers } = JSON.parse(stored) as {
        status: number;
        text: string;
        headers: [string, string][];
      };
      return { status, text, headers: new Headers(headers) };
    },
  };
}

/** A thrown create: refused before sending (ours or a refused connection), or unknown. */
export function classifyCreateError(error: unknown): Exclude<AttemptOutcome, 'done'> {
  if (error instanceof RateLimitedError) return 'not-done';
  if (error instanceof UpstreamConnectionError && NOT_SENT_SOCKET_CODES.has(error.socketCode)) {
    return 'not-done';
  }
  // Timeouts, resets after sending, anything else: the group may exist.
  return 'unknown';
}

export const hasOffersRoutes: FastifyPluginAsync<HasOffersRoutesOptions> = async (scope, opts) => {
  const { callBudget } = opts.storage;
  // A slot whose process died mid-call frees after this: no call outlives its timeout.
  const slotLeaseMs = opts.timeoutMs + 5_000;
  const ledger: SlotLedger = {
    take: (request) => callBudget.take(HASOFFERS_BUDGET, { ...request, leaseMs: slotLeaseMs }),
    release: (id, now, windowMs) => callBudget.release(id, now, windowMs),
  };
  const limiter = new SlidingWindowLimiter(opts.rateLimit, ledger);
  const idempotency = new IdempotencyStore<UpstreamResponse>(
    opts.storage.idempotency,
    {
      // A create waits for a slot, then for its answer; recovery adds a lookup: twice that.
      pendingLeaseMs: 2 * (opts.rateLimit.maxWaitMs + opts.timeoutMs) + 5_000,
      ...opts.idempotency,
    },
    upstreamResponseCodec(opts.redact),
  );

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

    // Rebuilt from the allowlist, not forwarded: only listed names, Target and Method once each.
    const outgoing = rebuildParams(call, allowed.params, opts.upstream.networkToken);
    const upstreamRequest = buildHasOffersRequest(opts.upstream.apiUrl, outgoing, allowed.write);
    // Checked on what is actually sent: a write never goes upstream as a GET (a URL is logged,
    // cached and replayed by proxies; PHP would run it all the same).
    if (allowed.write && upstreamRequest.method !== 'POST') {
      throw new HttpError(500, 'InternalError', 'A HasOffers write must be sent as POST.');
    }
    const send = async (req = upstreamRequest): Promise<UpstreamResponse> => {
      const release = await limiter.acquire();
      try {
        return await fetchUpstream(req, {
          upstream: 'hasoffers',
          timeoutMs: opts.timeoutMs,
          // A read may go out again on a new connection; a write never (a create is sent once).
          safeToRepeat: !allowed.write,
          ...(opts.maxBytes !== undefined && { maxBytes: opts.maxBytes }),
        });
      } finally {
        release();
      }
    };

    // Recorded before anything is sent: a write the history cannot record is not sent (503).
    const change = allowed.write
      ? await opts.history?.beforeWrite(request, call.method, outgoing)
      : undefined;
    const key = request.headers['idempotency-key'];
    let res: UpstreamResponse;
    let replayed = false;
    try {
      if (allowed.idempotent && key !== undefined) {
        if (typeof key !== 'string' || !isValidIdempotencyKey(key)) {
          throw new HttpError(
            400,
            'BadRequest',
            'Idempotency-Key must be one value of 1-255 visible characters.',
          );
        }
        const user = request.dashboardUser;
        if (user === undefined) throw new HttpError(401, 'Unauthorized', 'You are not signed in.');
        // PHP keeps the last of repeated scalars: the name HasOffers would have used.
        const name = outgoing.get('name');
        // The call as checked, without our token (a rotated token must not change the call).
        const checked = new URLSearchParams([...outgoing].filter(([k]) => k !== 'NetworkToken'));
        const outcome = await idempotency.run(user, key, fingerprintParams(checked), {
          send: () => send(),
          classify: classifyCreateAnswer,
          classifyError: classifyCreateError,
          recover: async () => {
            if (name === null || name.trim() === '') return undefined;
            const id = await findCreatedGroupId(name, opts.upstream, (req) => send(req));
            if (id === undefined) return undefined;
            request.log.info('idempotent create: the earlier attempt had created the group');
            return recoveredCreateAnswer(id);
          },
        });
        res = outcome.result;
        replayed = outcome.replayed;
        if (outcome.replayed) reply.header('Idempotent-Replayed', 'true');
      } else {
        res = await send();
      }
    } catch (e) {
      // Ours (a bad key, the rate limit, a refused connection) before sending: not done.
      const refused = e instanceof HttpError && e.statusCode < 500 && e.statusCode !== 408;
      await change?.failed(
        e,
        refused || classifyCreateError(e) === 'not-done' ? 'failed' : 'unknown',
      );
      throw e;
    }
    if (change) {
      // A replayed create was recorded when it was sent: this request sent nothing.
      if (replayed) await change.discard();
      else {
        await change.settle(res, (groupId) =>
          send(
            buildHasOffersRequest(
              opts.upstream.apiUrl,
              withNetworkToken(
                new URLSearchParams({
                  Target: 'CashflowGroup',
                  Method: 'findCashflowGroupById',
                  cashflow_group_id: groupId,
                }),
                opts.upstream.networkToken,
              ),
              false,
            ),
          ),
        );
      }
    } else if (call.target === 'CashflowGroup' && call.method === 'findCashflowGroupById') {
      await opts.history?.observed(request, outgoing.get('cashflow_group_id'), res);
    }
    // A wrong network id answers in its own envelope: a configuration error, said as such.
    assertHasOffersNetwork(res, opts.upstream);
    return sendUpstreamJson(reply, res, {
      upstream: 'hasoffers',
      redact: opts.redact,
      // `request` echoes every parameter, the token included (redaction already blanked it).
      editJson: (json, parsed) => removeJsonMembers(json, 'NetworkToken', parsed),
    });
  };

  scope.all('/', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'POST') return handler(request, reply);
    return sendError(reply, 405, 'MethodNotAllowed', `${request.method} is not supported here.`, {
      Allow: 'GET, POST',
    });
  });
};
