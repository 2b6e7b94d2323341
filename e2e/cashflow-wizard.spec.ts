// The new cashflow group wizard against the HasOffers emulator: what the UI builds is exactly
// what the network receives, every failure path of the create, drafts, and accessibility.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulators } from './support/emulators';

const WIZARD = '/cashflow-groups/new';
const CREATE = ['CashflowGroup', 'createCashflowGroup'] as const;

test.beforeEach(async ({ page }) => {
  await emulators.reset();
  // Reloading with work in the wizard asks first (beforeunload): the tests mean to leave.
  page.on('dialog', (dialog) => void dialog.accept());
});

/** A name no seeded group has, distinct per test. */
function uniqueName(label: string): string {
  return `E2E ${label} ${Date.now().toString(36)}`;
}

const nextButton = (page: Page) => page.getByRole('button', { name: 'Next', exact: true });
const createButton = (page: Page) => page.getByRole('button', { name: 'Create group' });
const rule = (page: Page, n: number) => page.getByRole('group', { name: `Rule ${n}`, exact: true });

async function openWizard(page: Page) {
  await page.goto(WIZARD);
  await expect(page.getByRole('heading', { level: 1, name: 'New cashflow group' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
}

async function fillDetails(page: Page, name: string, description = '') {
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  if (description) await page.getByRole('textbox', { name: 'Description' }).fill(description);
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
  await expect(page).toHaveURL(/step=rules/);
}

// A select's menu fades out after the pick: its items, hidden from the accessibility tree but
// half-transparent, are still in the page for that moment, and axe run then reports their
// contrast (it did, in 2 to 4 of 6 runs here). Both helpers return once they are gone.
async function chooseField(page: Page, n: number, option: RegExp) {
  await rule(page, n).getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: option }).click();
  await expect(page.getByRole('option', { includeHidden: true })).toHaveCount(0);
}

async function chooseOperator(page: Page, n: number, words: string) {
  await rule(page, n).getByRole('combobox', { name: 'Operator' }).click();
  await page.getByRole('option', { name: words, exact: true }).click();
  await expect(page.getByRole('option', { includeHidden: true })).toHaveCount(0);
}

async function pickOptions(page: Page, n: number, searches: [string, RegExp][]) {
  const input = rule(page, n).getByRole('combobox', { name: 'Value' });
  for (const [typed, option] of searches) {
    await input.fill(typed);
    await page.getByRole('option', { name: option }).click();
  }
  await input.press('Escape');
}

async function typeValues(page: Page, n: number, values: string[]) {
  const input = rule(page, n).getByRole('textbox', { name: 'Value' });
  for (const v of values) {
    await input.fill(v);
    await input.press('Enter');
  }
}

async function toReview(page: Page) {
  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Affiliates' })).toBeVisible();
  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
}

/** The raw (exactly sent) text of one JSON parameter on the Review step. */
async function rawParam(page: Page, name: 'rules_json' | 'affiliate_ids_json') {
  const section = page.getByRole('region', { name, exact: true });
  await section.getByRole('tab', { name: 'Raw' }).click();
  return section.getByRole('region', { name: `${name} (raw)` }).innerText();
}

/** Creates a group behind the wizard's back, through the BFF, as another user would. */
async function createGroupElsewhere(page: Page, name: string) {
  const res = await page.request.post('/api/hasoffers', {
    headers: { 'X-Requested-With': 'dashboard' },
    form: {
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name,
      description: '',
      rules_json: '[]',
      affiliate_ids_json: '[]',
    },
  });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { response: { status: number } };
  expect(body.response.status).toBe(1);
}

/** Ids of the network's groups with this name (through the BFF). */
async function groupIdsNamed(page: Page, name: string): Promise<string[]> {
  const params = new URLSearchParams({
    Target: 'CashflowGroup',
    Method: 'findCashflowGroups',
    'filters[name]': name,
  });
  const res = await page.request.get(`/api/hasoffers?${params}`, {
    headers: { 'X-Requested-With': 'dashboard' },
  });
  const body = (await res.json()) as { response: { data: unknown } };
  const text = JSON.stringify(body.response.data);
  return [...text.matchAll(/"id":"?(\d+)"?/g)].map((m) => m[1] ?? '');
}

async function shownId(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Cashflow group created' })).toBeVisible();
  const text = await page.getByText(/has ID #\d+/).innerText();
  return /#(\d+)/.exec(text)?.[1] ?? '';
}

async function createCalls() {
  return emulators.hasoffers.paramsOf(...CREATE);
}

test('builds a group with several fields, operators, negation and chosen affiliates; sends exactly that', async ({
  page,
}) => {
  const name = uniqueName('built');
  await openWizard(page);
  await fillDetails(page, name, 'EU traffic outside DACH');

  await page.getByRole('button', { name: 'Add rule' }).click();
  await pickOptions(page, 1, [
    ['Germany', /\(DE\)$/],
    ['AT', /\(AT\)$/],
  ]);
  await rule(page, 1).getByRole('switch', { name: 'Negate' }).check();
  await expect(rule(page, 1)).toHaveAccessibleDescription(
    /^Country is not one of .*\(DE\), .*\(AT\)$/,
  );

  await page.getByRole('button', { name: 'Add rule' }).click();
  await chooseField(page, 2, /^Affiliate sub 2/);
  await chooseOperator(page, 2, 'contains');
  await typeValues(page, 2, ['facebook', 'insta']);
  await expect(rule(page, 2)).toHaveAccessibleDescription(
    'Affiliate sub 2 contains any of “facebook”, “insta”',
  );

  await page.getByRole('button', { name: 'Add rule' }).click();
  await chooseField(page, 3, /^Advanced targeting rule/);
  await pickOptions(page, 3, [['79', /\(#79\)$/]]);

  await page.getByRole('button', { name: 'Add rule' }).click();
  await chooseField(page, 4, /^Source/);
  await chooseOperator(page, 4, 'starts with');
  await typeValues(page, 4, ['google']);
  await rule(page, 4).getByRole('switch', { name: 'Negate' }).check();
  await expect(rule(page, 4)).toHaveAccessibleDescription('Source does not start with “google”');

  // Move the source rule up one, by keyboard, and back down with the button.
  await rule(page, 4).getByRole('textbox', { name: 'Value' }).press('Alt+ArrowUp');
  await expect(rule(page, 3)).toHaveAccessibleDescription('Source does not start with “google”');
  await page.getByRole('button', { name: 'Move rule 3 down' }).click();
  await expect(rule(page, 4)).toHaveAccessibleDescription('Source does not start with “google”');

  await nextButton(page).click();
  await page.getByRole('radio', { name: 'Selected affiliates' }).check();
  await page.getByRole('textbox', { name: 'Search affiliates' }).fill('Acme');
  const results = page.getByRole('main').getByRole('checkbox');
  await expect(results.first()).toBeVisible();
  await expect(page.getByText(/affiliates? match “Acme”/)).toBeVisible();
  const picked: string[] = [];
  for (const i of [0, 1]) {
    const box = results.nth(i);
    const label = (await box.locator('xpath=ancestor::label').innerText()).trim();
    picked.push(/#(\d+)/.exec(label)?.[1] ?? '');
    await box.check();
  }
  // A third one by pasting its id, twice, plus garbage: de-duplicated and reported.
  const third = /#(\d+)/.exec(
    (await results.nth(2).locator('xpath=ancestor::label').innerText()).trim(),
  )?.[1];
  expect(third).toBeTruthy();
  await page
    .getByRole('textbox', { name: 'Paste IDs' })
    .fill(`${third}, ${third}\n${picked[0]} x1`);
  await page.getByRole('button', { name: 'Add IDs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 1 ID' })).toContainText(
    'not IDs, left out: x1',
  );
  picked.push(third ?? '');
  const chosen = page.getByRole('list', { name: 'Chosen affiliates' });
  await expect(chosen.getByRole('listitem')).toHaveCount(3);

  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();

  const expectedRules =
    '[{"field":"country","operator":"IN","value":["DE","AT"],"negate":1},' +
    '{"field":"aff_sub2","operator":"CONTAINS","value":["facebook","insta"],"negate":0},' +
    '{"field":"advanced_targeting_rule","operator":"IN","value":[79],"negate":0},' +
    '{"field":"source","operator":"STARTS_WITH","value":["google"],"negate":1}]';
  const expectedAffiliates = JSON.stringify(picked);
  expect(await rawParam(page, 'rules_json')).toBe(expectedRules);
  expect(await rawParam(page, 'affiliate_ids_json')).toBe(expectedAffiliates);
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(
    'Country is not one of',
  );
  await expect(page.getByRole('region', { name: 'curl command', exact: true })).toContainText(
    '<YOUR_NETWORK_TOKEN>',
  );

  await createButton(page).click();
  const id = await shownId(page);

  const calls = await createCalls();
  expect(calls).toHaveLength(1);
  expect(calls[0]?.name).toBe(name);
  expect(calls[0]?.description).toBe('EU traffic outside DACH');
  expect(calls[0]?.rules_json).toBe(expectedRules);
  expect(calls[0]?.affiliate_ids_json).toBe(expectedAffiliates);
  expect(await groupIdsNamed(page, name)).toEqual([id]);
  await expect(page.getByRole('link', { name: 'See all cashflow groups' })).toBeVisible();
});

test('import JSON: the review shows the imported JSON and the create sends it unchanged', async ({
  page,
}) => {
  const rulesJson =
    '[{"field":"adv_sub1","operator":"ENDS_WITH","value":["_eu","_uk"],"negate":1},' +
    '{"field":"country","operator":"IS","value":["FR"],"negate":0},' +
    '{"field":"advanced_targeting_rule","operator":"IN","value":[79],"negate":0}]';
  const affiliatesJson = '[]';
  const name = uniqueName('imported');
  await openWizard(page);
  await fillDetails(page, name);

  await page.getByRole('button', { name: 'Import JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import JSON' });
  await dialog.getByRole('textbox', { name: 'rules_json' }).fill(rulesJson);
  await dialog.getByRole('textbox', { name: 'affiliate_ids_json' }).fill(affiliatesJson);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(rule(page, 3)).toBeVisible();
  await expect(rule(page, 1)).toHaveAccessibleDescription(
    'Advertiser sub 1 does not end with any of “_eu”, “_uk”',
  );

  await toReview(page);
  expect(await rawParam(page, 'rules_json')).toBe(rulesJson);
  expect(await rawParam(page, 'affiliate_ids_json')).toBe(affiliatesJson);
  await createButton(page).click();
  await shownId(page);
  const calls = await createCalls();
  expect(calls).toHaveLength(1);
  expect(calls[0]?.rules_json).toBe(rulesJson);
  expect(calls[0]?.affiliate_ids_json).toBe(affiliatesJson);
});

test('a taken name is refused by HasOffers: Details shows it on Name, nothing typed is lost', async ({
  page,
}) => {
  const name = uniqueName('taken');
  await openWizard(page);
  await fillDetails(page, name);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await chooseField(page, 1, /^Source/);
  await typeValues(page, 1, ['newsletter']);
  await toReview(page);

  // Someone else takes the name meanwhile.
  await createGroupElsewhere(page, name);
  await createButton(page).click();

  await expect(page).toHaveURL(/step=details/);
  const nameField = page.getByRole('textbox', { name: 'Name' });
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription(new RegExp(`named '${name}' already exists`));
  await expect(page.getByRole('tab', { name: /Details.*Needs attention/ })).toBeVisible();
  await expect(nameField).toHaveValue(name);

  // The rules are still there.
  await page.getByRole('tab', { name: /^Rules/ }).click();
  await expect(rule(page, 1)).toHaveAccessibleDescription('Source is one of “newsletter”');

  // A new name clears the error and the create goes through.
  await page.getByRole('tab', { name: /^Details/ }).click();
  await nameField.fill(`${name} 2`);
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
  await toReview(page);
  await createButton(page).click();
  await shownId(page);
});

test('a rules validation error from HasOffers lands on the rule it names', async ({ page }) => {
  await openWizard(page);
  await fillDetails(page, uniqueName('bad rule'));
  await page.getByRole('button', { name: 'Import JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import JSON' });
  await dialog
    .getByRole('textbox', { name: 'rules_json' })
    .fill(
      '[{"field":"country","operator":"IN","value":["DE"],"negate":0},' +
        '{"field":"advanced_targeting_rule","operator":"IN","value":[999999],"negate":0}]',
    );
  await dialog.getByRole('button', { name: 'Import' }).click();
  await toReview(page);
  await createButton(page).click();

  await expect(page).toHaveURL(/step=rules/);
  const valueInRule2 = rule(page, 2).getByRole('combobox', { name: 'Value' });
  await expect(valueInRule2).toHaveAccessibleDescription(/rules_json\[1\]\.value: .*999999/);
  await expect(page.getByRole('tab', { name: /Rules.*Needs attention/ })).toBeVisible();
  await expect(rule(page, 1)).toHaveAccessibleDescription(/^Country is one of .*\(DE\)$/);
});

test('a dropped connection: outcome unknown, check finds nothing, try again with the same key', async ({
  page,
}) => {
  const name = uniqueName('reset');
  await openWizard(page);
  await fillDetails(page, name);
  await toReview(page);
  await emulators.hasoffers.fault({
    match: { target: CREATE[0], hoMethod: CREATE[1] },
    fault: 'reset-connection',
  });
  await createButton(page).click();

  await expect(page.getByText('We do not know whether the group was created')).toBeVisible();
  // Creating again is not offered until the check has said it is safe.
  await expect(createButton(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Check whether it was created' }).click();
  await expect(page.getByText('The group was not created')).toBeVisible();
  await page.getByRole('button', { name: 'Try again' }).click();
  const id = await shownId(page);

  const calls = await emulators.hasoffers.callsTo(...CREATE);
  expect(calls).toHaveLength(2);
  // The retry is the same attempt: same Idempotency-Key, when the BFF passes it on.
  const keys = calls.map((c) => c.headers['idempotency-key']);
  if (keys[0] !== undefined) expect(keys[1]).toBe(keys[0]);
  expect(await groupIdsNamed(page, name)).toEqual([id]);
});

test('the connection drops after HasOffers created it: the check finds the group', async ({
  page,
}) => {
  const name = uniqueName('after success');
  await openWizard(page);
  await fillDetails(page, name);
  await toReview(page);
  await emulators.hasoffers.fault({
    match: { target: CREATE[0], hoMethod: CREATE[1] },
    fault: 'reset-after-success',
  });
  await createButton(page).click();
  await expect(page.getByText('We do not know whether the group was created')).toBeVisible();
  await page.getByRole('button', { name: 'Check whether it was created' }).click();
  const id = await shownId(page);
  expect(await createCalls()).toHaveLength(1);
  expect(await groupIdsNamed(page, name)).toEqual([id]);
});

test('a double click, or Enter pressed again and again, sends one create', async ({ page }) => {
  await emulators.hasoffers.fault({
    match: { target: CREATE[0], hoMethod: CREATE[1] },
    fault: 'delay',
    delayMs: 1500,
    count: 5,
  });
  await openWizard(page);
  await fillDetails(page, uniqueName('double'));
  await toReview(page);
  await createButton(page).dblclick();
  await shownId(page);
  expect(await createCalls()).toHaveLength(1);

  await page.getByRole('button', { name: 'Create another' }).click();
  await fillDetails(page, uniqueName('enter'));
  await toReview(page);
  await createButton(page).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await shownId(page);
  expect(await createCalls()).toHaveLength(2);
});

test('the draft survives a reload and is offered back', async ({ page }) => {
  const name = uniqueName('draft');
  await openWizard(page);
  await fillDetails(page, name);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await pickOptions(page, 1, [['Spain', /\(ES\)$/]]);
  await expect(page.getByText(/Draft saved on this device/)).toBeVisible();
  // Let the debounced save of the last change land.
  await expect(async () => {
    const raw = await page.evaluate(() => Object.values(localStorage).join(''));
    expect(raw).toContain('"ES"');
  }).toPass();

  await page.reload();
  const dialog = page.getByRole('dialog', { name: 'Resume your draft?' });
  await expect(dialog).toContainText(name);
  await dialog.getByRole('button', { name: 'Resume draft' }).click();
  await expect(page).toHaveURL(/step=rules/);
  await expect(rule(page, 1)).toHaveAccessibleDescription(/^Country is one of .*\(ES\)$/);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(name);

  // Discarding starts afresh, and the draft is gone for good.
  await page.reload();
  await page
    .getByRole('dialog', { name: 'Resume your draft?' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the browser’s Back with work in the wizard asks first: Stay keeps the place, Leave goes back', async ({
  page,
}) => {
  await page.goto('/rebate-groups');
  await expect(page.getByRole('heading', { level: 1, name: 'Rebate groups' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'New cashflow group' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Typed before Back');

  // The browser has already moved when the app hears of it: the app moves forward again and asks.
  await page.goBack();
  const dialog = page.getByRole('dialog', { name: 'Leave the new group?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/cashflow-groups\/new/);
  await expect(name).toHaveValue('Typed before Back');

  // Asked again, and this time left: the list, one entry back.
  await page.goBack();
  await dialog.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(page).toHaveURL(/\/rebate-groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rebate groups' })).toBeVisible();
});

/** Opens the wizard on a resumed draft of `count` rules (the wizard's own storage format). */
async function resumeLongDraft(page: Page, count: number) {
  const rules = Array.from({ length: count }, (_, i) => ({
    field: 'source',
    operator: 'IN',
    values: [`s${i + 1}`],
    negate: false,
  }));
  await openWizard(page);
  await page.evaluate(
    (draft) => localStorage.setItem('partner-dashboard:cashflow-group-draft', draft),
    JSON.stringify({
      version: 1,
      savedAt: new Date().toISOString(),
      step: 1,
      form: {
        name: uniqueName('long'),
        description: '',
        rules,
        affiliateMode: 'all',
        affiliateIds: [],
      },
    }),
  );
  await page.reload();
  await page
    .getByRole('dialog', { name: 'Resume your draft?' })
    .getByRole('button', { name: 'Resume draft' })
    .click();
}

test('a long rule list: far rows are light stand-ins that turn into the editor near the viewport or on focus', async ({
  page,
}) => {
  await resumeLongDraft(page, 60);
  // A light row is plain markup (no MUI input); the full one has the MUI text field.
  const full = (n: number) => rule(page, n).locator('.MuiInputBase-root');
  await expect(full(1).first()).toBeVisible();
  await expect(rule(page, 60)).toHaveAccessibleDescription('Source is one of “s60”');
  await expect(full(60)).toHaveCount(0);

  // Scrolled near, the real IntersectionObserver turns it into the editor.
  await rule(page, 60).scrollIntoViewIfNeeded();
  await expect(full(60).first()).toBeVisible();
  // And the first rows, a screen and more away now, go back to light.
  await expect(full(1)).toHaveCount(0);

  // Tab from the top reaches rule 1's light controls; focus stays on the same control as the
  // row turns full.
  await rule(page, 1).getByRole('button', { name: 'Remove rule 1' }).focus();
  await expect(full(1).first()).toBeVisible();
  await expect(rule(page, 1).getByRole('button', { name: 'Remove rule 1' })).toBeFocused();
});

test('a long rule list is laid out in blocks; a rule moved across a block’s edge keeps focus and what was being typed', async ({
  page,
}) => {
  await resumeLongDraft(page, 60);
  // Blocks of 40 rows, each skipped by the browser while off screen (row-blocks.ts).
  await expect(page.locator('.rb-block')).toHaveCount(2);
  await expect(
    page.locator('.rb-block').nth(1).locator('[data-rule-index]').first(),
  ).toHaveAttribute('data-rule-index', '40');
  const value = (n: number) => rule(page, n).getByRole('textbox', { name: 'Value' });

  // Rule 40 is the first block's last row: typing, then Alt+↓ takes it into the second block's
  // place. React would mount a row that changed block again, dropping focus and the typing.
  await rule(page, 40).scrollIntoViewIfNeeded();
  await value(40).click();
  await expect(value(40)).toBeFocused();
  await page.keyboard.type('half typed');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(rule(page, 41)).toHaveAccessibleDescription('Source is one of “s40”');
  await expect(value(41)).toBeFocused();
  await expect(value(41)).toHaveValue('half typed');

  // Up past the edge from the other side: the second block's first row.
  await value(41).fill('');
  const first = Number(
    await page
      .locator('.rb-block')
      .nth(1)
      .locator('[data-rule-index]')
      .first()
      .getAttribute('data-rule-index'),
  );
  const n = first + 1;
  const description = await rule(page, n).getAttribute('aria-describedby');
  const text = await page.locator(`[id="${description}"]`).textContent();
  await value(n).click();
  await page.keyboard.type('other');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rule(page, n - 1)).toHaveAccessibleDescription(text ?? '');
  await expect(value(n - 1)).toBeFocused();
  await expect(value(n - 1)).toHaveValue('other');
});

test('axe finds no serious violation on any step', async ({ page }) => {
  await openWizard(page);
  await page.getByRole('textbox', { name: 'Name' }).fill(uniqueName('axe'));
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'details');

  await nextButton(page).click();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await chooseField(page, 2, /^Affiliate sub 1/);
  await typeValues(page, 2, ['a', 'b']);
  await chooseOperator(page, 2, 'is');
  await expect(rule(page, 2)).toContainText('compares with one value');
  await expectNoSeriousA11yViolations(page, 'rules');
  await page.getByRole('button', { name: 'Remove rule 2' }).click();
  await pickOptions(page, 1, [['Italy', /\(IT\)$/]]);

  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Affiliates' })).toBeVisible();
  await page.getByRole('radio', { name: 'Selected affiliates' }).check();
  const results = page.getByRole('main').getByRole('checkbox');
  await results.first().check();
  await expect(page.getByRole('list', { name: 'Chosen affiliates' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'affiliates');

  await nextButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'review');

  await createButton(page).click();
  await shownId(page);
  await expectNoSeriousA11yViolations(page, 'created');
});

test('a step whose code cannot be fetched says so, keeps what was typed, and loads on Try again', async ({
  page,
}) => {
  // The rule builder's code comes apart from the wizard's (fetched when the page is idle):
  // refuse it, as a dropped connection or a removed deploy would.
  const stepCode = /\/rules-step(\.tsx|-[\w-]+\.js)(\?|$)/;
  await page.route(stepCode, (route) => route.abort('internetdisconnected'));
  await openWizard(page);
  const name = uniqueName('step code');
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  await nextButton(page).click();

  const alert = page.getByRole('alert').filter({ hasText: 'This step could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Check your connection, then try again');
  await expectNoSeriousA11yViolations(page, 'step code failed');

  // What was typed is still there.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
  await nextButton(page).click();
  await expect(alert).toBeVisible();

  await page.unroute(stepCode);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add rule' })).toBeVisible();
});
