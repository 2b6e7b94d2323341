// Helpers for the rebate-groups e2e specs: the list call in the emulator's log, the list API
// through the BFF (to know what the page should show), and table readers by role.
import {
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
  type Request,
} from '@playwright/test';
import { emulators, type CallRecord } from './emulators';

export const LIST_UPSTREAM_PATH = '/api/v2/autorebates/groups/';
export const LIST_BFF_PATH = `/api/exness${LIST_UPSTREAM_PATH}`;

export interface ListBody {
  ordering?: string;
  limit?: number;
  offset?: number;
  group_type?: string[];
  group_id?: string[];
  rebate_period?: string[];
  link_code?: string[];
}

export interface Group {
  id: number;
  group_title: string;
  group_type: string;
  clients_count: number;
  /** A decimal: a JSON string on the wire by default ("35.50"), as Django REST Framework sends. */
  rebate_percent: number | string;
  link_code: string;
  is_default: boolean;
  partner_uid: string;
  created: string;
  rebate_period: string;
}

export interface ListAnswer {
  data: Group[];
  totals: { count: number; clients: number };
}

/** The list calls that reached the Exness emulator, oldest first. */
export async function listCalls(): Promise<CallRecord[]> {
  return (await emulators.exness.calls()).filter((c) => c.path === LIST_UPSTREAM_PATH);
}

const FILTER_KEYS = ['group_type', 'group_id', 'rebate_period', 'link_code'] as const;

/**
 * The list's parameters as one object, read from a GET query (repeated keys for a filter's
 * values, as Django REST Framework reads them): what the specs compare, however it travelled.
 */
export function bodyFromQuery(search: URLSearchParams): ListBody {
  const body: ListBody = {};
  const ordering = search.get('ordering');
  if (ordering !== null) body.ordering = ordering;
  if (search.has('limit')) body.limit = Number(search.get('limit'));
  if (search.has('offset')) body.offset = Number(search.get('offset'));
  for (const key of FILTER_KEYS) {
    const values = search.getAll(key);
    if (values.length > 0) body[key] = values;
  }
  return body;
}

/** The GET query that asks for `body` (what the page sends for the same view). */
export function listQuery(body: ListBody): string {
  const search = new URLSearchParams();
  if (body.ordering !== undefined) search.set('ordering', body.ordering);
  if (body.limit !== undefined) search.set('limit', String(body.limit));
  if (body.offset !== undefined) search.set('offset', String(body.offset));
  for (const key of FILTER_KEYS) for (const v of body[key] ?? []) search.append(key, v);
  return search.toString();
}

/** The parameters of a list request the page sent. */
export function listBodyOf(r: Request): ListBody {
  return bodyFromQuery(new URL(r.url()).searchParams);
}

/** The parameters of a list call in the emulator's log. */
export function callBody(call: CallRecord): ListBody {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(call.query)) {
    for (const item of Array.isArray(v) ? v : [v]) search.append(k, item);
  }
  return bodyFromQuery(search);
}

/** A list request: GET (a POST on that path creates a group on the real API). */
export function isListRequest(r: Request): boolean {
  return r.method() === 'GET' && new URL(r.url()).pathname === LIST_BFF_PATH;
}

/** The next list request the page sends whose parameters pass `test` (prefetches pass by). */
export function nextListRequest(page: Page, test: (body: ListBody) => boolean = () => true) {
  return page.waitForRequest((r) => isListRequest(r) && test(listBodyOf(r)));
}

/** Asks the list API (through the BFF, as the page does) for the truth to compare with. */
export async function fetchList(request: APIRequestContext, body: ListBody): Promise<ListAnswer> {
  const query = listQuery(body);
  const res = await request.get(`${LIST_BFF_PATH}${query ? `?${query}` : ''}`, {
    headers: { 'X-Requested-With': 'dashboard' },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as ListAnswer;
}

export const en = (n: number): string => n.toLocaleString('en-US');

export function totalsText(totals: ListAnswer['totals']): string {
  return `${en(totals.count)} ${totals.count === 1 ? 'group' : 'groups'} · ${en(totals.clients)} ${totals.clients === 1 ? 'client' : 'clients'}`;
}

export function groupsTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Rebate groups' });
}

/** The body rows (the second row group: the first is the header). */
export function bodyRows(page: Page): Locator {
  return groupsTable(page).getByRole('rowgroup').nth(1).getByRole('row');
}

/** One column's texts, top to bottom, by header name (as the table currently shows it). */
export async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await groupsTable(page).getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((h) => h.trim().startsWith(header));
  expect(index, `column ${header} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return bodyRows(page).evaluateAll(
    (rows, i) =>
      rows.map((r) => (r.children[i] as HTMLElement | undefined)?.innerText.trim() ?? ''),
    index,
  );
}

/** Waits until the table shows exactly these group ids, in order. */
export async function expectIds(page: Page, ids: number[]): Promise<void> {
  // The list request can leave before the page has rendered (the route loader starts it while
  // the page's code loads): wait for the table itself before reading its columns.
  await expect(groupsTable(page).getByRole('columnheader', { name: /^ID/ })).toBeVisible();
  await expect.poll(() => columnTexts(page, 'ID')).toEqual(ids.map(String));
}

export function paginationLabel(from: number, to: number, count: number): string {
  return `${en(from)}–${en(to)} of ${en(count)}`;
}
