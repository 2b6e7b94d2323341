// Cheap security basics for every answer (headers) and every /api call (origin and CSRF checks).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from './errors';

export function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === '/api' || path.startsWith('/api/');
}

/**
 * An Origin is accepted when it names the host the request was sent to (the dashboard's own
 * page, also through the Vite proxy, which keeps the Host) or is listed in ALLOWED_ORIGINS.
 * The scheme is not compared: behind a TLS-terminating proxy the BFF sees http for an https page.
 */
export function isAllowedOrigin(
  origin: string,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (allowedOrigins.includes(origin)) return true;
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (sandboxed frames, file://) and garbage.
    return false;
  }
}

/** Always accepted: the names a browser on this machine uses for a loopback server. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The Host header names one of our own host names (port ignored). Without this, a DNS-rebinding
 * page (evil.example resolving to 127.0.0.1) would be same-origin with the BFF and pass the
 * Origin and X-Requested-With checks.
 */
export function isAllowedHost(host: string | undefined, allowedHosts: readonly string[]): boolean {
  if (host === undefined) return false;
  let name: string;
  try {
    name = new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  return LOOPBACK_HOSTS.includes(name) || allowedHosts.includes(name);
}

function needsCsrfHeader(request: FastifyRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD';
}

export function registerSecurity(
  app: FastifyInstance,
  options: { allowedOrigins: readonly string[]; allowedHosts: readonly string[] },
): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    const api = isApiPath(request.url);
    // Upstream data is per-partner and live: no cache (browser or shared) may keep it.
    if (api) reply.header('Cache-Control', 'no-store');

    // Health stays open to any Host: infrastructure probes call it by IP, and it holds no data.
    if (
      !isAllowedHost(request.headers.host, options.allowedHosts) &&
      request.url !== '/api/health'
    ) {
      return sendError(reply, 403, 'Forbidden', 'This host name is not served here.');
    }
    const origin = request.headers.origin;
    if (
      origin !== undefined &&
      !isAllowedOrigin(origin, request.headers.host, options.allowedOrigins)
    ) {
      return sendError(reply, 403, 'Forbidden', 'Requests from other sites are not accepted.');
    }
    // A cross-site form or <img> cannot set a custom header (and a cross-site fetch that sets
    // one needs a CORS preflight we never grant): writes must carry it.
    if (api && needsCsrfHeader(request) && request.headers['x-requested-with'] !== 'dashboard') {
      return sendError(
        reply,
        403,
        'Forbidden',
        'Missing the X-Requested-With: dashboard header required on this call.',
      );
    }
    return undefined;
  });
}
