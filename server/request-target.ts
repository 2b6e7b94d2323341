// Refuses request targets that are not in canonical form, before any route's hooks or handler run.
//
// Why: the router (find-my-way) matches the percent-decoded path, and Node hands an
// absolute-form request line (`GET http://host/api/x HTTP/1.1`) to Fastify, which routes its path.
// Any check that reads the raw URL text can then disagree with the route that runs: that is how
// `/%61pi/hasoffers` once reached the HasOffers handler without a session. With one canonical
// spelling per path, the text and the route cannot disagree; and nothing here is a spelling a
// browser or our own client ever sends (browsers normalise dot segments and never encode letters).

/** RFC 3986 unreserved characters: encoding one changes nothing but the spelling. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * Why the target is refused, or undefined when it is canonical: origin-form (starts with one
 * `/`), no empty segment (`//`), no dot segment (`.`, `..`), no percent-encoded unreserved
 * character, slash or backslash, no malformed escape, no backslash, no control character.
 */
export function nonCanonicalTarget(rawUrl: string): string | undefined {
  if (!rawUrl.startsWith('/')) return 'the request target must be a path starting with "/"';
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  if (path.includes('#')) return 'the request target must not carry a fragment';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(path))
    return 'the path has a space, control character or "\\"';
  if (path.includes('//')) return 'the path has an empty segment ("//")';
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return 'the path has a dot segment';
  for (const match of path.matchAll(/%(.{0,2})/g)) {
    const hex = match[1] ?? '';
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return 'the path has a malformed percent escape';
    const char = String.fromCharCode(parseInt(hex, 16));
    if (UNRESERVED.test(char) || char === '/' || char === '\\' || char === '%') {
      return `the path spells "${char}" as %${hex.toUpperCase()}`;
    }
  }
  return undefined;
}
