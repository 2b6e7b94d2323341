// A rule value typed but not confirmed (no Enter, comma or blur) is kept in the wizard's draft:
// after a reload it is back in the same rule's box, still unconfirmed, and Enter confirms it.
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { emulators } from './support/emulators';

const WIZARD = '/cashflow-groups/new';
const DRAFT_KEY = 'partner-dashboard:cashflow-group-draft';

test.beforeEach(async ({ page }) => {
  await emulators.reset();
  // Reloading with work in the wizard asks first (beforeunload): the tests mean to leave.
  page.on('dialog', (dialog) => void dialog.accept());
});

const rule = (page: Page, n: number) => page.getByRole('group', { name: `Rule ${n}`, exact: true });
const valueBox = (page: Page, n: number) => rule(page, n).getByRole('textbox', { name: 'Value' });
/** A value's chip: MUI's Chip with a delete action is a button named by its label. */
const chip = (page: Page, n: number, label: string) =>
  rule(page, n).getByRole('button', { name: label, exact: true });

/** The stored draft's rules, as stored. */
async function storedRules(page: Page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
  return (JSON.parse(raw ?? '{}') as { form?: { rules?: Record<string, unknown>[] } }).form?.rules;
}

async function reloadAndResume(page: Page) {
  await page.reload();
  await page
    .getByRole('dialog', { name: 'Resume your draft?' })
    .getByRole('button', { name: 'Resume draft' })
    .click();
  await expect(page).toHaveURL(/step=rules/);
  // A draft of many rules takes a while to mount in the dev build on a busy machine.
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible({
    timeout: 30_000,
  });
}

test('a typed value survives a reload unconfirmed, and Enter then confirms it', async ({
  page,
}) => {
  await page.goto(WIZARD);
  await page.getByRole('textbox', { name: 'Name' }).fill(`E2E pending ${Date.now().toString(36)}`);
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await rule(page, 1).getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: /^Source/ }).click();
  await expect(page.getByRole('option', { includeHidden: true })).toHaveCount(0);

  // Typed, not confirmed: the box keeps focus, no Enter, no comma.
  await valueBox(page, 1).pressSequentially('newsletter');
  await expect(page.getByText(/Draft saved on this device/)).toBeVisible();
  // The debounced save of the last keystroke has landed.
  await expect
    .poll(() => storedRules(page))
    .toEqual([
      expect.objectContaining({ field: 'source', values: [], pendingValue: 'newsletter' }),
    ]);

  await reloadAndResume(page);
  await expect(valueBox(page, 1)).toHaveValue('newsletter');
  await expect(chip(page, 1, 'newsletter')).toHaveCount(0);
  await expect(rule(page, 1)).toHaveAccessibleDescription('Source is one of … (no values yet)');
  await expectNoA11yViolations(page, 'the Rules step with an unconfirmed value restored');

  await valueBox(page, 1).press('Enter');
  await expect(chip(page, 1, 'newsletter')).toBeVisible();
  await expect(valueBox(page, 1)).toHaveValue('');
  await expect(rule(page, 1)).toHaveAccessibleDescription('Source is one of “newsletter”');
  // Confirmed, it is a value in the draft and no longer pending.
  await expect
    .poll(() => storedRules(page))
    .toEqual([{ field: 'source', operator: 'IN', values: ['newsletter'], negate: false }]);
});

test('a far rule’s unconfirmed value shows in its light stand-in and moves into the editor', async ({
  page,
}) => {
  const count = 60;
  const rules = Array.from({ length: count }, (_, i) => ({
    field: 'source',
    operator: 'IN',
    values: [`s${i + 1}`],
    negate: false,
    ...(i === count - 1 && { pendingValue: 'far away' }),
  }));
  await page.goto(WIZARD);
  await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
  await page.evaluate(([key, draft]) => localStorage.setItem(key, draft), [
    DRAFT_KEY,
    JSON.stringify({
      version: 1,
      savedAt: new Date().toISOString(),
      step: 1,
      form: {
        name: `E2E far ${Date.now().toString(36)}`,
        description: '',
        rules,
        affiliateMode: 'all',
        affiliateIds: [],
      },
    }),
  ] as const);
  await reloadAndResume(page);

  // Away from the viewport the row is the light stand-in (its box is read-only until the row
  // turns into the editor), and its box shows the text.
  await expect(valueBox(page, count)).not.toBeEditable();
  await expect(valueBox(page, count)).toHaveValue('far away');

  // Focus hands the row over to the full editor, text and all, still unconfirmed.
  await valueBox(page, count).focus();
  await expect(valueBox(page, count)).toBeEditable();
  await expect(valueBox(page, count)).toBeFocused();
  await expect(valueBox(page, count)).toHaveValue('far away');
  await expect(chip(page, count, 'far away')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(chip(page, count, 'far away')).toBeVisible();
  await expect(rule(page, count)).toHaveAccessibleDescription('Source is one of “s60”, “far away”');
});
