// Production mode (project `production`): the built app served by server/main.ts with canary
// credentials. Sign-in is required, no canary leaks anywhere, the CSP holds with zero violations.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { createControlClient } from '../mock-api/shared/control-client';
import { CANARIES, DASHBOARD_USER, PROD_LOG_FILE, PROD_URLS } from './support/prod-config';
import { expectNoA11yViolations } from './support/axe';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const exness = createControlClient(PROD_URLS.exness);
const hasoffers = createControlClient(PROD_URLS.hasoffers);

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Every spelling a canary could take on its way out: as is, URL-encoded, base64. */
function spellings(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      b64.replace(/=+$/, ''),
      Buffer.from(secret).toString('base64url'),
    ]),
  ];
}

/** Where each canary (any spelling, any case) shows up among the named texts. */
function findCanaries(texts: { where: string; text: string }[], canaries: readonly string[]) {
  const hits: string[] = [];
  for (const canary of canaries) {
    for (const spelling of spellings(canary)) {
      for (const { where, text } of texts) {
        if (text.toLowerCase().includes(spelling.toLowerCase())) hits.push(`${canary} in ${where}`);
      }
    }
  }
  return hits;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'User name' }).fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The CSP violations the page saw (collected by an init script, before any page script). */
async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  // The wizard asks before leaving with unsaved work: the tests mean to leave.
  page.on('dialog', (dialog) => void dialog.accept());
});

test.afterEach(async ({ page }) => {
  // Every page this project opened, not only the full walk: no CSP violation anywhere.
  if (page.url().startsWith('http')) expect(await cspViolations(page)).toEqual([]);
});

test('the build holds no inline script and no canary (source maps included)', async () => {
  const files = await filesUnder(DIST);
  expect(files.some((f) => f.endsWith('.map'))).toBe(true);
  const texts = await Promise.all(
    files.map(async (f) => ({ where: f, text: await readFile(f, 'utf8') })),
  );
  expect(findCanaries(texts, Object.values(CANARIES))).toEqual([]);

  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc="\/assets\//);
    expect(body?.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  // The query devtools are dev-only: not in the code (the maps quote the source that says so).
  const code = texts.filter((t) => !t.where.endsWith('.map'));
  expect(code.filter((t) => /ReactQueryDevtools|tsqd-/.test(t.text)).map((t) => t.where)).toEqual(
    [],
  );
});

test('production answers carry the CSP and security headers; /api answers are not stored', async ({
  request,
}) => {
  for (const path of ['/', '/sign-in', '/rebate-groups', '/api/health', '/api/session']) {
    const res = await request.get(path);
    expect(res.ok(), path).toBe(true);
    const headers = res.headers();
    expect(headers['content-security-policy'], path).toBe(EXPECTED_CSP);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('same-origin');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(Object.keys(headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    if (path.startsWith('/api/')) expect(headers['cache-control'], path).toBe('no-store');
  }
});

test('without a session every /api call is 401 and the upstreams never see it', async ({
  request,
}) => {
  await Promise.all([exness.clearCalls(), hasoffers.clearCalls()]);
  const headers = { 'X-Requested-With': 'dashboard' };
  const answers = [
    await request.post('/api/exness/api/v2/autorebates/groups/', { data: { limit: 5 }, headers }),
    await request.get('/api/hasoffers?Target=Affiliate&Method=findAll&limit=5', { headers }),
    await request.post('/api/hasoffers', {
      headers: { ...headers, 'Idempotency-Key': 'no-session-1' },
      form: {
        Target: 'CashflowGroup',
        Method: 'createCashflowGroup',
        name: 'Never',
        rules_json: '[]',
        affiliate_ids_json: '[]',
      },
    }),
    await request.get('/api/anything', { headers }),
  ];
  for (const res of answers) {
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'Unauthorized' });
  }
  expect(await exness.calls()).toEqual([]);
  expect(await hasoffers.calls()).toEqual([]);
});

test('repeated wrong passwords: the same message for every miss, then a wait', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoA11yViolations(page, 'sign-in');
  // An unknown name: the real user is not locked out for the other tests.
  const attempt = async (i: number): Promise<number> => {
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/api/session') && r.request().method() === 'POST',
    );
    await signIn(page, 'nobody-here', `wrong ${i}`);
    return (await answer).status();
  };
  for (let i = 0; i < 3; i++) {
    expect(await attempt(i)).toBe(401);
    await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
    if (i === 0) await expectNoA11yViolations(page, 'sign-in: refused');
  }
  // From the fourth miss on, each miss starts a wait that doubles (1 s, 2 s, 4 s, …). On a slow
  // machine an attempt can arrive after a short wait has ended, so keep missing until refused.
  const later: number[] = [];
  for (let i = 3; i < 10 && !later.includes(429); i++) later.push(await attempt(i));
  expect(later.at(-1)).toBe(429);
  expect(later.slice(0, -1).every((status) => status === 401)).toBe(true);
  await expect(page.getByRole('alert')).toHaveText(
    /^Too many failed sign-ins\. Wait \d+ s, then try again\.$/,
  );
});

