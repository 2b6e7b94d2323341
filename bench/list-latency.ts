// List latency: from a filter change, a sort change and a page change on /rebate-groups to the
// new rows painted, beside the emulator's own time for the list call that served them. The
// same rounds drive the dashboard and the react-admin peer (bench/peer.ts), each through its own
// controls (a ListDriver).
import type { Browser, Page } from '@playwright/test';
import { installProbe, scriptOf, type ProbeFetch } from './lib/page-probe';
import { calls, clearCalls, URLS } from './lib/stack';
import { summarize, type Summary } from './lib/stats';

export type ListAction = 'filter' | 'sort' | 'page';

export interface ListSample {
  run: number;
  action: ListAction;
  /** Event timestamp → the frame after the table body showed the new rows. */
  totalMs: number;
  /** The list request as the page saw it (fetch start → body read); 0 when served from cache. */
  requestMs: number;
  /** The emulator's own time for that call (its call log); 0 when served from cache. */
  emulatorMs: number;
  /** totalMs − emulatorMs: what the browser, the BFF and the network added. */
  aboveEmulatorMs: number;
  /** The rows came from the query cache (the page prefetches the next page). */
  fromCache: boolean;
}

export interface ListLatencyReport {
  runs: number;
  samples: ListSample[];
  perAction: Record<
    ListAction,
    {
      total: Summary;
      request: Summary;
      emulator: Summary;
      aboveEmulator: Summary;
      fromCache: number;
    }
  >;
  /** All actions that needed a request. */
  aboveEmulatorUncached: Summary;
  aboveEmulatorAll: Summary;
}

const LIST_PATH = '/api/exness/api/v2/autorebates/groups/';
const LIST_UPSTREAM = '/api/v2/autorebates/groups/';

/** The list request's query parameters as the page sent them, key → values in order. */
function queryOf(url: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URL(url, 'http://x').searchParams) (out[k] ??= []).push(v);
  return out;
}

/** A query, keys sorted, for comparing the page's request with the emulator's call log. */
function queryKey(query: Record<string, string | string[]>): string {
  return JSON.stringify(
    Object.keys(query)
      .sort()
      .map((k) => {
        const v = query[k] ?? [];
        return [k, Array.isArray(v) ? v : [v]];
      }),
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__bench.fetches.every((f) => f.end !== null), null, {
    timeout: 15_000,
  });
  await page.waitForTimeout(150);
}

/** The page a list request asked for: its `offset` query parameter (the list is a GET). */
function offsetOf(f: ProbeFetch): number | undefined {
  const offset = queryOf(f.url).offset?.[0];
  return offset === undefined ? undefined : Number(offset);
}

async function measure(
  page: Page,
  run: number,
  action: ListAction,
  expectedOffset: number,
  act: () => Promise<void>,
): Promise<ListSample> {
  await settle(page);
  await clearCalls('exness');
  await page.evaluate(() => window.__bench.arm());
  await act();
  try {
    await page.waitForFunction(() => window.__bench.paintedAt !== null, null, { timeout: 15_000 });
  } catch (e) {
    const s = await page.evaluate(() => ({
      ...window.__bench,
      now: performance.now(),
      tables: document.querySelectorAll('table').length,
      t: document.querySelector('table tbody')?.textContent?.slice(0, 100),
    }));
    console.error(JSON.stringify(s, null, 1));
    await page.screenshot({ path: '/tmp/pd-probe/fail.png' });
    throw e;
  }
  const state = await page.evaluate(() => ({
    actionAt: window.__bench.actionAt,
    changedAt: window.__bench.changedAt,
    paintedAt: window.__bench.paintedAt,
    fetches: window.__bench.fetches,
  }));
  if (state.actionAt === null || state.paintedAt === null || state.changedAt === null) {
    throw new Error(`list ${action}: the probe saw no action or no paint`);
  }
  const changedAt = state.changedAt;
  // The call that served the rows: a list fetch for the expected page, finished before the rows
  // changed. None when the rows came from the cache (a prefetched page).
  const served = state.fetches
    .filter(
      (f) =>
        new URL(f.url, 'http://x').pathname === LIST_PATH &&
        offsetOf(f) === expectedOffset &&
        f.end !== null &&
        f.end <= changedAt,
    )
    .at(-1);
  let emulatorMs = 0;
  if (served) {
    const log = (await calls('exness')).filter((c) => c.path === LIST_UPSTREAM);
    // The BFF passes the query through: the emulator's call for it has the same parameters.
    const key = queryKey(queryOf(served.url));
    const call = log.find((c) => queryKey(c.query ?? {}) === key);
    if (call?.durationMs === undefined) {
      throw new Error(`list ${action}: no emulator call-log entry with a duration for ${key}`);
    }
    emulatorMs = call.durationMs;
  }
  const totalMs = state.paintedAt - state.actionAt;
  return {
    run,
    action,
    totalMs,
    requestMs: served && served.end !== null ? served.end - served.start : 0,
    emulatorMs,
    aboveEmulatorMs: totalMs - emulatorMs,
    fromCache: !served,
  };
}

