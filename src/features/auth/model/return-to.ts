// Where to go after signing in: only a path of this dashboard, never another site.

export const SIGN_IN_PATH = '/sign-in';
const HOME = '/';

/**
 * The `returnTo` parameter made safe: a same-origin path (`/x?y#z`), not `//evil.example` or
 * `/\evil.example` (browsers read both as another host), not a scheme, not the sign-in page.
 */
export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return HOME;
  // Control characters and backslashes have no business in our own paths.
  if ([...raw].some((c) => c < ' ' || c === '\u007f' || c === '\\')) return HOME;
  let url: URL;
  try {
    url = new URL(raw, 'http://dashboard.invalid');
  } catch {
    return HOME;
  }
  if (url.origin !== 'http://dashboard.invalid' || url.pathname === SIGN_IN_PATH) return HOME;
  // Dot segments can collapse into a leading `//` (`/.//x` → `//x`), which a browser would
  // again read as another host: check the path as it will be used, not as it was given.
  if (url.pathname.startsWith('//')) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

import type { SessionEnd } from '../api/session';

export type SignInReason = SessionEnd;

/** The sign-in page's address, remembering the page to come back to. */
export function signInHref(
  location: { pathname: string; search: string; hash: string },
  reason?: SignInReason,
): string {
  const params = new URLSearchParams();
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (location.pathname !== SIGN_IN_PATH && here !== HOME) params.set('returnTo', here);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}
