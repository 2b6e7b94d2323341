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
  if (variants.length === 0) return (text) => text;
  const pattern = new RegExp(variants.map(escapeRegExp).join('|'), 'gi');
  return (text) => text.replace(pattern, REDACTED);
}
