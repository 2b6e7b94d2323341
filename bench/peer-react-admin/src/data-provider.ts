// The peer's dataProvider: react-admin's getList over the BFF's rebate-groups list, the very
// request the dashboard makes (src/features/rebate-groups/api/fetchers.ts). Reads only.
import { HttpError, type DataProvider, type GetListParams, type RaRecord } from 'react-admin';

/** The BFF's same-origin path for the Exness list (the dashboard's REBATE_GROUPS_LIST_URL). */
const LIST_URL = '/api/exness/api/v2/autorebates/groups/';

/** The filters the list sends, in the dashboard's fixed key order (one key per value). */
const FILTER_KEYS = ['group_type', 'rebate_period', 'link_code'] as const;

/** Fields that arrive as numbers or as Django REST Framework's decimal strings ("35.50"). */
const NUMERIC_FIELDS = ['id', 'clients_count', 'rebate_percent'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "35.50" → 35.5; a number stays; anything else is left for the field to show as it came. */
function numeric(v: unknown): unknown {
  if (typeof v !== 'string' || v.trim() === '') return v;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

/** The dashboard's query string: ordering, limit, offset, then each filter value as its own key. */
export function listSearch(params: GetListParams): URLSearchParams {
  const search = new URLSearchParams();
  const sort = params.sort;
  if (sort?.field) search.set('ordering', `${sort.order === 'DESC' ? '-' : ''}${sort.field}`);
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? 25;
  search.set('limit', String(perPage));
  search.set('offset', String((page - 1) * perPage));
  const filter: unknown = params.filter;
  if (isRecord(filter)) {
    for (const key of FILTER_KEYS) {
      const value = filter[key];
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      for (const v of values) if (typeof v === 'string' && v !== '') search.append(key, v);
    }
  }
  return search;
}

function rowOf(raw: unknown): RaRecord {
  if (!isRecord(raw)) throw new HttpError('The list answered a row that is not an object.', 502);
  const row: Record<string, unknown> = { ...raw };
  for (const key of NUMERIC_FIELDS) row[key] = numeric(row[key]);
  const id = row.id;
  if (typeof id !== 'number' && typeof id !== 'string') {
    throw new HttpError('The list answered a row without an id.', 502);
  }
  return { ...row, id };
}

async function getList(params: GetListParams): Promise<{ data: RaRecord[]; total: number }> {
  const res = await fetch(`${LIST_URL}?${listSearch(params).toString()}`, {
    credentials: 'same-origin',
    // The BFF's CSRF guard: same-origin calls say who they are.
    headers: { Accept: 'application/json', 'X-Requested-With': 'dashboard' },
  });
  // Read as text, then parsed, as the dashboard does: the bench's page probe times `text()`.
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // A non-JSON error page: the status says enough.
  }
  if (!res.ok) {
    const message =
      isRecord(body) && typeof body.message === 'string'
        ? body.message
        : `The server answered ${res.status}.`;
    throw new HttpError(message, res.status, body);
  }
  if (!isRecord(body) || !Array.isArray(body.data) || !isRecord(body.totals)) {
    throw new HttpError('The list answer is not {data, totals}.', 502, body);
  }
  const total = Number(numeric(body.totals.count));
  return { data: body.data.map(rowOf), total: Number.isFinite(total) ? total : 0 };
}

const readOnly = (): Promise<never> =>
  Promise.reject(new HttpError('The peer lists rebate groups only.', 405));

export const dataProvider: DataProvider = {
  // react-admin's signature is generic in the record type; the rows are whatever the API sent.
  getList: async <R extends RaRecord>(_resource: string, params: GetListParams) => {
    const { data, total } = await getList(params);
    return { data: data as R[], total };
  },
  getOne: readOnly,
  getMany: readOnly,
  getManyReference: readOnly,
  update: readOnly,
  updateMany: readOnly,
  create: readOnly,
  delete: readOnly,
  deleteMany: readOnly,
};
