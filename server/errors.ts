// The BFF's own error answers: one `{code, message}` JSON shape (what src/lib/http.ts reads).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Every code the BFF itself answers with (upstream answers pass through with their own). */
export type ErrorCode =
  | 'BadRequest'
  | 'Unauthorized'
  | 'InvalidCredentials'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'IdempotencyKeyReused'
  | 'RateLimited'
  | 'InternalError'
  /** The BFF's own database failed mid-run: nothing was sent upstream. */
  | 'StorageUnavailable'
  | 'UpstreamAuthFailed'
  /** The upstream answers, but not as the configured account: wrong network id or API URL. */
  | 'UpstreamMisconfigured'
  /** The upstream refused the server's login before checking it (a bot shield, an IP rule). */
  | 'UpstreamLoginRefused'
  | 'UpstreamUnavailable'
  /** The connection broke after the request was sent: it may have been carried out. */
  | 'UpstreamConnectionLost'
  | 'UpstreamInvalidResponse'
  | 'UpstreamTimeout'
  /** The upstream's answer passed UPSTREAM_MAX_BYTES: reading stopped there. */
  | 'UpstreamTooLarge';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** Thrown anywhere in a handler; the error handler turns it into the JSON answer. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  /** Extra facts for the log line (never for the answer), e.g. a socket error code. */
  readonly logFields: Record<string, string>;
  constructor(
    statusCode: number,
    code: ErrorCode,
    message: string,
    headers: Record<string, string> = {},
    logFields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
    this.logFields = logFields;
  }
}

export function sendError(
  reply: FastifyReply,
  statusCode: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): FastifyReply {
  const body: ErrorBody = { code, message };
  return reply.code(statusCode).headers(headers).type('application/json; charset=utf-8').send(body);
}

const codeForStatus: Record<number, ErrorCode> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'RateLimited',
};

function isFastifyError(e: unknown): e is FastifyError {
  return e instanceof Error && 'code' in e && typeof (e as { code: unknown }).code === 'string';
}

/**
 * Root error handler. Client errors keep Fastify's message (it names the problem, e.g. "Body is
 * not valid JSON"); anything else is a generic 500 so no stack, path or upstream detail leaks.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof HttpError) {
    if (error.statusCode >= 500) {
      request.log.warn({ code: error.code, ...error.logFields }, error.message);
    }
    sendError(reply, error.statusCode, error.code, error.message, error.headers);
    return;
  }
  const status =
    isFastifyError(error) && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const message = error instanceof Error ? error.message : 'Bad request.';
    sendError(reply, status, codeForStatus[status] ?? 'BadRequest', message);
    return;
  }
  // Our own bug: log it (our code, no secrets in it) and answer without detail.
  request.log.error({ err: error }, 'unhandled error');
  sendError(reply, 500, 'InternalError', 'The dashboard server had an unexpected problem.');
}
