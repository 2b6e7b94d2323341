// Issue 26, "A day of use": what only a real browser shows — page widths on a 390-px phone,
// the action bar inside the view, the rebate list's columns at 1280 px, and where a save lands.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { emulators } from './support/emulators';

test.beforeEach(async () => {
  await emulators.reset();
});

/** The page's own width: anything wider scrolls sideways on the phone. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Whether the whole element is inside the window (not below it, not beside it). */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  if (!box || !size) return false;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height
  );
}

test.describe('a 390-px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the lists, a group and its edit page fit the width', async ({ page }) => {
    for (const [path, heading] of [
      ['/rebate-groups', 'Rebate groups'],
      ['/cashflow-groups', 'Cashflow groups'],
      ['/cashflow-groups/1', 'Tier-1 countries'],
      ['/cashflow-groups/1/edit', 'Edit “Tier-1 countries”'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      expect(await pageWidth(page), path).toBeLessThanOrEqual(390);
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
    }
    for (const step of ['Rules', 'Affiliates', 'Review']) {
      await page.getByRole('tab', { name: new RegExp(`^${step}`) }).click();
      await expect(page.getByRole('heading', { level: 2, name: step })).toBeVisible();
      expect(await pageWidth(page), `edit, ${step}`).toBeLessThanOrEqual(390);
      const main = step === 'Review' ? 'Save changes' : 'Next';
      expect(await inViewport(page.getByRole('button', { name: main })), step).toBe(true);
    }
  });

  test('the cashflow list and Activity pagers keep the next-page button in view', async ({
    page,
  }) => {
    for (const [path, heading] of [
      ['/cashflow-groups?limit=10', 'Cashflow groups'],
      ['/activity', 'Activity'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      const next = page.getByRole('button', { name: 'Go to next page' });
      await next.scrollIntoViewIfNeeded();
      // The pager's row is wider than the phone: its buttons wrap rather than go out of view.
      await expect(next, path).toBeInViewport({ ratio: 1 });
    }
  });

  test('every step of a new group fits, with Back and Next in view', async ({ page }) => {
    await page.goto('/cashflow-groups/new');
    await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
    expect(await pageWidth(page), 'Details').toBeLessThanOrEqual(390);
    await page.getByRole('textbox', { name: 'Name' }).fill('Phone group');
    await expect(page.getByText('Available')).toBeVisible();
    for (const step of ['Rules', 'Affiliates', 'Review']) {
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByRole('heading', { level: 2, name: step })).toBeVisible();
      expect(await pageWidth(page), step).toBeLessThanOrEqual(390);
      const main = step === 'Review' ? 'Create group' : 'Next';
      expect(await inViewport(page.getByRole('button', { name: main })), step).toBe(true);
      expect(await inViewport(page.getByRole('button', { name: 'Back' })), step).toBe(true);
    }
  });
});

test.describe('a 1280×800 laptop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the rebate list shows its default columns, Created included, without scrolling sideways', async ({
    page,
  }) => {
    await page.goto('/rebate-groups');
    const table = page.getByRole('table', { name: 'Rebate groups' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    const created = table.getByRole('columnheader', { name: /Created/ });
    await expect(created).toBeVisible();
    const fits = await table.evaluate((el) => {
      const scroller = el.parentElement as HTMLElement;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
    });
    expect(fits.scroll).toBeLessThanOrEqual(fits.client);
    const view = await table.evaluate(
      (el) => (el.parentElement as HTMLElement).getBoundingClientRect().right,
    );
    const header = await created.boundingBox();
    expect(header).not.toBeNull();
    expect((header?.x ?? 0) + (header?.width ?? 0)).toBeLessThanOrEqual(view);
  });
});

test.describe('a 600-character rule value', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('wraps inside its rule card on the group page, in the builder and on Review', async ({
    page,
  }) => {
    await page.goto('/cashflow-groups');
    await expect(page.getByRole('heading', { level: 1, name: 'Cashflow groups' })).toBeVisible();
    // Made through the dashboard's own API path, as the wizard would send it.
    const id = await page.evaluate(async () => {
      const body = new URLSearchParams({
        Target: 'CashflowGroup',
        Method: 'createCashflowGroup',
        name: 'Long value',
        description: '',
        rules_json: JSON.stringify([
          { field: 'aff_sub1', operator: 'IN', value: ['v'.repeat(600)], negate: 0 },
        ]),
        affiliate_ids_json: '[]',
      });
      const res = await fetch('/api/hasoffers', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': crypto.randomUUID(), 'X-Requested-With': 'dashboard' },
      });
      const json = (await res.json()) as { response: { data: unknown } };
      return String(json.response.data);
    });
    expect(id).toMatch(/^\d+$/);

    /** The text of the rule's sentence does not run past its own box. */
    const fits = async (where: string) => {
      const sentence = page.getByText(/^Affiliate sub 1 is one of “v+”$/).first();
      await expect(sentence, where).toBeVisible();
      const over = await sentence.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(over, where).toBeLessThanOrEqual(0);
      expect(await pageWidth(page), where).toBeLessThanOrEqual(1280);
    };
    await page.goto(`/cashflow-groups/${id}`);
    await fits('group page');
    const card = page.getByRole('group', { name: 'Rule 1', exact: true });
    const chip = card.getByText(/^“v+”$/);
    const [cardBox, chipBox] = [await card.boundingBox(), await chip.boundingBox()];
    expect((chipBox?.x ?? 0) + (chipBox?.width ?? 0)).toBeLessThanOrEqual(
      (cardBox?.x ?? 0) + (cardBox?.width ?? 0),
    );
    await page.goto(`/cashflow-groups/${id}/edit?step=rules`);
    await fits('builder');
    await page.getByRole('tab', { name: /^Review/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
    expect(await pageWidth(page), 'review').toBeLessThanOrEqual(1280);
  });
});
