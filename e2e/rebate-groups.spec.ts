// Rebate groups page against the whole chain (browser → Vite → BFF → Exness emulator).
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulators } from './support/emulators';
import {
  LIST_UPSTREAM_PATH,
  bodyRows,
  columnTexts,
  expectIds,
  callBody,
  fetchList,
  listBodyOf,
  groupsTable,
  listCalls,
  nextListRequest,
  paginationLabel,
  totalsText,
  type ListBody,
} from './support/rebate-groups-helpers';

const PATH = '/rebate-groups';
const DEFAULT_BODY = { ordering: '-created', limit: 25, offset: 0 };

test.beforeEach(async () => {
  await emulators.reset();
});

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${PATH}${query}`);
  await expect(bodyRows(page).first()).toBeVisible();
}

async function pick(page: Page, select: string, options: string[]): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${select}`) }).click();
  const list = page.getByRole('listbox');
  for (const option of options) await list.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

test.describe('deep links', () => {
  test('a deep link sends exactly its view and shows the emulator’s rows and totals', async ({
    page,
    request,
  }) => {
    const expected: ListBody = {
      ordering: '-clients_count,group_title',
      limit: 50,
      offset: 100,
      group_type: ['AUTO'],
      rebate_period: ['WEEKLY', 'MONTHLY'],
    };
    const sent = nextListRequest(page);
    await page.goto(
      `${PATH}?group_type=AUTO&rebate_period=WEEKLY&rebate_period=MONTHLY&ordering=-clients_count,group_title&limit=50&offset=100`,
    );
    expect(listBodyOf(await sent)).toEqual(expected);

    // With the seed this link is past the end (fewer than 101 matches): the exact body went
    // out, then the page moved to the last page.
    await expect(page).toHaveURL(/limit=50&offset=\d+$/);
    await expect(page.getByText(/past the end of the list: showing the last page/)).toBeVisible();
    const last = Number(new URL(page.url()).searchParams.get('offset'));
    await expect(bodyRows(page).first()).toBeVisible();

    // The emulator received the same bodies: nothing lost or added on the way.
    const calls = await listCalls();
    expect(calls.map(callBody)).toEqual([expected, { ...expected, offset: last }]);

    const truth = await fetchList(request, { ...expected, offset: last });
    expect(last).toBe(Math.floor((truth.totals.count - 1) / 50) * 50);
    await expectIds(
      page,
      truth.data.map((g) => g.id),
    );
    await expect(page.getByRole('status', { name: 'Totals' })).toHaveText(totalsText(truth.totals));
    await expect(
      page.getByText(paginationLabel(last + 1, truth.totals.count, truth.totals.count)),
    ).toBeVisible();

    // The controls show the linked view.
    await expect(page.getByRole('combobox', { name: /^Type/ })).toHaveText('Auto');
    await expect(page.getByRole('combobox', { name: /^Rebate period/ })).toHaveText(
      'Weekly, Monthly',
    );
    await expect(page.getByRole('button', { name: /^Sort 1: Clients, descending/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Sort 2: Title, ascending/ })).toBeVisible();
  });

  test('a deep link within range shows exactly that page', async ({ page, request }) => {
    const expected: ListBody = {
      ordering: 'rebate_percent,-link_code',
      limit: 10,
      offset: 30,
      group_type: ['MANUAL'],
    };
    const sent = nextListRequest(page);
    await page.goto(
      `${PATH}?ordering=rebate_percent,-link_code&limit=10&offset=30&group_type=MANUAL`,
    );
    expect(listBodyOf(await sent)).toEqual(expected);
    const truth = await fetchList(request, expected);
    await expectIds(
      page,
      truth.data.map((g) => g.id),
    );
    await expect(page.getByRole('status', { name: 'Totals' })).toHaveText(totalsText(truth.totals));
    await expect(page.getByText(paginationLabel(31, 40, truth.totals.count))).toBeVisible();
    await expect(page.getByRole('combobox', { name: /Rows per page/ })).toHaveText('10');
  });

  test('the plain page sends the defaults and has the documented columns', async ({
    page,
    request,
  }) => {
    const sent = nextListRequest(page);
    await open(page);
    expect(listBodyOf(await sent)).toEqual(DEFAULT_BODY);
    await expect(groupsTable(page).getByRole('columnheader')).toHaveText([
      'ID',
      'Title',
      'Type',
      'Clients',
      'Rebate %',
      'Rebate size',
      'Period',
      'Link code',
      'Created',
    ]);
    const truth = await fetchList(request, DEFAULT_BODY);
    await expectIds(
      page,
      truth.data.map((g) => g.id),
    );
    await expect(page.getByText(paginationLabel(1, 25, truth.totals.count))).toBeVisible();
  });

  test('invalid values are dropped or clamped with a notice; unknown params are kept', async ({
    page,
  }) => {
    const sent = nextListRequest(page);
    await page.goto(
      `${PATH}?limit=7000&ordering=-password,group_title&group_type=SOMETIMES&utm_source=mail`,
    );
    expect(listBodyOf(await sent)).toEqual({ ordering: 'group_title', limit: 100, offset: 0 });
    await expect(page.getByText(/Page size 7000 is above the maximum/)).toBeVisible();
    await expect(page.getByText(/Ignored the sort “-password”/)).toBeVisible();
    await expect(page.getByText(/Ignored the type “SOMETIMES”/)).toBeVisible();
    await expect(page).toHaveURL(/\?utm_source=mail&ordering=group_title&limit=100$/);
    await expect(bodyRows(page)).toHaveCount(100);
    // Every request the page sent was one the API accepts.
    for (const call of await listCalls()) expect(call.status).toBe(200);
  });

  test('an offset past the end moves to the last page', async ({ page, request }) => {
    const { totals } = await fetchList(request, { limit: 1 });
    const last = Math.floor((totals.count - 1) / 25) * 25;
    // The move happens from an effect, and a first visit loads the page's code: neither may make
    // React or the router complain (flushSync from a lifecycle, a missing HydrateFallback).
    const complaints: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') complaints.push(m.text());
    });
    await page.goto(`${PATH}?offset=100000`);
    await expect(page).toHaveURL(new RegExp(`offset=${last}$`));
    await expect(
      page.getByText('That page is past the end of the list: showing the last page.'),
    ).toBeVisible();
    await expect(
      page.getByText(paginationLabel(last + 1, totals.count, totals.count)),
    ).toBeVisible();
    expect(complaints).toEqual([]);
  });
});

