// The shell: it loads, navigation reaches every route, the health check says the upstreams are emulated.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';

test('/ redirects to the rebate groups page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/rebate-groups/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rebate groups' })).toBeVisible();
  await expect(page.getByText('Partner Dashboard')).toBeVisible();
});

test('navigation reaches every route', async ({ page }) => {
  await page.goto('/rebate-groups');
  const nav = page.getByRole('navigation', { name: 'Main' });
  // Beside the page on a wide screen, with no menu button.
  await expect(nav).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open navigation' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Cashflow groups', exact: true }).click();
  await expect(page).toHaveURL(/\/cashflow-groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cashflow groups' })).toBeVisible();

  await nav.getByRole('link', { name: 'New cashflow group' }).click();
  await expect(page).toHaveURL(/\/cashflow-groups\/new/);
  await expect(page.getByRole('heading', { level: 1, name: 'New cashflow group' })).toBeVisible();

  await nav.getByRole('link', { name: 'Rebate groups' }).click();
  await expect(page).toHaveURL(/\/rebate-groups/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rebate groups' })).toBeVisible();
});

test('on a phone the navigation opens from the menu button, takes you there, and closes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/rebate-groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Rebate groups' })).toBeVisible();
  // Not beside the page on a narrow screen: behind the app bar's button.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const button = page.getByRole('button', { name: 'Open navigation' });
  await button.click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'navigation drawer');
  await nav.getByRole('link', { name: 'Cashflow groups', exact: true }).click();
  await expect(page).toHaveURL(/\/cashflow-groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cashflow groups' })).toBeVisible();
  await expect(nav).toBeHidden();
  // Again, and Escape closes it, with focus back on the button.
  await button.click();
  await expect(nav).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(button).toBeFocused();
  // Open, then the window made wide: the drawer closes and the column shows, without the button.
  await button.click();
  await expect(nav).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(button).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('opening any page first logs no warning or error in the console', async ({ page }) => {
  const logged: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') logged.push(`${page.url()}: ${m.text()}`);
  });
  for (const [path, heading] of [
    ['/rebate-groups', 'Rebate groups'],
    ['/cashflow-groups', 'Cashflow groups'],
    ['/cashflow-groups/new', 'New cashflow group'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  expect(logged).toEqual([]);
});

test('an unknown path shows the not-found page with a way back', async ({ page }) => {
  await page.goto('/nowhere/at-all');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Rebate groups' }).click();
  await expect(page).toHaveURL(/\/rebate-groups/);
});

test('/api/health reports both upstreams as emulated, and nothing secret', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { upstreams: Record<string, { mode: string }> };
  expect(body.upstreams.exness?.mode).toBe('emulated');
  expect(body.upstreams.hasoffers?.mode).toBe('emulated');
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/token|password|hasoffers\.com|exnessaffiliates/i);
});

for (const path of ['/rebate-groups', '/cashflow-groups', '/nowhere']) {
  test(`axe finds no serious violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test('the dark theme follows the system preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/cashflow-groups');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // A dark background: each RGB channel low.
  const channels = bg.match(/\d+/g)?.slice(0, 3).map(Number) ?? [];
  expect(channels.every((c) => c < 80)).toBe(true);
});
