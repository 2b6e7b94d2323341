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
  rebate_percent: number;
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

export function isListRequest(r: Request): boolean {
  return r.method() === 'POST' && new URL(r.url()).pathname === LIST_BFF_PATH;
}

/** The next list request the page sends whose body passes `test` (prefetches pass by). */
export function nextListRequest(page: Page, test: (body: ListBody) => boolean = () => true) {
  return page.waitForRequest((r) => isListRequest(r) && test(r.postDataJSON() as ListBody));
}

/** Asks the list API (through the BFF, as the page does) for the truth to compare with. */
export async function fetchList(request: APIRequestContext, body: ListBody): Promise<ListAnswer> {
  const res = await request.post(LIST_BFF_PATH, {
    data: body,
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