test.describe('sorting', () => {
  test('header clicks cycle one column; shift-click adds further keys', async ({
    page,
    request,
  }) => {
    await open(page);
    const table = groupsTable(page);
    const header = (name: string) => table.getByRole('columnheader', { name });

    // ID and Rebate size are not sortable: no button in their headers.
    await expect(header('ID').getByRole('button')).toHaveCount(0);
    await expect(header('Rebate size').getByRole('button')).toHaveCount(0);
    await expect(header('Created')).toHaveAttribute('aria-sort', 'descending');

    let sent = nextListRequest(page, (b) => b.ordering === 'clients_count');
    await header('Clients').getByRole('button').click();
    expect(listBodyOf(await sent)).toEqual({
      ordering: 'clients_count',
      limit: 25,
      offset: 0,
    });
    await expect(page).toHaveURL(/ordering=clients_count$/);
    await expect(header('Clients')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('Created')).not.toHaveAttribute('aria-sort');

    sent = nextListRequest(page, (b) => b.ordering === '-clients_count');
    await header('Clients').getByRole('button').click();
    await sent;
    await expect(page).toHaveURL(/ordering=-clients_count$/);
    await expect(header('Clients')).toHaveAttribute('aria-sort', 'descending');

    sent = nextListRequest(page, (b) => b.ordering === '-clients_count,group_title');
    await header('Title')
      .getByRole('button')
      .click({ modifiers: ['Shift'] });
    await sent;
    await expect(page).toHaveURL(/ordering=-clients_count%2Cgroup_title$/);
    await expect(header('Title')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('Clients')).toHaveAttribute('aria-sort', 'descending');
    const truth = await fetchList(request, {
      ordering: '-clients_count,group_title',
      limit: 25,
      offset: 0,
    });
    await expectIds(
      page,
      truth.data.map((g) => g.id),
    );

    // Shift-click again: Title descending in place; once more: Title off, Clients stays.
    sent = nextListRequest(page, (b) => b.ordering === '-clients_count,-group_title');
    await header('Title')
      .getByRole('button')
      .click({ modifiers: ['Shift'] });
    await sent;
    // Back to a view fetched a moment ago: answered from the cache, so the URL tells.
    await header('Title')
      .getByRole('button')
      .click({ modifiers: ['Shift'] });
    await expect(page).toHaveURL(/ordering=-clients_count$/);
    await expect(header('Title')).not.toHaveAttribute('aria-sort');

    // Plain click on the only key, descending: off. The URL says "no sort" explicitly.
    sent = nextListRequest(page, (b) => b.ordering === undefined);
    await header('Clients').getByRole('button').click();
    expect(listBodyOf(await sent)).toEqual({ limit: 25, offset: 0 });
    await expect(page).toHaveURL(/ordering=$/);
    await expect(page.getByRole('group', { name: 'Sort' })).toContainText('nothing');
  });

  test('the sort panel adds, reverses, moves and removes keys by mouse and keyboard', async ({
    page,
    request,
  }) => {
    await open(page);
    const panel = page.getByRole('group', { name: 'Sort' });

    let sent = nextListRequest(page, (b) => b.ordering === '-created,rebate_percent');
    await panel.getByRole('button', { name: 'Add sort' }).click();
    await page.getByRole('menuitem', { name: 'Rebate %' }).click();
    await sent;

    sent = nextListRequest(page, (b) => b.ordering === '-created,-rebate_percent');
    await panel.getByRole('button', { name: /^Sort 2: Rebate %, ascending/ }).click();
    await sent;

    // Keyboard: Alt+Left moves Rebate % first, focus stays on it; Enter reverses it.
    sent = nextListRequest(page, (b) => b.ordering === '-rebate_percent,-created');
    await panel.getByRole('button', { name: /^Sort 2: Rebate %/ }).focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await sent;
    await expect(
      panel.getByRole('button', { name: /^Sort 1: Rebate %, descending/ }),
    ).toBeFocused();
    sent = nextListRequest(page, (b) => b.ordering === 'rebate_percent,-created');
    await page.keyboard.press('Enter');
    await sent;
    await expect(page).toHaveURL(/ordering=rebate_percent%2C-created$/);
    const truth = await fetchList(request, {
      ordering: 'rebate_percent,-created',
      limit: 25,
      offset: 0,
    });
    await expectIds(
      page,
      truth.data.map((g) => g.id),
    );
    await expect(groupsTable(page).getByRole('columnheader', { name: 'Rebate %' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    // The move buttons (back to a view already fetched: the URL says it).
    await panel.getByRole('button', { name: 'Move Created sort earlier' }).click();
    await expect(page).toHaveURL(/ordering=-created%2Crebate_percent$/);

    // Delete removes the focused key.
    sent = nextListRequest(page, (b) => b.ordering === 'rebate_percent');
    await panel.getByRole('button', { name: /^Sort 1: Created/ }).focus();
    await page.keyboard.press('Delete');
    await sent;
    await expect(panel.getByRole('button', { name: /^Sort \d/ })).toHaveCount(1);
  });
});

test.describe('filtering', () => {
  test('Type: one request, offset reset, only matching rows', async ({ page, request }) => {
    await open(page, '?offset=50');
    const sent = nextListRequest(page, (b) => b.group_type !== undefined);
    await pick(page, 'Type', ['Manual']);
    const body = { ...DEFAULT_BODY, group_type: ['MANUAL'] };
    expect(listBodyOf(await sent)).toEqual(body);
    await expect(page).toHaveURL(/\?group_type=MANUAL$/);
    await expect
      .poll(async () => new Set(await columnTexts(page, 'Type')))
      .toEqual(new Set(['Manual']));
    // Exactly one request for this filter change (prefetches ask for other offsets). Counted
    // before fetchList below, which asks the emulator the same question itself.
    const calls = (await listCalls()).filter((c) => isDeepStrictEqual(callBody(c), body));
    expect(calls).toHaveLength(1);
    const truth = await fetchList(request, body);
    await expectIds(
      page,
      truth.data.map((g) => g.id),
    );
    await expect(page.getByRole('status', { name: 'Totals' })).toHaveText(totalsText(truth.totals));
  });

  test('Type by keyboard: Enter opens, Space ticks, Escape sends and gives focus back; a press opens without the focus ring', async ({
    page,
  }) => {
    await open(page);
    const type = page.getByRole('combobox', { name: /^Type/ });
    await type.focus();
    await page.keyboard.press('Enter');
    const auto = page.getByRole('option', { name: 'Auto' });
    await expect(auto).toBeFocused();
    expect(await auto.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    const sent = nextListRequest(page, (b) => b.group_type !== undefined);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    const manual = page.getByRole('option', { name: 'Manual' });
    await expect(manual).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(type).toBeFocused();
    await expect(type).toHaveText('Manual');
    await expect(page).toHaveURL(/\?group_type=MANUAL$/);
    expect(listBodyOf(await sent)).toMatchObject({ group_type: ['MANUAL'] });
    // By pointer: the chosen option takes focus without the keyboard's ring, as in MUI's Select.
    await type.click();
    await expect(manual).toBeFocused();
    expect(await manual.evaluate((el) => el.matches(':focus-visible'))).toBe(false);
  });

  test('Rebate period with two values', async ({ page, request }) => {
    await open(page);
    // Each tick asks for its rows while the menu is open (Daily, then Daily + Weekly); closing
    // the menu shows the last of them without asking again.
    const sent = nextListRequest(page, (b) => b.rebate_period?.length === 2);
    await pick(page, 'Rebate period', ['Daily', 'Weekly']);
    const body = { ...DEFAULT_BODY, rebate_period: ['DAILY', 'WEEKLY'] };
    expect(listBodyOf(await sent)).toEqual(body);
    await expect(page).toHaveURL(/\?rebate_period=DAILY&rebate_period=WEEKLY$/);
    const calls = (await listCalls()).filter((c) => isDeepStrictEqual(callBody(c), body));
    expect(calls).toHaveLength(1);
    const truth = await fetchList(request, body);
    await expectIds(
      page,
      truth.data.map((g) => g.id),
    );
    for (const period of await columnTexts(page, 'Period')) {
      expect(period).toMatch(/^(Daily|Weekly|Every \d+ (days|weeks))/);
    }
  });

  test('Group IDs: digits become chips, anything else gets a clear message', async ({
    page,
    request,
  }) => {
    const { data } = await fetchList(request, { ...DEFAULT_BODY, limit: 3 });
    const ids = data.map((g) => String(g.id));
    await open(page);
    const input = page.getByRole('textbox', { name: 'Group IDs' });

    await input.fill('12a');
    await expect(page.getByText('“12a” is not a group ID: use digits only.')).toBeVisible();
    await input.fill('');

    const sent = nextListRequest(page, (b) => b.group_id !== undefined);
    await input.fill(`${ids[0]} ${ids[2]}`);
    await input.press('Enter');
    const body = { ...DEFAULT_BODY, group_id: [ids[0], ids[2]] };
    expect(listBodyOf(await sent)).toEqual(body);
    await expectIds(page, [data[0]!.id, data[2]!.id]);
    await expect(
      page.getByRole('button', { name: `Remove filter Group ID: ${ids[0]}` }),
    ).toBeVisible();
  });

  test('Link codes: a pasted list splits into chips; chips and Clear all remove filters', async ({
    page,
    request,
  }) => {
    await open(page);
    const input = page.getByRole('textbox', { name: 'Link codes' });
    const sent = nextListRequest(page, (b) => b.link_code !== undefined);
    await input.focus();
    await input.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'vip, spring24\ntg-main');
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    const body = { ...DEFAULT_BODY, link_code: ['vip', 'spring24', 'tg-main'] };
    expect(listBodyOf(await sent)).toEqual(body);
    const truth = await fetchList(request, body);
    await expectIds(
      page,
      truth.data.map((g) => g.id),
    );
    expect(new Set(await columnTexts(page, 'Link code'))).toEqual(
      new Set(truth.data.map((g) => g.link_code)),
    );

    const active = page.getByRole('group', { name: 'Active filters' });
    const next = nextListRequest(page, (b) => JSON.stringify(b.link_code) === '["vip","tg-main"]');
    await active.getByRole('button', { name: 'Remove filter Link code: spring24' }).click();
    await next;
    // Clear all: back to the plain view (still cached from the first load).
    await active.getByRole('button', { name: 'Clear all' }).click();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
    await expect(page.getByRole('group', { name: 'Active filters' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Link codes' })).toHaveValue('');
  });
});

test.describe('paging', () => {
  test('next page, page size reset, back and forward', async ({ page, request }) => {
    const { totals } = await fetchList(request, { limit: 1 });
    await open(page);
    await expect(page.getByText(paginationLabel(1, 25, totals.count))).toBeVisible();

    // The next page was prefetched: no request to wait for.
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await expect(page).toHaveURL(/\?offset=25$/);
    await expect(page.getByText(paginationLabel(26, 50, totals.count))).toBeVisible();
    const second = await fetchList(request, { ...DEFAULT_BODY, offset: 25 });
    await expectIds(
      page,
      second.data.map((g) => g.id),
    );

    const sent = nextListRequest(page, (b) => b.limit === 50);
    await page.getByRole('combobox', { name: /Rows per page/ }).click();
    await page.getByRole('option', { name: '50', exact: true }).click();
    expect(listBodyOf(await sent)).toEqual({ ...DEFAULT_BODY, limit: 50 });
    await expect(page).toHaveURL(/\?limit=50$/);
    await expect(page.getByText(paginationLabel(1, 50, totals.count))).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(50);

    await page.goBack();
    await expect(page).toHaveURL(/\?offset=25$/);
    await expectIds(
      page,
      second.data.map((g) => g.id),
    );
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
    await expect(page.getByText(paginationLabel(1, 25, totals.count))).toBeVisible();
    await page.goForward();
    await expect(page.getByText(paginationLabel(26, 50, totals.count))).toBeVisible();
  });

  test('the next page is prefetched, and the table stays while a page loads', async ({ page }) => {
    await open(page);
    await expect
      .poll(async () => (await listCalls()).map((c) => callBody(c).offset))
      .toEqual([0, 25]);
    // Slow the next request down: the old rows stay on screen with the progress bar.
    await emulators.exness.fault({
      match: { path: LIST_UPSTREAM_PATH },
      fault: 'delay',
      delayMs: 1500,
    });
    await page.getByRole('combobox', { name: /Rows per page/ }).click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Loading rebate groups' })).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(25);
    await expect(bodyRows(page)).toHaveCount(10);
    await expect(page.getByRole('progressbar', { name: 'Loading rebate groups' })).toBeHidden();
  });
});

test('CSV export writes every row of the filtered, sorted view', async ({ page, request }) => {
  const view = { ordering: '-clients_count,group_title', group_type: ['AUTO'] };
  await open(page, '?group_type=AUTO&ordering=-clients_count,group_title');

  // The truth, paged as the export does.
  const first = await fetchList(request, { ...view, limit: 100, offset: 0 });
  const all = [...first.data];
  for (let offset = 100; offset < first.totals.count; offset += 100) {
    all.push(...(await fetchList(request, { ...view, limit: 100, offset })).data);
  }
  expect(first.totals.count).toBeGreaterThan(100); // so the export really pages
  await emulators.clearCalls();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^rebate-groups-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await file.path())!, 'utf8');

  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).split('\r\n');
  expect(lines.at(-1)).toBe('');
  expect(lines[0]).toBe('ID,Title,Type,Clients,Rebate %,Rebate size,Period,Link code,Created');
  const rows = lines.slice(1, -1);
  expect(rows).toHaveLength(first.totals.count);
  expect(rows.map((r) => Number(r.split(',')[0]))).toEqual(all.map((g) => g.id));
  // Cells of a known row, quoted where needed.
  const g = all[0]!;
  const title = /[",]/.test(g.group_title)
    ? `"${g.group_title.replaceAll('"', '""')}"`
    : g.group_title;
  // Decimals come as strings ("4.10", as Django REST Framework sends them); the CSV writes the
  // number, the same whichever way it came.
  expect(rows[0]).toContain(
    `${g.id},${title},Auto,${g.clients_count},${Number(g.rebate_percent)},`,
  );
  expect(rows[0]!.endsWith(`,${g.link_code},${g.created}`)).toBe(true);
  await expect(page.getByText(`Exported ${first.totals.count} groups`)).toBeVisible();

  // The export pages 100 at a time with the view's filters and sort.
  const exportCalls = (await listCalls()).filter((c) => callBody(c).limit === 100);
  expect(exportCalls.map(callBody)).toEqual(
    Array.from({ length: Math.ceil(first.totals.count / 100) }, (_, i) => ({
      ...view,
      limit: 100,
      offset: i * 100,
    })),
  );
});

test('CSV export honours hidden columns', async ({ page }) => {
  await open(page, '?group_id=1001');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Rebate size' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Period' }).click();
  await page.keyboard.press('Escape');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const text = await readFile((await (await download).path())!, 'utf8');
  expect(text.slice(1).split('\r\n')[0]).toBe('ID,Title,Type,Clients,Rebate %,Link code,Created');
});

test.describe('states', () => {
  test('an upstream error shows the message and Retry recovers', async ({ page }) => {
    // The first call and the three automatic retries of a transient failure.
    await emulators.exness.fault({
      match: { path: LIST_UPSTREAM_PATH },
      fault: 'http500',
      count: 4,
    });
    await page.goto(PATH);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load rebate groups' });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText(
      'The Exness API answered in an unexpected form (status 500).',
    );
    await expectNoSeriousA11yViolations(page, 'error state');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(bodyRows(page).first()).toBeVisible();
    await expect(alert).toBeHidden();
  });

  test('403 PermissionDenied: not available for this partner account', async ({ page }) => {
    await emulators.exness.fault({
      match: { path: LIST_UPSTREAM_PATH },
      fault: 'permission-denied',
    });
    await page.goto(PATH);
    await expect(
      page.getByText('Rebate groups are not available for this partner account'),
    ).toBeVisible();
    await expect(groupsTable(page)).toHaveCount(0);
    // Not retried: a permission does not come back by asking again.
    expect(await listCalls()).toHaveLength(1);
    await expectNoSeriousA11yViolations(page, '403 state');
  });

  test('429 waits out Retry-After with a countdown, then shows the rows', async ({ page }) => {
    await emulators.exness.fault({
      match: { path: LIST_UPSTREAM_PATH },
      fault: 'rate-limit',
      delayMs: 3000,
    });
    await page.goto(PATH);
    await expect(page.getByText(/Too many requests to Exness\. Retrying in \d s…/)).toBeVisible();
    await expect(bodyRows(page).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/Too many requests/)).toBeHidden();
    const calls = await listCalls();
    expect(calls[0]?.status).toBe(429);
    expect(calls[1]?.status).toBe(200);
  });

  test('no match: a clear-filters action; no groups at all: its own message', async ({ page }) => {
    await open(page);
    await page.goto(`${PATH}?group_id=999999`);
    await expect(page.getByText('No groups match these filters')).toBeVisible();
    await expect(page.getByRole('status', { name: 'Totals' })).toHaveText('0 groups · 0 clients');
    await expectNoSeriousA11yViolations(page, 'empty (filtered)');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(bodyRows(page).first()).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));

    // An account without any group: the emulator hides its seed until the next reset.
    await emulators.exness.config({ emptyAccount: true });
    await page.goto(`${PATH}?limit=10`);
    await expect(page.getByText('No rebate groups yet')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
  });

  test('a stale slow response never replaces newer rows', async ({ page, request }) => {
    await emulators.exness.fault({
      match: { path: LIST_UPSTREAM_PATH },
      fault: 'delay',
      delayMs: 2500,
    });
    await page.goto(PATH); // this first request is the slow one
    await pick(page, 'Type', ['Manual']);
    const manual = await fetchList(request, { ...DEFAULT_BODY, group_type: ['MANUAL'] });
    await expectIds(
      page,
      manual.data.map((g) => g.id),
    );

    // Wait until the slow answer has been given (or its request dropped), then check again.
    const until = Date.now() + 10_000;
    await expect
      .poll(
        async () => {
          const slow = (await listCalls()).find((c) => c.fault === 'delay');
          return slow?.status !== undefined || Date.now() > until;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.waitForTimeout(300); // let any late answer reach the page before the check
    await expectIds(
      page,
      manual.data.map((g) => g.id),
    );
    expect(new Set(await columnTexts(page, 'Type'))).toEqual(new Set(['Manual']));
  });

  test('offline shows a banner and the list resumes when back online', async ({
    page,
    context,
  }) => {
    await open(page);
    await context.setOffline(true);
    await expect(page.getByText('You are offline.', { exact: false })).toBeVisible();
    // The choices come with the page: they open offline; the change waits and is sent when
    // back online.
    const size = page.getByRole('combobox', { name: /Rows per page/ });
    await size.click();
    await page.getByRole('option', { name: '10', exact: true }).click(); // not asked for yet
    await expect(bodyRows(page)).not.toHaveCount(10); // paused: the old page stays
    await context.setOffline(false);
    await expect(page.getByText('You are offline.', { exact: false })).toBeHidden();
    await expect(bodyRows(page)).toHaveCount(10);

    // And again, from a page that has been online since.
    await context.setOffline(true);
    await expect(page.getByText('You are offline.', { exact: false })).toBeVisible();
    await size.click();
    await page.getByRole('option', { name: '50', exact: true }).click(); // not asked for yet
    await expect(bodyRows(page)).toHaveCount(10); // paused: the old page stays
    await context.setOffline(false);
    await expect(page.getByText('You are offline.', { exact: false })).toBeHidden();
    await expect(bodyRows(page)).toHaveCount(50);
  });
});

test.describe('details, layout, saved views', () => {
  test('a row opens the details drawer by click and by Enter; the link code copies', async ({
    page,
    context,
    request,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const body = { ...DEFAULT_BODY, link_code: ['vip'] };
    const truth = await fetchList(request, body);
    const g = truth.data[0]!;
    await open(page, '?link_code=vip');

    await bodyRows(page).first().click();
    const drawer = page.getByRole('dialog', { name: g.group_title });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByText(g.partner_uid)).toBeVisible();
    for (const term of ['Partner UID', 'Period start', 'Period end', 'Rebate size', 'Created']) {
      await expect(drawer.getByText(term, { exact: true })).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page, 'details drawer');
    await drawer.getByRole('button', { name: 'Copy link code vip' }).click();
    await expect(drawer.getByText('Link code copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('vip');
    await drawer.getByRole('button', { name: 'Close details' }).click();
    await expect(drawer).toBeHidden();

    await bodyRows(page).nth(1).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: truth.data[1]!.group_title })).toBeVisible();
  });

  test('the created date shows its full timestamp on hover', async ({ page }) => {
    await open(page, '?group_id=1001');
    await groupsTable(page).getByText('Nov 1, 2024').hover();
    await expect(page.getByRole('tooltip')).toHaveText(/Nov 1, 2024, 9:00:00\sAM UTC/);
  });

  test('hidden columns and density persist across reloads', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Link code' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Compact rows' }).click();
    await expect(groupsTable(page).getByRole('columnheader', { name: 'Link code' })).toHaveCount(0);

    await page.reload();
    await expect(bodyRows(page).first()).toBeVisible();
    await expect(groupsTable(page).getByRole('columnheader')).toHaveCount(8);
    await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // A corrupt stored value is ignored, not fatal.
    await page.evaluate(() => localStorage.setItem('rebate-groups.table-prefs.v1', '{"hidden":7'));
    await page.reload();
    await expect(groupsTable(page).getByRole('columnheader')).toHaveCount(9);
  });

  test('saved views: save, apply and delete', async ({ page }) => {
    await open(page, '?group_type=MANUAL&ordering=-clients_count&offset=25');
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('button', { name: 'Save current view…' }).click();
    await page.getByRole('textbox', { name: 'View name' }).fill('Big manual groups');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page.goto(PATH);
    await expect(bodyRows(page).first()).toBeVisible();
    await page.getByRole('button', { name: 'Saved views' }).click();
    const sent = nextListRequest(page, (b) => b.group_type !== undefined);
    await page.getByRole('button', { name: /^Big manual groups/ }).click();
    expect(listBodyOf(await sent)).toEqual({
      ordering: '-clients_count',
      limit: 25,
      offset: 0,
      group_type: ['MANUAL'],
    });
    await expect(page).toHaveURL(/\?group_type=MANUAL&ordering=-clients_count$/);

    await page.reload();
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('button', { name: 'Delete saved view Big manual groups' }).click();
    await expect(page.getByText('No saved views yet')).toBeVisible();
  });
});

test('axe: the page with filters, sort menu and column menu has no serious violations', async ({
  page,
}) => {
  await open(page, '?group_type=AUTO&link_code=vip&ordering=-clients_count,group_title');
  await expectNoSeriousA11yViolations(page, 'list');
  await page.getByRole('button', { name: 'Add sort' }).click();
  await expectNoSeriousA11yViolations(page, 'add-sort menu');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Columns' }).click();
  await expectNoSeriousA11yViolations(page, 'columns menu');
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'list (dark)');
});
