// Turns an upstream answer into the browser's answer, secrets removed, non-JSON made a 502.
// Status, JSON body and Retry-After pass through.
import type { FastifyReply } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sendError } from '../errors';
import type { UpstreamName, UpstreamResponse } from './fetch-upstream';

const label: Record<UpstreamName, string> = { exness: 'Exness', hasoffers: 'HasOffers' };

export interface SendUpstreamOptions {
  upstream: UpstreamName;
  redact: (text: string) => string;
  /**
   * Edits the answer's JSON text (after redaction; it is valid JSON), e.g. to drop a field.
   * `parsed` is that text parsed (already done to check it), for edits that need to look.
   */
  editJson?: (json: string, parsed: unknown) => string;
}

const NOT_JSON = Symbol('not JSON');

/** Below this a compressed answer saves less than its own overhead. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * A JSON answer, compressed when the browser accepts it and it is worth it: a list page is ~10 KB
 * of JSON and ~2 KB compressed. Brotli at quality 4 and gzip at level 6 cost a fraction of a
 * millisecond at these sizes. These answers carry no secret of the session (tokens are removed
 * above), so compressing them next to reflected input gives a BREACH-style attack nothing to find.
 */
function sendJson(reply: FastifyReply, status: number, body: string): FastifyReply {
  reply.code(status).type('application/json; charset=utf-8').header('Vary', 'Accept-Encoding');
  if (Buffer.byteLength(body) < COMPRESS_MIN_BYTES) return reply.send(body);
  const accepts = String(reply.request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepts)) {
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
    return reply.header('Content-Encoding', 'br').send(br);
  }
  if (/\bgzip\b/.test(accepts)) {
    return reply.header('Content-Encoding', 'gzip').send(gzipSync(body, { level: 6 }));
  }
  return reply.send(body);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

export function sendUpstreamJson(
  reply: FastifyReply,
  res: UpstreamResponse,
  options: SendUpstreamOptions,
): FastifyReply {
  const name = label[options.upstream];
  if (res.status >= 300 && res.status < 400) {
    reply.log.warn({ upstream: options.upstream, status: res.status }, 'upstream redirected');
    // Redirects are not followed (credentials stay put), and the Location names a host.
    return sendError(
      reply,
      502,
      'UpstreamInvalidResponse',
      `The ${name} API answered with a redirect.`,
    );
  }
  if (res.status === 204 || (res.text.trim() === '' && res.status < 300)) {
    return reply.code(res.status).send();
  }
  const redacted = options.redact(res.text);
  const parsed = parseJson(redacted);
  if (parsed === NOT_JSON) {
    reply.log.warn({ upstream: options.upstream, status: res.status }, 'upstream answer not JSON');
    // An HTML error page from a proxy, say: it may name hosts, and the browser expects JSON.
    return sendError(
      reply,
      502,
      'UpstreamInvalidResponse',
      `The ${name} API answered in an unexpected form (status ${res.status}).`,
    );
  }
  // The text itself, not a re-encoding: numbers, unicode and key order stay as the upstream sent.
  const body = options.editJson ? options.editJson(redacted, parsed) : redacted;
  const retryAfter = res.headers.get('retry-after');
  if (retryAfter) reply.header('Retry-After', retryAfter);
  return sendJson(reply, res.status, body);
}
