// Security basics for every answer (headers, CSP) and every /api call (host, origin, CSRF checks).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from './errors';
import { nonCanonicalTarget } from './request-target';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answers any Host header (health: infrastructure probes call it by IP; it holds no data). */
    anyHost?: boolean;
    /** Needs no dashboard session (health, the session routes themselves). */
    public?: boolean;
  }
}

/**
 * The production page's policy: our own scripts only (no inline script: index.html has none, its
 * embedded session status is a JSON data block that never runs, and the query devtools are
 * dev-only), our own API only, never framed. Styles allow 'unsafe-inline'
 * because MUI (emotion) injects <style> elements at run time; a style cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

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

/** The host name of a Host header (port dropped, lower case); undefined if malformed. */
function hostName(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A Host header naming this machine's loopback (where plain http is the norm). */
export function isLoopbackHost(host: string | undefined): boolean {
  const name = hostName(host);
  return name !== undefined && LOOPBACK_HOSTS.includes(name);
}

/**
 * The Host header names one of our own host names (port ignored). Without this, a DNS-rebinding
 * page (evil.example resolving to 127.0.0.1) would be same-origin with the BFF and pass the
 * Origin and X-Requested-With checks.
 */
export function isAllowedHost(host: string | undefined, allowedHosts: readonly string[]): boolean {
  const name = hostName(host);
  if (name === undefined) return false;
  return LOOPBACK_HOSTS.includes(name) || allowedHosts.includes(name);
}

/**
 * Fetch metadata (sent by every current browser): `cross-site` is another site's page, never
 * ours. `same-site` is a sibling subdomain or another port: only an origin listed in
 * ALLOWED_ORIGINS may call from there (an <img> or <script> from a sibling sends no Origin, and
 * SameSite=Strict cookies do go along within the site).
 */
export function isRefusedFetchSite(
  site: string | undefined,
  origin: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (site === 'cross-site') return true;
  if (site === 'same-site') return origin === undefined || !allowedOrigins.includes(origin);
  return false;
}

function needsCsrfHeader(request: FastifyRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD';
}

/**
 * Every answer: a canonical request target (checked first: see request-target.ts), the security
 * headers, a Host we serve and, when an Origin is sent, one we accept. Decisions about a route
 * (health answers any Host) come from the route that matched, never from the URL's text.
 */
export function registerSecurity(
  app: FastifyInstance,
  options: { allowedOrigins: readonly string[]; allowedHosts: readonly string[] },
): void {
  app.addHook('onRequest', async (request, reply) => {
    const refused = nonCanonicalTarget(request.raw.url ?? '');
    // Refusals below answer before the /api scope's own headers: keep them out of caches too.
    const refuse = (status: 400 | 403, code: 'BadRequest' | 'Forbidden', message: string) =>
      sendError(reply.header('Cache-Control', 'no-store'), status, code, message);
    if (refused !== undefined) {
      request.log.warn({ reason: refused }, 'non-canonical request target refused');
      return refuse(400, 'BadRequest', `Bad request target: ${refused}.`);
    }
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // Outside loopback the dashboard is served over HTTPS (behind a TLS proxy): keep it so.
    // Browsers ignore this header on plain http, so it cannot lock anyone out.
    if (!isLoopbackHost(request.headers.host)) {
      reply.header('Strict-Transport-Security', 'max-age=31536000');
    }
    if (
      !isAllowedHost(request.headers.host, options.allowedHosts) &&
      request.routeOptions.config.anyHost !== true
    ) {
      return refuse(403, 'Forbidden', 'This host name is not served here.');
    }
    const origin = request.headers.origin;
    if (
      origin !== undefined &&
      !isAllowedOrigin(origin, request.headers.host, options.allowedOrigins)
    ) {
      return refuse(403, 'Forbidden', 'Requests from other sites are not accepted.');
    }
    return undefined;
  });
}

/**
 * The checks of every /api call, registered inside the /api plugin scope: they run for every
 * route the router matched there (and the scope's 404), however the URL was spelled.
 */
export function registerApiGuards(
  api: FastifyInstance,
  options: { allowedOrigins: readonly string[] },
): void {
  api.addHook('onRequest', async (request, reply) => {
    // Upstream data is per-partner and live: no cache (browser or shared) may keep it.
    reply.header('Cache-Control', 'no-store');
    const site = request.headers['sec-fetch-site'];
    if (
      isRefusedFetchSite(
        typeof site === 'string' ? site : undefined,
        request.headers.origin,
        options.allowedOrigins,
      )
    ) {
      return sendError(reply, 403, 'Forbidden', 'Requests from other sites are not accepted.');
    }
    // A cross-site form or <img> cannot set a custom header (and a cross-site fetch that sets
    // one needs a CORS preflight we never grant): writes must carry it.
    if (needsCsrfHeader(request) && request.headers['x-requested-with'] !== 'dashboard') {
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
