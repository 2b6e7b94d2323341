// One way to call an upstream: a timeout on every call, failures classified into BFF errors.
// node:http(s) with keep-alive agents rather than fetch(): a proxied read costs about half the CPU
// (no WHATWG Request/Response/stream objects per call), which is what the BFF adds under load.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpError } from '../errors';

export type UpstreamName = 'exness' | 'hasoffers';

const upstreamLabel: Record<UpstreamName, string> = {
  exness: 'The Exness API',
  hasoffers: 'The HasOffers API',
};

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** What is read from an answer's headers (a WHATWG `Headers` fits too). */
export interface UpstreamHeaders {
  get(name: string): string | null;
}

export interface UpstreamResponse {
  status: number;
  headers: UpstreamHeaders;
  /** The whole body: read inside the timeout, so a stalled body is a timeout too. */
  text: string;
}

/**
 * Connections to the upstreams are kept open between calls (a new TCP, let alone TLS, connection
 * per call would cost more than the rest of the proxying). Idle sockets close after 4 s, before
 * the common 5 s server keep-alive timeout, so that a call rarely picks a socket the server is
 * closing (Node also honours a server's `Keep-Alive: timeout=` hint); undici's default is 4 s too.
 */
const AGENT_OPTIONS = { keepAlive: true, timeout: 4_000, scheduling: 'lifo' } as const;
export const upstreamAgents = {
  http: new http.Agent(AGENT_OPTIONS),
  https: new https.Agent(AGENT_OPTIONS),
};

/** As fetch() did: compressed answers are accepted and decoded. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

function decoded(res: IncomingMessage): NodeJS.ReadableStream {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

function headersOf(res: IncomingMessage): UpstreamHeaders {
  return {
    get(name) {
      const value = res.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

class UpstreamTimeout extends Error {}

/** The answer grew past `maxBytes` (decoded): reading stopped there. */
class UpstreamTooLarge extends Error {}

/**
 * The most an answer may hold, decoded, unless a caller says otherwise (UPSTREAM_MAX_BYTES).
 * The largest answer the dashboard asks for (50 groups with rules and affiliates attached) is
 * well under 1 MB; past this, memory would grow with whatever an upstream (or a proxy in front
 * of it) chose to send, for every request in flight.
 */
export const DEFAULT_UPSTREAM_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The call failed on a kept-alive connection before any answer came: the server had closed that
 * connection (its idle timeout, a restart) as the call went out.
 */
class StaleConnection extends Error {
  constructor(readonly code: string | undefined) {
    super('stale connection');
  }
}

