// Cashflow groups list, details, edit (diff review, confirmed removals, concurrent changes) and
// clone against the HasOffers emulator, through the real chain. Imports nothing from src/.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulators } from './support/emulators';

const API = '/api/hasoffers';
const HEADERS = { 'X-Requested-With': 'dashboard' };
/** Seeded: rules country IN [DE, AT, CH] and aff_sub1 STARTS_WITH [prem_]; 6 affiliates. */
const DACH = { id: '2', name: 'DACH premium' };

test.beforeEach(async ({ page }) => {
  await emulators.reset();
  page.on('dialog', (dialog) => void dialog.accept());
});

interface StoredGroup {
  // Flat, as the real API answers findCashflowGroupById (api-notes: public recordings).
  id: string;
  name: string;
  description: string | null;
  modified: string;
  rules: { field: string; operator: string; value: string[]; negate: string }[];
  affiliates: { id: string; company: string }[];
}

/** The emulator's copy, read through the BFF as the browser would (the page signed us in). */
async function storedGroup(page: Page, id: string): Promise<StoredGroup> {
  const res = await page.request.get(
    `${API}?Target=CashflowGroup&Method=findCashflowGroupById&cashflow_group_id=${id}`,
    { headers: HEADERS },
  );
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { response: { status: number; data: StoredGroup } };
  expect(body.response.status).toBe(1);
  return body.response.data;
}

const rule = (page: Page, n: number) => page.getByRole('group', { name: `Rule ${n}`, exact: true });
async function openEditOfDach(page: Page) {
  await page.goto('/cashflow-groups');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('dach');
  await expect(page).toHaveURL(/[?&]q=dach/);
  const table = page.getByRole('table', { name: 'Cashflow groups' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: DACH.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: DACH.name })).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit “${DACH.name}”` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
}

/** Rule 1 loses its last country (CH); the first chosen affiliate is removed. */
async function editRuleAndRemoveAffiliate(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
  const values = rule(page, 1).getByRole('combobox', { name: 'Value' });
  await values.click();
  await values.press('Backspace');
  await values.press('Escape');
  await expect(rule(page, 1)).toContainText('Country is one of Germany (DE), Austria (AT)');

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Affiliates' })).toBeVisible();
  const chosen = page.getByRole('list', { name: 'Chosen affiliates' });
  await expect(chosen.getByRole('listitem')).toHaveCount(6);
  const first = chosen.getByRole('listitem').first();
  const label = (await first.innerText()).trim();
  await first.getByRole('button').press('Delete');
  await expect(chosen.getByRole('listitem')).toHaveCount(5);

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
  return label;
}

test('search, open, edit a rule and remove an affiliate, see both in the diff, confirm and save', async ({
  page,
}) => {
  await openEditOfDach(page);
  const before = await storedGroup(page, DACH.id);
  const removedLabel = await editRuleAndRemoveAffiliate(page);
  const removedId = /#(\d+)/.exec(removedLabel)?.[1] ?? '';
  expect(removedId).not.toBe('');

  const changes = page.getByRole('region', { name: 'Changes to save' });
  await expect(changes).toContainText('1 rule changed');
  await expect(changes).toContainText('1 affiliate removed');
  await expect(changes.getByRole('group', { name: 'Changed rule 1' })).toContainText(
    'Switzerland (CH)',
  );
  await expect(changes.getByRole('deletion').filter({ hasText: `#${removedId}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'edit review');

  await emulators.clearCalls();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('dialog', { name: `Remove from “${DACH.name}”?` });
  await expect(dialog).toContainText('1 affiliate');
  await dialog.getByRole('button', { name: 'Remove and save' }).click();

  await expect(page).toHaveURL(new RegExp(`/cashflow-groups/${DACH.id}$`));
  await expect(page.getByText('Changes saved.')).toBeVisible();

  const calls = await emulators.hasoffers.paramsOf('CashflowGroup', 'updateCashflowGroup');
  expect(calls).toHaveLength(1);
  const expectedIds = before.affiliates.map((a) => a.id).filter((id) => id !== removedId);
  // The complete sets, never a partial list.
  expect(calls[0]).toMatchObject({
    id: DACH.id,
    name: DACH.name,
    rules_json:
      '[{"field":"country","operator":"IN","value":["DE","AT"],"negate":0},' +
      '{"field":"aff_sub1","operator":"STARTS_WITH","value":["prem_"],"negate":0}]',
    affiliate_ids_json: JSON.stringify(expectedIds),
  });

  const after = await storedGroup(page, DACH.id);
  expect(after.rules[0]?.value).toEqual(['DE', 'AT']);
  expect(after.rules).toHaveLength(2);
  expect(after.affiliates.map((a) => a.id)).toEqual(expectedIds);
  expect(after.modified > before.modified).toBe(true);
});

