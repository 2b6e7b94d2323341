// After a create whose outcome is unknown: did it create the group? Looks it up by its unique name
// and, if it exists, answers the retry as the create would have.
import type { HasOffersUpstream } from '../config';
import { HttpError } from '../errors';
import type { UpstreamRequest, UpstreamResponse } from '../upstream/fetch-upstream';
import { withNetworkToken } from './params';
import { buildHasOffersRequest } from './transport';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys of a paged find answer (recorded: `{page, current, count, pageCount, data}` and subsets). */
const PAGE_KEYS = new Set(['page', 'current', 'count', 'pageCount']);

/**
 * The rows of a find* answer, in every shape recorded or documented: `[]`; an id-keyed object
 * (`{"24": {...}}`); a paged object with any subset of the page keys and its rows in `data` or
 * `records` (`findCashflowGroups` answers `{records: [...]}`, with or without page keys).
 */
export function rowsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isRecord(data)) return [];
  // `records` is recorded as an array of rows, so it is never an id-keyed row itself.
  if (Array.isArray(data.records)) return data.records;
  const keys = Object.keys(data);
  const paged =
    'data' in data && keys.every((k) => k === 'data' || k === 'records' || PAGE_KEYS.has(k));
  if (paged) return rowsOf(data.data);
  return Object.values(data);
}

const lookupFailed = (): HttpError =>
  new HttpError(
    502,
    'UpstreamInvalidResponse',
    'The HasOffers API could not confirm whether the earlier attempt created the group. Try again in a moment.',
  );

/**
 * The id of the network's cashflow group named `name` (names are unique, compared as HasOffers
 * does: trimmed, case-insensitively), or undefined if there is none. Throws when the lookup
 * itself fails: then we still do not know.
 */
export async function findCreatedGroupId(
  name: string,
  upstream: HasOffersUpstream,
  send: (request: UpstreamRequest) => Promise<UpstreamResponse>,
): Promise<string | undefined> {
  const wanted = name.trim();
  const params = new URLSearchParams({
    Target: 'CashflowGroup',
    Method: 'findCashflowGroups',
    'filters[name]': wanted,
  });
  const res = await send(
    buildHasOffersRequest(upstream.apiUrl, withNetworkToken(params, upstream.networkToken), false),
  );
  let json: unknown;
  try {
    json = res.status === 200 ? JSON.parse(res.text) : undefined;
  } catch {
    json = undefined;
  }
  const response = isRecord(json) && isRecord(json.response) ? json.response : undefined;
  if (!response || Number(response.status) !== 1) throw lookupFailed();
  for (const row of rowsOf(response.data)) {
    const group = isRecord(row) && isRecord(row.CashflowGroup) ? row.CashflowGroup : row;
    if (!isRecord(group)) continue;
    const id = String(group.id ?? '');
    if (
      typeof group.name === 'string' &&
      group.name.trim().toLowerCase() === wanted.toLowerCase() &&
      /^\d+$/.test(id)
    ) {
      return id;
    }
  }
  return undefined;
}

/** The answer createCashflowGroup gives (the envelope the browser reads), for a found group. */
export function recoveredCreateAnswer(id: string): UpstreamResponse {
  const text = JSON.stringify({
    request: { Target: 'CashflowGroup', Method: 'createCashflowGroup' },
    response: { status: 1, httpStatus: 200, data: id, errors: [], errorMessage: null },
  });
  return {
    status: 200,
    headers: new Headers({ 'Content-Type': 'application/json' }),
    text,
  };
}
