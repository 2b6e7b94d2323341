// The list request: the view → the API's body, and the one function that knows the transport.
import { requestJson } from '@/lib/http';
import { FILTER_KEYS, orderingToString, type View } from '../model/view';
import { markReceived } from './received-at';
import { rebateGroupListSchema, type RebateGroupList } from './schemas';

export const REBATE_GROUPS_LIST_URL = '/api/exness/api/v2/autorebates/groups/';

/**
 * The list body (api-notes §1). `limit` and `offset` are always sent: our defaults are the
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
 * The transport, in one place: the documented POST with a JSON body. The API documents the same
 * keys as query parameters too; if a real account shows the POST misbehaving, change only this.
 */
export async function fetchRebateGroups(body: ListBody): Promise<RebateGroupList> {
  try {
    return await requestJson(REBATE_GROUPS_LIST_URL, {
      method: 'POST',
      body,
      schema: rebateGroupListSchema,
    });
  } catch (e) {
    markReceived(e);
    throw e;
  }
}
