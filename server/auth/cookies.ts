// The session cookie: its name, reading it from a Cookie header, and the Set-Cookie texts.
import { isLoopbackHost } from '../security';

/**
 * Outside loopback the cookie is Secure and `__Host-` prefixed: the browser then refuses it
 * unless it came over HTTPS, for the whole host, with no Domain, so a sibling subdomain cannot
 * plant or shadow it. On http://localhost neither is possible, and not needed.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-dashboard-session' : 'dashboard-session';
}

/** Secure everywhere except on a loopback host name (the dev server, local tests). */
export function secureCookieFor(host: string | undefined): boolean {
  return !isLoopbackHost(host);
}

/** The value of one cookie in a Cookie header; the first one if repeated. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookie(id: string, maxAgeMs: number, secure: boolean): string {
  return [
    `${sessionCookieName(secure)}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    `Max-Age=${Math.max(0, Math.floor(maxAgeMs / 1000))}`,
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
