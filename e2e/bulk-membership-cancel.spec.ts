// Bulk membership stopped mid-run, through the real chain: the write in flight (held by the
// emulator) still completes once, the run ends before the next group, the report says which were
// saved and which were not attempted, and History records the write as a bulk change.
// Imports nothing from src/.
import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { emulators } from './support/emulators';

test.beforeEach(async () => {
  await emulators.reset();
});

test('stop after this group: one group saved, the others not attempted, recorded as bulk', async ({
  page,
}) => {
  // Affiliate #4 is seeded (the vendor's example ids 2, 4 and 6).
  await page.goto('/affiliates/4');
  const named = page.getByRole('region', { name: /^Groups that name / });
  await expect(named).toBeVisible();
  const namedNames = await named.getByRole('link').allTextContents();

  // Three groups with chosen affiliates that do not name #4 yet.
  const box = page.getByRole('group', { name: 'Groups to change' });
  const labels = box.locator('label');
  const chosen: string[] = [];
  const count = await labels.count();
  for (let i = 0; i < count && chosen.length < 3; i += 1) {
    const label = (await labels.nth(i).textContent()) ?? '';
    const groupName = label.replace(/ \(#\d+\).*$/, '');
    if (!label.includes('all affiliates') && !namedNames.includes(groupName)) {
      await labels.nth(i).click();
      chosen.push(groupName);
    }
  }
  expect(chosen).toHaveLength(3);
  await page.getByRole('button', { name: 'Review changes to 3 groups' }).click();
  const save = page.getByRole('button', { name: 'Save 3 groups' });
  await expect(save).toBeVisible();

  // The suite shares one BFF (and its history) across specs: count the bulk changes before.
  const bulkChanges = async () => {
    const answer = await page.request.get('/api/history?kind=bulk-membership&limit=1', {
      headers: { 'X-Requested-With': 'dashboard' },
    });
    expect(answer.ok()).toBe(true);
    return ((await answer.json()) as { total: number }).total;
  };
  const bulkBefore = await bulkChanges();

  // The first write is held upstream for a while: the user stops while it is on its way.
  await emulators.clearCalls();
  await emulators.hasoffers.fault({
    match: { hoMethod: 'updateCashflowGroup' },
    fault: 'delay',
    delayMs: 2_500,
    count: 1,
  });
  await save.click();
  await page.getByRole('button', { name: 'Stop after this group' }).click();
  await expect(page.getByRole('button', { name: 'Stopping after this group…' })).toBeDisabled();

  const report = page.getByText('Stopped: 1 of 3 saved, 2 not attempted.');
  await expect(report).toBeVisible();
  // The Stop button the keyboard was on is gone: focus goes to the run's last word.
  await expect(report).toBeFocused();
  const [first, ...rest] = chosen;
  const firstRegion = page.getByRole('region', { name: `Changes to ${first}` });
  await expect(firstRegion.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(firstRegion).not.toContainText('saved: Saved');
  for (const name of rest) {
    await expect(page.getByRole('region', { name: `Changes to ${name}` })).toContainText(
      'Not attempted: you stopped the run before this group.',
    );
  }
  await expectNoA11yViolations(page, 'bulk run stopped');

  // Upstream: the held write went once and was applied; nothing was sent for the others.
  const updates = await emulators.hasoffers.callsTo('CashflowGroup', 'updateCashflowGroup');
  expect(updates).toHaveLength(1);
  expect(updates[0]?.hoStatus).toBe(1);
  // The page shows the saved group among the affiliate's groups without reading them all again.
  await expect(named.getByRole('link', { name: first ?? '' })).toBeVisible();
  expect(await emulators.hasoffers.callsTo('CashflowGroup', 'findCashflowGroups')).toEqual([]);

  // History: the one write, as a bulk change, found by the Activity page's kind filter (newest
  // first; other specs' bulk changes may be below it).
  expect(await bulkChanges()).toBe(bulkBefore + 1);
  await page.goto('/activity?kind=bulk-membership');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(bulkBefore + 2);
  await expect(table.getByRole('row').nth(1)).toContainText('Affiliates added or removed in bulk');
  await expect(table.getByRole('row').nth(1)).toContainText(first ?? '');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toContainText(
    'Bulk affiliate changes',
  );
});

test('bulk membership from groups ticked on the cashflow list', async ({ page }) => {
  await page.goto('/cashflow-groups?sort=id&limit=10');
  const table = page.getByRole('table', { name: 'Cashflow groups' });
  await expect(table.getByRole('row')).toHaveCount(11);
  // Two groups with chosen affiliates (an all-affiliates group would be left as it is).
  const chosen: string[] = [];
  for (let i = 1; i <= 10 && chosen.length < 2; i += 1) {
    const row = table.getByRole('row').nth(i);
    if ((await row.getByRole('cell').nth(4).textContent()) === 'all') continue;
    const name = (await row.getByRole('link').first().textContent()) ?? '';
    await row.getByRole('checkbox', { name: `Select ${name}` }).check();
    chosen.push(name);
  }
  expect(chosen).toHaveLength(2);
  // The browser's own boxes take the scheme's primary colour: in dark, the dark scheme's blue
  // (not the light one, which theme.palette gives under CSS variables).
  const ticked = table.getByRole('checkbox', { name: `Select ${chosen[0] ?? ''}` });
  await expect(ticked).toHaveCSS('accent-color', 'rgb(21, 101, 192)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(ticked).toHaveCSS('accent-color', 'rgb(144, 202, 249)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('region', { name: 'Selected groups' })).toContainText(
    '2 groups selected',
  );
  await page.getByRole('button', { name: 'Add or remove affiliates…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Add or remove affiliates in 2 groups' });
  await dialog.getByRole('textbox', { name: 'Affiliate IDs' }).fill('4');
  await dialog.getByRole('button', { name: 'Review changes to 2 groups' }).click();
  const save = dialog.getByRole('button', { name: /^Save [12] groups?$/ });
  await expect(save).toBeVisible();
  await expectNoA11yViolations(page, 'bulk review from the list');
  const planned = Number(/\d/.exec((await save.textContent()) ?? '')?.[0]);
  await emulators.clearCalls();
  // The first write is held upstream (under the BFF's 4-s upstream timeout) so the run in
  // progress can be scanned, Stop button included.
  await emulators.hasoffers.fault({
    match: { hoMethod: 'updateCashflowGroup' },
    fault: 'delay',
    delayMs: 3_500,
    count: 1,
  });
  await save.click();
  await expect(dialog.getByRole('button', { name: 'Stop after this group' })).toBeEnabled();
  await expectNoA11yViolations(page, 'bulk run in progress');
  const report = dialog.getByText(`Done: ${planned} of ${planned} saved.`);
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(report).toBeFocused();
  const updates = await emulators.hasoffers.callsTo('CashflowGroup', 'updateCashflowGroup');
  expect(updates).toHaveLength(planned);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
