// Removes our secrets from upstream answer text before anything reaches the browser or a log.

export const REDACTED = '[redacted]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every spelling a secret can take in an answer: as is, JSON-escaped (PHP's json_encode also
 * escapes `/` as `\/`), URL-encoded (query strings echoed in messages), form-encoded.
 */
export function secretVariants(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const variants = new Set([
    secret,
    json,
    json.replace(/\//g, '\\/'),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
  return [...variants].filter((v) => v.length > 0);
}

/**
 * Builds a function that replaces every secret in a text with `[redacted]`. Works on raw text on
 * purpose: whatever field, nesting or message repeats a secret, it cannot survive.
 * Case-insensitive, in case an upstream message changes the case. Secrets shorter than 4
 * characters are ignored: redacting them would mangle ordinary text.
 */
export function makeRedactor(secrets: readonly string[]): (text: string) => string {
  const variants = secrets
    .filter((s) => s.length >= 4)
    .flatMap(secretVariants)
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const pattern =
    variants.length === 0 ? undefined : new RegExp(variants.map(escapeRegExp).join('|'), 'gi');
  return (text) => redactCredentials(pattern ? text.replace(pattern, REDACTED) : text);
}

/**
 * A JWT anywhere (three base64url parts, the first a JSON header: `eyJ…`). The Exness token
 * changes at every login, so it cannot be listed in advance like the configured secrets.
 */
const JWT = /eyJ[A-Za-z0-9_-]{4,}(?:\\?\.|%2E)[A-Za-z0-9_-]{4,}(?:\\?\.|%2E)[A-Za-z0-9_-]*/gi;
/** The value of an echoed Authorization header or field, whatever its scheme or quoting. */
const AUTHORIZATION_VALUE =
  /((?:HTTP_)?authorization\\?["']?\s*(?::|=|=>)\s*\\?["']?)([^"'\\\r\n,;}&]+)/gi;

/**
 * Removes credentials the server never configured but may see echoed: the Exness JWT, and any
 * `Authorization` value an upstream (or a proxy in front of it) repeats in its answer. Anchored
 * on the header's name, not on a scheme word: "Basic affiliates" is a group title, not a secret.
 */
export function redactCredentials(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(AUTHORIZATION_VALUE, (_m, head: string) => `${head}${REDACTED}`);
}
