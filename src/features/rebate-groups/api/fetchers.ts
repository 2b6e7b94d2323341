// The list request: the view → the API's query, and the one function that knows the transport.
import { requestJson } from '@/lib/http';
import { FILTER_KEYS, orderingToString, type View } from '../model/view';
import { markReceived } from './received-at';
import { z } from 'zod/mini';
import { readRebateGroupList, type RebateGroupList } from './schemas';

export const REBATE_GROUPS_LIST_URL = '/api/exness/api/v2/autorebates/groups/';

/**
 * The list request's keys (api-notes §1), sent as query parameters by fetchRebateGroups. `limit` and `offset` are always sent: our defaults are the
 * dashboard's, the API's are undocumented, so every request states its page. `ordering` is sent
 * whenever the view has one (the default `-created` included, for the same reason) and omitted
 * only for the user's explicit "no sort". Filters are arrays of strings, omitted when empty.
 */
export interface ListBody {
  ordering?: string;
  limit: number;
  offset: number;
  group_type?: string[];
  group_id?: string[];
  rebate_period?: string[];
  link_code?: string[];
}

export function toListBody(view: View): ListBody {
  const body: ListBody = { limit: view.limit, offset: view.offset };
  if (view.ordering.length > 0) body.ordering = orderingToString(view.ordering);
  for (const key of FILTER_KEYS) {
    if (view.filters[key].length > 0) body[key] = [...view.filters[key]];
  }
  return body;
}

/**
 * The request as a query string, Django REST Framework's way: one key per value for a filter
 * (`group_type=AUTO&group_type=MANUAL`), nothing for an empty filter, keys in a fixed order so
 * the same view is the same URL.
 */
export function toListSearch(body: ListBody): URLSearchParams {
  const search = new URLSearchParams();
  if (body.ordering !== undefined) search.set('ordering', body.ordering);
  search.set('limit', String(body.limit));
  search.set('offset', String(body.offset));
  for (const key of FILTER_KEYS) for (const value of body[key] ?? []) search.append(key, value);
  return search;
}

/** The inverse of toListSearch (what a stand-in server reads back; tests use it). */
export function listBodyFromSearch(search: URLSearchParams): ListBody {
  const body: ListBody = {
    limit: Number(search.get('limit')),
    offset: Number(search.get('offset')),
  };
  const ordering = search.get('ordering');
  if (ordering !== null) body.ordering = ordering;
  for (const key of FILTER_KEYS) {
    const values = search.getAll(key);
    if (values.length > 0) body[key] = values;
  }
  return body;
}

/**
 * The transport, in one place: GET with the keys as query parameters (api-notes §1, "Risk, now
 * decided"). The vendor titles the POST form of this URL "Creates a client group", and a public
 * write-up shows that POST creating one: a list sent as POST could write into a real partner
 * account. The same page documents every key as a query parameter. CSV export comes through here.
 */
export async function fetchRebateGroups(body: ListBody): Promise<RebateGroupList> {
  try {
    const raw = await requestJson(`${REBATE_GROUPS_LIST_URL}?${toListSearch(body).toString()}`, {
      schema: z.unknown(),
    });
    return readRebateGroupList(raw);
  } catch (e) {
    markReceived(e);
    throw e;
  }
}
