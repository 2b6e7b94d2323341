// HasOffers answers and messages in the vendor's own words, as public recordings show them
// (pyoffers' test cassettes, recorded against the real API 2016-18; api-notes.md §2).

/**
 * A wrong network id (the NetworkId parameter, or the `<id>.api.hasoffers.com` host): no
 * `request`, no `status`, `errors` an object, not an array. Recorded verbatim (pyoffers
 * test/cassettes/default.json), `/` escaped as PHP writes it.
 */
export const WRONG_NETWORK_ID_JSON =
  '{"response":{"errors":{"publicMessage":"Network id is not valid"},"link":"http:\\/\\/developers.hasoffers.com\\/"}}';

/**
 * A token the network does not know, repeated in the message (api-notes.md: the vendor's error
 * page). The BFF must strip it before the browser sees the answer.
 */
export function unauthenticatedTokenMessage(received: string): string {
  return `NetworkToken ${received} is not authenticated`;
}

/**
 * The rate-limit text recorded in pyoffers' cassettes (conversion.json), from "API usage" on:
 * "API usage exceeded rate limit.  Configured: 50/10s window; Your usage: 51.  See
 * https://help.tune.com/hasoffers/rate-limit-error/ for guidance." (two spaces after each stop).
 */
export function rateLimitExceededMessage(
  calls: number,
  windowSeconds: number,
  usage: number,
): string {
  return `API usage exceeded rate limit.  Configured: ${calls}/${windowSeconds}s window; Your usage: ${usage}.  See https://help.tune.com/hasoffers/rate-limit-error/ for guidance.`;
}
