// Recognises the HasOffers answer that means "this is not your network" (a wrong network id or
// API URL) and turns it into a 502 naming the setting, remembered for /api/health.
import type { HasOffersUpstream } from '../config';
import { HttpError } from '../errors';
import type { UpstreamResponse } from '../upstream/fetch-upstream';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const WRONG_NETWORK_MESSAGE =
  'The HasOffers API does not recognise the network the dashboard server is configured for ("Network id is not valid"). Check HASOFFERS_NETWORK_ID (or HASOFFERS_API_URL, which wins over it) in the server settings, then restart the server.';

/**
 * The recorded wrong-network-id answer: `{"response": {"errors": {"publicMessage": "Network id
 * is not valid"}, "link": "…"}}`, with no `response.status`, no `request`, `errors` an object.
 * Any envelope of that form is taken as the same problem (the text may change; the form is
 * what no real call's answer has).
 */
export function isWrongNetworkAnswer(res: UpstreamResponse): boolean {
  // Every ordinary envelope has `"status"`; skip parsing them (this runs on every answer).
  if (res.text.includes('"status"')) return false;
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    return false;
  }
  if (!isRecord(json) || !isRecord(json.response) || 'request' in json) return false;
  const { response } = json;
  return !('status' in response) && isRecord(response.errors);
}

/** The last problem seen per configured upstream (one app, one upstream object). */
const problems = new WeakMap<HasOffersUpstream, string>();

/**
 * Call on every HasOffers answer before it is sent on: throws the 502 `UpstreamMisconfigured`
 * for a wrong-network answer (and remembers it for /api/health); any other envelope clears it.
 */
export function assertHasOffersNetwork(res: UpstreamResponse, upstream: HasOffersUpstream): void {
  if (isWrongNetworkAnswer(res)) {
    problems.set(upstream, WRONG_NETWORK_MESSAGE);
    throw new HttpError(502, 'UpstreamMisconfigured', WRONG_NETWORK_MESSAGE);
  }
  if (res.status === 200 && res.text.includes('"status"')) problems.delete(upstream);
}

/** What /api/health reports for HasOffers: the last answer's configuration problem, if any. */
export function hasOffersProblem(upstream: HasOffersUpstream): string | undefined {
  return problems.get(upstream);
}
