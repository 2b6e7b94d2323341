// The dev server (Vite + its /api proxy + the auto-signed-in BFF) against other sites: foreign
// Host names refused, cross-site calls neither read nor triggered, writes never retried.
// Runs in the `production` project, against the `chromium` project's dev server.
import { expect, test } from '@playwright/test';
import { emulators } from './support/emulators';
import { E2E_URLS } from './support/ports';

const DEV = E2E_URLS.app;
const devPort = new URL(DEV).port;
const CREATE = ['CashflowGroup', 'createCashflowGroup'] as const;
const createForm = (name: string) => ({
  Target: CREATE[0],
  Method: CREATE[1],
  name,
  description: '',
  rules_json: '[]',
  affiliate_ids_json: '[]',
});

test.beforeEach(async () => {
  await emulators.reset();
});

test('the dev server refuses a foreign Host name (DNS rebinding), pages and /api alike', async ({
  request,
}) => {
  for (const path of ['/', '/api/health', '/api/hasoffers?Target=Affiliate&Method=findList']) {
    const forged = await request.get(`${DEV}${path}`, {
      headers: { Host: `evil.example:${devPort}`, 'X-Requested-With': 'dashboard' },
    });
    expect(forged.status(), path).toBe(403);
  }
  const own = await request.get(`${DEV}/api/health`, { headers: { Host: `localhost:${devPort}` } });
  expect(own.status()).toBe(200);
  expect(await emulators.hasoffers.calls()).toEqual([]);
});

test('through the dev proxy, another site’s Origin or Sec-Fetch-Site is refused, and nothing reaches the upstream', async ({
  request,
}) => {
  const url = `${DEV}/api/hasoffers?Target=Affiliate&Method=findList`;
  const refused = [
    await request.get(url, { headers: { Origin: 'https://evil.example' } }),
    await request.get(url, { headers: { 'Sec-Fetch-Site': 'cross-site' } }),
    await request.post(`${DEV}/api/hasoffers`, {
      headers: { Origin: 'https://evil.example', 'X-Requested-With': 'dashboard' },
      form: createForm('Cross-site 1'),
    }),
    // A form or an <img> cannot add the custom header: writes need it.
    await request.post(`${DEV}/api/hasoffers`, { form: createForm('Cross-site 2') }),
    await request.fetch(`${DEV}/api/hasoffers`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-requested-with',
      },
    }),
  ];
  for (const res of refused) {
    expect(res.status()).toBe(403);
    const cors = Object.keys(res.headers()).filter((h) => h.startsWith('access-control-'));
    expect(cors).toEqual([]);
  }
  expect(await emulators.hasoffers.calls()).toEqual([]);
  // The same call from the dashboard's own page goes through (auto-signed-in dev mode).
  const own = await request.get(url, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
  expect(own.status()).toBe(200);
});

test('a real page on another site can neither read /api nor create through it', async ({
  page,
}) => {
  // The attacker's page, on another origin ('localhost' is another site than '127.0.0.1').
  const evil = `http://localhost:${devPort}/evil-page`;
  await page.route(evil, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Evil</title>
        <form id="f" method="post" action="${DEV}/api/hasoffers">
          ${Object.entries(createForm('Made by another site'))
            .map(([k, v]) => `<input type="hidden" name="${k}" value='${v}'>`)
            .join('')}
        </form>`,
    }),
  );
  await page.goto(evil);
  const read = await page.evaluate(async (api) => {
    try {
      const res = await fetch(`${api}/api/hasoffers?Target=Affiliate&Method=findList`, {
        credentials: 'include',
      });
      return `read ${res.status}: ${await res.text()}`;
    } catch (e) {
      return `blocked: ${String(e)}`;
    }
  }, DEV);
  expect(read).toMatch(/^blocked/);

  // A cross-site form POST (the classic CSRF): the answer is the BFF's refusal.
  await Promise.all([
    page.waitForURL(`${DEV}/api/hasoffers`),
    page.locator('#f').evaluate((f) => (f as HTMLFormElement).submit()),
  ]);
  await expect(page.locator('body')).toContainText('"code":"Forbidden"');
  expect(await emulators.hasoffers.callsTo(...CREATE)).toEqual([]);
});

for (const fault of ['http500', 'reset-connection', 'reset-after-success'] as const) {
  test(`the dev proxy does not retry a failed write (${fault}): one create reaches the upstream`, async ({
    request,
  }) => {
    await emulators.hasoffers.fault({ match: { target: CREATE[0], hoMethod: CREATE[1] }, fault });
    const res = await request.post(`${DEV}/api/hasoffers`, {
      headers: { 'X-Requested-With': 'dashboard' },
      form: createForm(`Proxy ${fault} ${Date.now().toString(36)}`),
    });
    expect(res.status()).toBe(502);
    expect(await emulators.hasoffers.callsTo(...CREATE)).toHaveLength(1);
  });
}
