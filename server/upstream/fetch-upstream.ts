// One way to call an upstream: a timeout on every call, failures classified into BFF errors.
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

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  /** The whole body: read inside the timeout, so a stalled body is a timeout too. */
  text: string;
}

function causeCode(e: unknown): string | undefined {
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code } }).
  const cause = e instanceof Error ? e.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}

export interface FetchUpstreamOptions {
  upstream: UpstreamName;
  timeoutMs: number;
}

export async function fetchUpstream(
  request: UpstreamRequest,
  options: FetchUpstreamOptions,
): Promise<UpstreamResponse> {
  const label = upstreamLabel[options.upstream];
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
      signal,
      // A redirect would send our credentials somewhere we did not choose.
      redirect: 'manual',
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    if (signal.aborted) {
      throw new HttpError(504, 'UpstreamTimeout', `${label} did not answer in time.`);
    }
    // The error text names the upstream host and port: keep only the code.
    throw new UpstreamConnectionError(label, causeCode(e));
  }
}

/** A 502 that logs the socket error code (ECONNREFUSED, ECONNRESET...), never the host. */
export class UpstreamConnectionError extends HttpError {
  /** Tells a request that never left (ECONNREFUSED) from one lost after sending (ECONNRESET). */
  readonly socketCode: string;
  constructor(label: string, socketCode: string | undefined) {
    super(
      502,
      'UpstreamUnavailable',
      `${label} could not be reached.`,
      {},
      { socketCode: socketCode ?? 'unknown' },
    );
    this.socketCode = socketCode ?? 'unknown';
  }
}

/** Joins a base URL and an absolute API path without losing a base path prefix. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