test('a signed-in page load is told who is signed in by the page itself, with no round trip to /api/session first', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await signIn(page, DASHBOARD_USER, CANARIES.dashboardPassword);
  await expect(page.getByText(`Signed in as ${DASHBOARD_USER}`)).toBeVisible();
  const asked: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/session') asked.push(req.method());
  });

  await page.goto('/cashflow-groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Cashflow groups' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${DASHBOARD_USER}`)).toBeVisible();
  expect(asked).toEqual([]);

  // Signed out, the same address gets the plain page: the app asks, and shows the sign-in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/cashflow-groups');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fcashflow-groups$/);
  expect(asked).toContain('GET');
});

test('the whole flow with canary credentials: signed in, lists, creates; no canary in any request, answer, cookie, storage or log line; no CSP violation', async ({
  page,
  context,
}) => {
  const traffic: { where: string; text: string }[] = [];
  const signInBodies: string[] = [];
  const cspConsole: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('console', (msg) => {
    if (/content security policy/i.test(msg.text())) cspConsole.push(msg.text());
  });
  page.on('request', (req) => {
    pending.push(
      (async () => {
        const url = new URL(req.url());
        const body = req.postData() ?? '';
        const where = `request ${req.method()} ${url.pathname}`;
        traffic.push({
          where: `${where} (url, headers)`,
          text: `${req.url()}\n${JSON.stringify(await req.allHeaders())}`,
        });
        // The sign-in form's POST must carry the typed password; it is looked at separately.
        if (url.pathname === '/api/session' && req.method() === 'POST') signInBodies.push(body);
        else traffic.push({ where: `${where} (body)`, text: body });
      })(),
    );
  });
  page.on('response', (res) => {
    pending.push(
      (async () => {
        const where = `response ${res.status()} ${new URL(res.url()).pathname}`;
        const headers = JSON.stringify(await res.allHeaders());
        const body = await res.text().catch(() => '');
        traffic.push({ where, text: `${headers}\n${body}` });
      })(),
    );
  });

  // A protected page leads to sign-in, which leads back.
  await page.goto('/rebate-groups');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Frebate-groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await signIn(page, DASHBOARD_USER, 'not the password');
  await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
  await signIn(page, DASHBOARD_USER, CANARIES.dashboardPassword);
  await expect(page).toHaveURL(/\/rebate-groups$/);
  await expect(page.getByText(`Signed in as ${DASHBOARD_USER}`)).toBeVisible();

  // The rebate groups list: first page, then the next one.
  const table = page.getByRole('table', { name: 'Rebate groups' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page).toHaveURL(/[?&]/);
  await expect(table.getByRole('row').nth(1)).toBeVisible();

  // A cashflow group through the wizard.
  const name = `E2E security ${Date.now().toString(36)}`;
  await page.goto('/cashflow-groups/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New cashflow group' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  const next = page.getByRole('button', { name: 'Next', exact: true });
  await next.click();
  // No rules: the group matches everything (the rule builder has its own specs).
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
  await next.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Affiliates' })).toBeVisible();
  await next.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name: 'Cashflow group created' })).toBeVisible();
  await page.goto('/cashflow-groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Cashflow groups' })).toBeVisible();

  // The canaries were really in use: the emulators received them.
  const logins = (await exness.calls()).filter((c) => c.path === '/api/v2/auth/');
  expect(logins.some((c) => JSON.stringify(c.body).includes(CANARIES.exnessLogin))).toBe(true);
  const creates = (await hasoffers.calls()).filter((c) => c.hoMethod === 'createCashflowGroup');
  expect(creates).toHaveLength(1);
  expect(JSON.stringify(creates[0]?.params)).toContain(CANARIES.hasOffersNetworkToken);

  // What the browser holds.
  const storage = await page.evaluate(async () => {
    const dump = (s: Storage) => JSON.stringify(Object.entries(s));
    const idb: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name as string);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        idb.push(`${info.name}/${store}: ${JSON.stringify(all)}`);
      }
      db.close();
    }
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      idb: idb.join('\n'),
      html: document.documentElement.outerHTML,
    };
  });
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'dashboard-session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

  // Sign out from the app bar: the session is gone for the server too.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fcashflow-groups&reason=signed-out$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  const after = await page.request.get('/api/hasoffers?Target=Affiliate&Method=findList', {
    headers: { 'X-Requested-With': 'dashboard' },
  });
  expect(after.status()).toBe(401);

  await Promise.all(pending);
  // Everything the BFF wrote, up to a marker request it has logged.
  const marker = `log-marker-${Date.now()}`;
  await page.request.get(`/api/health?${marker}`);
  let log = '';
  await expect(async () => {
    log = await readFile(PROD_LOG_FILE, 'utf8');
    expect(log).toContain(marker);
  }).toPass();
  expect(log).toContain('signed in');

  const everything = [
    ...traffic,
    { where: 'cookies', text: JSON.stringify(cookies) },
    { where: 'localStorage', text: storage.local },
    { where: 'sessionStorage', text: storage.session },
    { where: 'IndexedDB', text: storage.idb },
    { where: 'the page', text: storage.html },
    { where: 'BFF log', text: log },
  ];
  expect(traffic.length).toBeGreaterThan(20);
  expect(findCanaries(everything, Object.values(CANARIES))).toEqual([]);
  // The typed password went to the sign-in call, and only there.
  expect(signInBodies.some((b) => b.includes(CANARIES.dashboardPassword))).toBe(true);

  expect(await cspViolations(page)).toEqual([]);
  expect(cspConsole).toEqual([]);
});
