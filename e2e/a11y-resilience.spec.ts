// Failure modes end in a visible, accessible outcome: a hanging upstream ends in a timeout
// message with Retry (no endless spinner), a create tried offline says so and never fires by
// itself when the connection returns, and a 5 MB paste into the import dialog is refused with
// a message while the page stays responsive.
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { emulators } from './support/emulators';
import { bodyRows, listCalls, LIST_UPSTREAM_PATH } from './support/rebate-groups-helpers';

const CREATE = ['CashflowGroup', 'createCashflowGroup'] as const;

test.beforeEach(async ({ page }) => {
  await emulators.reset();
  page.on('dialog', (dialog) => void dialog.accept());
});

const nextButton = (page: Page) => page.getByRole('button', { name: 'Next', exact: true });
const uniqueName = (label: string) => `E2E resilience ${label} ${Date.now().toString(36)}`;

async function wizardAt(page: Page, step: 'rules' | 'review', name: string) {
  await page.goto('/cashflow-groups/new');
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
  if (step === 'rules') return;
  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Affiliates' })).toBeVisible();
  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
}

test('a hanging Exness list ends in a timeout message with Retry, not an endless spinner', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // More than the first call and its three automatic retries: every one hangs.
  await emulators.exness.fault({ match: { path: LIST_UPSTREAM_PATH }, fault: 'hang', count: 10 });
  const started = Date.now();
  await page.goto('/rebate-groups');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load rebate groups' });
  // BFF timeout 4 s × 4 attempts + capped backoff (1 + 2 + 4 s) ≈ 23 s; well under 45 s.
  await expect(alert).toBeVisible({ timeout: 45_000 });
  const took = Date.now() - started;
  await expect(alert).toContainText(/did not answer in time|took too long/);
  const retry = alert.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();
  // At most 3 automatic retries: 4 attempts reached the emulator, and no more follow.
  expect((await listCalls()).length).toBe(4);
  await page.waitForTimeout(3000);
  expect((await listCalls()).length).toBe(4);
  expect(took).toBeLessThan(45_000);
  await expectNoA11yViolations(page, 'list: timed out');

  await emulators.exness.clearFaults();
  await retry.click();
  await expect(bodyRows(page).first()).toBeVisible();
  await expect(alert).toBeHidden();
});

test('offline: the create fails at once with a message and does not fire when back online', async ({
  page,
  context,
}) => {
  await wizardAt(page, 'review', uniqueName('offline'));
  await emulators.clearCalls();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Create group' }).click();
  const message = page.getByRole('alert').first();
  await expect(message).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('main')).toContainText(/offline|could not reach|connection/i);
  await expectNoA11yViolations(page, 'wizard: create while offline');

  await context.setOffline(false);
  // Give a parked request every chance to fire by itself.
  await page.waitForTimeout(4_000);
  expect(await emulators.hasoffers.callsTo(...CREATE)).toHaveLength(0);
  await expect(page.getByRole('heading', { name: 'Cashflow group created' })).toHaveCount(0);
});

test('offline on the list: the banner shows, and it is accessible', async ({ page, context }) => {
  await page.goto('/rebate-groups');
  await expect(bodyRows(page).first()).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByText(/You are offline/)).toBeVisible();
  await expectNoA11yViolations(page, 'list: offline banner');
  await context.setOffline(false);
  await expect(page.getByText(/You are offline/)).toBeHidden();
});

test('a 5 MB paste into the import dialog is refused with a message; the page stays responsive', async ({
  page,
}) => {
  await wizardAt(page, 'rules', uniqueName('huge paste'));
  await page.getByRole('button', { name: 'Import JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import JSON' });
  const box = dialog.getByRole('textbox', { name: 'rules_json' });
  await expect(box).toBeVisible();
  // Typing 5 MB is impossible: set the value as a paste would, through React's value setter.
  const pasteMs = await box.evaluate((el) => {
    const text = `[${'{"field":"country","operator":"IN","value":["DE"],"negate":0},'.repeat(84_000)}{}]`;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    const t0 = performance.now();
    setter?.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return performance.now() - t0;
  });
  expect(pasteMs).toBeLessThan(5_000);
  const started = Date.now();
  await expect(dialog.getByRole('alert')).toContainText(/larger than 1 MB/);
  expect(Date.now() - started).toBeLessThan(5_000);
  // Not kept: the box is empty, so nothing megabytes-long is laid out or imported.
  await expect(box).toHaveValue('');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Paste rules_json');
  await expectNoA11yViolations(page, 'import dialog: too large');

  // Still responsive: the next click is handled promptly and nothing was imported.
  const clickStarted = Date.now();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(Date.now() - clickStarted).toBeLessThan(3_000);
  await expect(page.getByRole('group', { name: 'Rule 1', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByRole('group', { name: 'Rule 1', exact: true })).toBeVisible();
});
