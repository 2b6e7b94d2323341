// The affiliate page (which cashflow groups name an affiliate) and one bulk add, against the
// HasOffers emulator through the real chain. Imports nothing from src/.
import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { emulators } from './support/emulators';

test.beforeEach(async () => {
  await emulators.reset();
});

test('from a group to its affiliate, then add the affiliate to another group', async ({ page }) => {
  await page.goto('/cashflow-groups');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('dach');
  await page
    .getByRole('table', { name: 'Cashflow groups' })
    .getByRole('link', { name: 'DACH premium' })
    .click();
  const affiliates = page.getByRole('region', { name: /^Affiliates \(/ });
  const first = affiliates.getByRole('link').first();
  const name = (await first.textContent()) ?? '';
  await first.click();

  await expect(page).toHaveURL(/\/affiliates\/\d+$/);
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(name.trim()) }),
  ).toBeVisible();
  const named = page.getByRole('region', { name: /^Groups that name / });
  await expect(named.getByRole('link', { name: 'DACH premium' })).toBeVisible();
  await expectNoA11yViolations(page, 'affiliate page');

  // A group with chosen affiliates that does not name this one yet.
  const box = page.getByRole('group', { name: 'Groups to change' });
  const namedNames = await named.getByRole('link').allTextContents();
  const candidates = box.getByRole('checkbox');
  const count = await candidates.count();
  let chosen = '';
  for (let i = 0; i < count; i += 1) {
    const label =
      (await candidates.nth(i).getAttribute('aria-label')) ??
      (await box.locator('label').nth(i).textContent()) ??
      '';
    const groupName = label.replace(/ \(#\d+\).*$/, '');
    if (!label.includes('all affiliates') && !namedNames.includes(groupName)) {
      await box.locator('label').nth(i).click();
      chosen = groupName;
      break;
    }
  }
  expect(chosen).not.toBe('');
  await page.getByRole('button', { name: 'Review changes to 1 group' }).click();
  await expect(page.getByRole('region', { name: `Changes to ${chosen}` })).toContainText(
    '1 affiliate added',
  );
  await expectNoA11yViolations(page, 'bulk review');
  await page.getByRole('button', { name: 'Save 1 group' }).click();
  await expect(page.getByText('Done: 1 of 1 saved')).toBeVisible();
  await expect(named.getByRole('link', { name: chosen })).toBeVisible();
});
