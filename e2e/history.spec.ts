// A group's change history through the real chain: created, edited in the wizard and restored to
// its first version from History, each read back in History (with its diff) and on the Activity
// page; axe on both new views. Imports nothing from src/.
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { emulators } from './support/emulators';

const HEADERS = { 'X-Requested-With': 'dashboard' };

test.beforeEach(async ({ page }) => {
  await emulators.reset();
  page.on('dialog', (dialog) => void dialog.accept());
});

/** Creates a group through the BFF as the wizard sends it (the page's session signs it). */
async function createGroup(page: Page, name: string): Promise<string> {
  const res = await page.request.post('/api/hasoffers', {
    headers: { ...HEADERS, 'Idempotency-Key': `history-e2e-${Date.now()}` },
    form: {
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name,
      description: 'Made by the history spec',
      rules_json: '[{"field":"country","operator":"IN","value":["DE"],"negate":0}]',
      affiliate_ids_json: '[]',
    },
  });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { response: { status: number; data: unknown } };
  expect(body.response.status).toBe(1);
  return String(body.response.data);
}

/** The History's entries, newest first (an emulator reset re-uses ids: only the newest count). */
const entries = (page: Page) =>
  page.getByRole('region', { name: 'History' }).getByRole('button', { name: /^Version #\d+/ });

test('create, edit and restore a group, and read it all in History and Activity', async ({
  page,
}) => {
  await page.goto('/cashflow-groups');
  const original = `History ${Date.now()}`;
  const renamed = `${original} renamed`;
  const id = await createGroup(page, original);

  // Created: the first version, described.
  await page.goto(`/cashflow-groups/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: original })).toBeVisible();
  await expect(entries(page).first()).toHaveAccessibleName(/Created by /);

  // Edited in the wizard: a new name.
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit “${original}”` })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill(renamed);
  for (const step of ['Rules', 'Affiliates', 'Review']) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: step })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  // History: the edit on top, its diff against the version before.
  const edited = entries(page).first();
  await expect(edited).toHaveAccessibleName(/Edited by /);
  await edited.click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('deletion').filter({ hasText: original }).first()).toBeVisible();
  await expect(history.getByRole('insertion').filter({ hasText: renamed }).first()).toBeVisible();
  await expectNoA11yViolations(page, 'details page with History');

  // Restore the first version: the edit opens on Review with it filled in, the same diff.
  const created = entries(page).nth(1);
  await expect(created).toHaveAccessibleName(/Created by /);
  const createdName = (await created.getAttribute('aria-label')) ?? '';
  const createdId = /^Version #(\d+)/.exec(createdName)?.[1] ?? '';
  await created.click();
  await history.getByRole('link', { name: 'Restore this version' }).click();
  await expect(page).toHaveURL(new RegExp(`/cashflow-groups/${id}/edit\\?restore=${createdId}`));
  await expect(page.getByRole('heading', { level: 1, name: `Restore “${renamed}”` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
  const changes = page.getByRole('region', { name: 'Changes to save' });
  await expect(changes.getByRole('deletion').filter({ hasText: renamed })).toBeVisible();
  await expect(changes.getByRole('insertion').filter({ hasText: original })).toBeVisible();
  await emulators.clearCalls();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: original })).toBeVisible();
  // Sent once, as the complete group, with the restore named for the history.
  const updates = await emulators.hasoffers.paramsOf('CashflowGroup', 'updateCashflowGroup');
  expect(updates).toEqual([expect.objectContaining({ id, name: original })]);

  await expect(entries(page).first()).toHaveAccessibleName(
    new RegExp(`Restored version #${createdId} by `),
  );
  await expect(entries(page).nth(1)).toHaveAccessibleName(/Edited by /);
  await expect(entries(page).nth(2)).toHaveAccessibleName(/Created by /);

  // Activity: the three changes, filtered to this group from the URL.
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Group id' }).fill(id);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`/activity\\?group=${id}$`));
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText(`Restored version #${createdId}`);
  await expect(rows.nth(2)).toContainText('Edited');
  await expect(rows.nth(3)).toContainText('Created');
  await expectNoA11yViolations(page, 'Activity page');

  // The export carries the same filter.
  const csv = await page.request.get(`/api/history/export?format=csv&group=${id}`, {
    headers: HEADERS,
  });
  expect(csv.ok()).toBe(true);
  expect(await csv.text()).toContain(`"${renamed}"`);
});