/** Times one change: `act` fires the event the clock starts from; `expectedOffset` its page. */
export type MeasureChange = (
  action: ListAction,
  expectedOffset: number,
  act: () => Promise<void>,
) => Promise<void>;

/** One list UI's controls: how to wait for its first rows and how to play one round. */
export interface ListDriver {
  /** Resolves once the list shows its first rows. */
  ready(page: Page): Promise<void>;
  /**
   * One round: a filter on and off again, a sort, the next page twice, then back to the first
   * page (unmeasured). Each measured change goes through `measure`.
   */
  round(page: Page, measure: MeasureChange, limit: number): Promise<void>;
}

/** The dashboard's /rebate-groups. */
export const DASHBOARD_LIST: ListDriver = {
  async ready(page) {
    await page
      .getByRole('table', { name: 'Rebate groups' })
      .getByRole('rowgroup')
      .nth(1)
      .getByRole('row')
      .first()
      .waitFor();
  },
  async round(page, measure, limit) {
    const table = page.getByRole('table', { name: 'Rebate groups' });
    // Filter: tick "Auto" in Type and close the menu (the change is sent on close) ...
    await page.getByRole('combobox', { name: /^Type/ }).click();
    await page.getByRole('listbox').getByRole('option', { name: 'Auto' }).click();
    await measure('filter', 0, () => page.keyboard.press('Escape'));
    // ... and remove it again with its chip.
    await measure('filter', 0, () =>
      page.getByRole('button', { name: 'Remove filter Type: Auto' }).click(),
    );
    // Sort: the Clients header cycles ascending → descending → none.
    await measure('sort', 0, () =>
      table.getByRole('columnheader', { name: 'Clients' }).getByRole('button').click(),
    );
    // Pages: next twice (sorts and filters went back to the first page).
    for (const offset of [limit, 2 * limit]) {
      await measure('page', offset, () =>
        page.getByRole('button', { name: 'Go to next page' }).click(),
      );
    }
    // Back to the first page for the next round's filter (a reset of the offset).
    await page.getByRole('button', { name: 'Go to previous page' }).click();
    await page.getByRole('button', { name: 'Go to previous page' }).click();
  },
};

export interface ListLatencyOptions {
  rounds?: number;
  appUrl?: string;
  driver?: ListDriver;
}

export async function runListLatency(
  browser: Browser,
  cookie: { name: string; value: string },
  runs: number,
  { rounds = 3, appUrl = URLS.app, driver = DASHBOARD_LIST }: ListLatencyOptions = {},
): Promise<ListLatencyReport> {
  const samples: ListSample[] = [];
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    try {
      await context.addCookies([{ name: cookie.name, value: cookie.value, url: appUrl }]);
      const page = await context.newPage();
      await page.addInitScript({ content: scriptOf(installProbe) });
      await page.goto(`${appUrl}/rebate-groups`);
      await driver.ready(page);
      const measureChange: MeasureChange = async (action, expectedOffset, act) => {
        samples.push(await measure(page, run, action, expectedOffset, act));
      };
      for (let round = 0; round < rounds; round++) await driver.round(page, measureChange, 25);
    } finally {
      await context.close();
    }
  }
  const of = (list: ListSample[]) => ({
    total: summarize(list.map((s) => s.totalMs)),
    request: summarize(list.map((s) => s.requestMs)),
    emulator: summarize(list.map((s) => s.emulatorMs)),
    aboveEmulator: summarize(list.map((s) => s.aboveEmulatorMs)),
    fromCache: list.filter((s) => s.fromCache).length,
  });
  const by = (a: ListAction) => samples.filter((s) => s.action === a);
  return {
    runs,
    samples,
    perAction: { filter: of(by('filter')), sort: of(by('sort')), page: of(by('page')) },
    aboveEmulatorUncached: summarize(
      samples.filter((s) => !s.fromCache).map((s) => s.aboveEmulatorMs),
    ),
    aboveEmulatorAll: summarize(samples.map((s) => s.aboveEmulatorMs)),
  };
}
