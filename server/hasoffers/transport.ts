// How the BFF sends a HasOffers call upstream: the one place that decides GET or POST.
import type { UpstreamRequest } from '../upstream/fetch-upstream';

/**
 * api-notes.md leaves open whether the real API accepts a form-encoded POST body (public clients
 * use GET even for create, but a long `rules_json` may not fit in a URL). Writes go as POST;
 * if a real account shows otherwise, this is the one line to change.
 */
export const UPSTREAM_WRITE_METHOD: 'GET' | 'POST' = 'POST';

export function buildHasOffersRequest(
  apiUrl: string,
  params: URLSearchParams,
  write: boolean,
): UpstreamRequest {
  const method = write ? UPSTREAM_WRITE_METHOD : 'GET';
  const headers = { Accept: 'application/json' };
  if (method === 'POST') {
    return {
      method,
      url: apiUrl,
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
    };
  }
  return { method, url: `${apiUrl}?${params.toString()}`, headers };
}