/** One call: the answer, or an error carrying the socket error code (never the host). */
function send(
  request: UpstreamRequest,
  timeoutMs: number,
  maxBytes: number,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    const body = request.body;
    const headers: Record<string, string> = {
      'Accept-Encoding': ACCEPT_ENCODING,
      ...request.headers,
      ...(body !== undefined && { 'Content-Length': String(Buffer.byteLength(body)) }),
    };
    // A redirect is an answer like any other here: never followed (credentials stay put).
    const req = (secure ? https : http).request(url, {
      method: request.method,
      headers,
      agent: secure ? upstreamAgents.https : upstreamAgents.http,
    });
    let settled = false;
    const finish = (error: Error | undefined, response?: UpstreamResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else if (response) {
        resolve(response);
      }
    };
    // The whole call, body included: a stalled body is a timeout too.
    const timer = setTimeout(() => finish(new UpstreamTimeout()), timeoutMs);
    let answered = false;
    req.on('error', (e) => {
      const code = errorCode(e);
      const stale = !answered && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE');
      finish(stale ? new StaleConnection(code) : e);
    });
    req.on('response', (res) => {
      answered = true;
      res.on('error', (e) => finish(e));
      // The connection closed before the whole body came: lost after sending.
      res.on('close', () => {
        if (!res.complete) finish(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      });
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        finish(new UpstreamTooLarge());
        return;
      }
      const stream = decoded(res);
      if (stream !== res) stream.on('error', (e: Error) => finish(e));
      // Counted after decoding: a small compressed answer may unpack to any size.
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          chunks.length = 0;
          finish(new UpstreamTooLarge());
          if (stream !== res) (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          headers: headersOf(res),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.end(body);
  });
}

function errorCode(e: unknown): string | undefined {
  const code = e instanceof Error && 'code' in e ? e.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export interface FetchUpstreamOptions {
  upstream: UpstreamName;
  timeoutMs: number;
  /**
   * The call changes nothing upstream, so it may go out again: when it fails on a kept-alive
   * connection the server had just closed, it is sent once more on a new connection, instead of
   * ending in a 502. Never for writes: the server may have acted on the first one.
   */
  safeToRepeat?: boolean;
  /** The most the answer may hold, decoded (default DEFAULT_UPSTREAM_MAX_BYTES); then a 502. */
  maxBytes?: number;
}

/**
 * Closes every idle kept-alive connection, so that the second try cannot pick another dead one
 * (a restarted upstream drops them all at once). It happens rarely enough that the connections
 * the other upstream then opens again cost nothing worth counting.
 */
function dropIdleConnections(): void {
  for (const agent of [upstreamAgents.http, upstreamAgents.https]) {
    for (const sockets of Object.values(agent.freeSockets)) {
      for (const socket of sockets ?? []) socket.destroy();
    }
  }
}

/** One call; a repeatable one goes out once more, on a new connection, if it met a dropped one. */
async function sendOnceOrAgain(
  request: UpstreamRequest,
  options: FetchUpstreamOptions,
): Promise<UpstreamResponse> {
  const maxBytes = options.maxBytes ?? DEFAULT_UPSTREAM_MAX_BYTES;
  try {
    return await send(request, options.timeoutMs, maxBytes);
  } catch (e) {
    if (!(e instanceof StaleConnection) || !options.safeToRepeat) throw e;
    dropIdleConnections();
    return await send(request, options.timeoutMs, maxBytes);
  }
}

export async function fetchUpstream(
  request: UpstreamRequest,
  options: FetchUpstreamOptions,
): Promise<UpstreamResponse> {
  const label = upstreamLabel[options.upstream];
  try {
    return await sendOnceOrAgain(request, options);
  } catch (e) {
    if (e instanceof UpstreamTimeout) {
      throw new HttpError(504, 'UpstreamTimeout', `${label} did not answer in time.`);
    }
    if (e instanceof UpstreamTooLarge) {
      const mb = Math.round(((options.maxBytes ?? DEFAULT_UPSTREAM_MAX_BYTES) / 1048576) * 10) / 10;
      throw new HttpError(
        502,
        'UpstreamTooLarge',
        `${label} sent an answer larger than ${mb} MB, so the dashboard server stopped reading it. Narrow the request (fewer rows per page); if it keeps happening, the server's UPSTREAM_MAX_BYTES may be set too low.`,
      );
    }
    // The error text names the upstream host and port: keep only the code.
    throw new UpstreamConnectionError(label, errorCode(e));
  }
}

/** Socket errors that mean the request never left this machine: nothing can have been done. */
export const NOT_SENT_SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/**
 * A 502 that logs the socket error code (ECONNREFUSED, ECONNRESET...), never the host. Its code
 * tells the browser what is known: `UpstreamUnavailable` when the request never left (a refused
 * connection: nothing was done upstream), `UpstreamConnectionLost` when the connection broke
 * after it was sent (a write may have been carried out: check before sending it again).
 */
export class UpstreamConnectionError extends HttpError {
  /** Tells a request that never left (ECONNREFUSED) from one lost after sending (ECONNRESET). */
  readonly socketCode: string;
  constructor(label: string, socketCode: string | undefined) {
    const code = socketCode ?? 'unknown';
    const notSent = NOT_SENT_SOCKET_CODES.has(code);
    super(
      502,
      notSent ? 'UpstreamUnavailable' : 'UpstreamConnectionLost',
      notSent
        ? `${label} could not be reached.`
        : `The connection to ${label.replace(/^The /, 'the ')} broke before its answer arrived.`,
      {},
      { socketCode: code },
    );
    this.socketCode = code;
  }
}

/** Joins a base URL and an absolute API path without losing a base path prefix. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