test('a change on the server after the edit began is reported with the new diff, nothing is overwritten', async ({
  page,
}) => {
  await openEditOfDach(page);
  await editRuleAndRemoveAffiliate(page);
  const before = await storedGroup(page, DACH.id);

  // Someone else renames the group and adds a rule meanwhile.
  const other = await page.request.post(API, {
    headers: HEADERS,
    form: {
      Target: 'CashflowGroup',
      Method: 'updateCashflowGroup',
      id: DACH.id,
      name: 'DACH premium (renamed)',
      description: before.description ?? '',
      rules_json:
        '[{"field":"country","operator":"IN","value":["DE","AT","CH"],"negate":0},' +
        '{"field":"aff_sub1","operator":"STARTS_WITH","value":["prem_"],"negate":0},' +
        '{"field":"source","operator":"CONTAINS","value":["tv"],"negate":0}]',
      affiliate_ids_json: JSON.stringify(before.affiliates.map((a) => a.id)),
    },
  });
  expect(((await other.json()) as { response: { status: number } }).response.status).toBe(1);
  const theirs = await storedGroup(page, DACH.id);

  await emulators.clearCalls();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page
    .getByRole('dialog', { name: `Remove from “${DACH.name}”?` })
    .getByRole('button', { name: 'Remove and save' })
    .click();

  await expect(
    page.getByText('The group was changed on the server while you were editing'),
  ).toBeVisible();
  expect(await emulators.hasoffers.callsTo('CashflowGroup', 'updateCashflowGroup')).toHaveLength(0);
  expect(await storedGroup(page, DACH.id)).toEqual(theirs);

  // The review now compares with the server's new version: their rule and name would go.
  const changes = page.getByRole('region', { name: 'Changes to save' });
  await expect(changes).toContainText('1 rule removed');
  await expect(changes).toContainText('name changed');
  await expect(changes.getByRole('group', { name: /Removed rule/ })).toContainText('“tv”');
  await expect(
    page.getByText('Someone else changed this group after you started editing'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save on top of the new version' })).toBeVisible();
});

test('clone opens the wizard with the rules and affiliates and a "(copy)" name, then creates', async ({
  page,
}) => {
  await page.goto(`/cashflow-groups/${DACH.id}`);
  await expect(page.getByRole('heading', { level: 1, name: DACH.name })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'details');
  const source = await storedGroup(page, DACH.id);
  await page.getByRole('link', { name: 'Clone' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'New cashflow group' })).toBeVisible();
  const name = page.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue(`${DACH.name} (copy)`);
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  for (const step of ['Rules', 'Affiliates', 'Review']) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: step })).toBeVisible();
  }
  await emulators.clearCalls();
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByText(/created/i).first()).toBeVisible();

  const calls = await emulators.hasoffers.paramsOf('CashflowGroup', 'createCashflowGroup');
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({
    name: `${DACH.name} (copy)`,
    rules_json:
      '[{"field":"country","operator":"IN","value":["DE","AT","CH"],"negate":0},' +
      '{"field":"aff_sub1","operator":"STARTS_WITH","value":["prem_"],"negate":0}]',
    affiliate_ids_json: JSON.stringify(source.affiliates.map((a) => a.id)),
  });
});

test('the list keeps its view in the URL, and is accessible', async ({ page }) => {
  await page.goto('/cashflow-groups?sort=created&keep=me');
  await expect(page.getByText('Ignored the sort “created”')).toBeVisible();
  await expect(page).toHaveURL(/\/cashflow-groups\?keep=me$/);

  await page.goto('/cashflow-groups?sort=-id&limit=10&keep=me');
  const table = page.getByRole('table', { name: 'Cashflow groups' });
  await expect(table.getByRole('row')).toHaveCount(11);
  // The first cell is the row's selection box; the id comes next.
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('20');
  await expect(page).toHaveURL(/keep=me/);
  await page.getByRole('button', { name: /next page/i }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('10');
  // Target rules read by name, as on the group's page (the network's rules 71 and 75).
  await expect(table.getByRole('row', { name: /Android, no proxies/ })).toContainText(
    'Advanced targeting rule is one of “Mobile: Android only” (#71), “Exclude proxies and VPN” (#75)',
  );
  await expectNoSeriousA11yViolations(page, 'list');

  await page.goto('/cashflow-groups/999');
  await expect(page.getByText('There is no cashflow group with the ID “999”')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the cashflow groups' }).click();
  await expect(page).toHaveURL(/\/cashflow-groups$/);
});
