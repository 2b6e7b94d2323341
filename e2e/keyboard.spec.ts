// The whole wizard with the keyboard alone: only page.keyboard (Tab, Shift+Tab, Enter, Space,
// arrows, typing) — no click, no fill. Locators only *check* where focus is. Each focused control
// must show a visible focus indicator, and focus must land somewhere sensible after add, remove
// and a step change.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { emulators } from './support/emulators';

const WIZARD = '/cashflow-groups/new';
const CREATE = ['CashflowGroup', 'createCashflowGroup'] as const;

test.beforeEach(async ({ page }) => {
  await emulators.reset();
  page.on('dialog', (dialog) => void dialog.accept());
});

const rule = (page: Page, n: number) => page.getByRole('group', { name: `Rule ${n}`, exact: true });

/** Role and name of the focused element, for failure messages. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    const label =
      el.getAttribute('aria-label') ??
      (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim() ??
      '';
    const text = (el.textContent ?? '').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()} role=${el.getAttribute('role') ?? ''} label="${label}" text="${text}">`;
  });
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/**
 * Whether the focused element shows where focus is: an outline or shadow of its own, MUI's
 * keyboard-focus class (ripple/shadow), or a focused input frame.
 */
async function hasVisibleFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return false;
    const visible = (e: Element) => {
      const s = getComputedStyle(e);
      return (
        (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
        (s.boxShadow !== 'none' && s.boxShadow !== '')
      );
    };
    if (visible(el)) return true;
    if (el.closest('.Mui-focusVisible')) return true;
    const frame = el.closest('.MuiInputBase-root');
    if (frame?.classList.contains('Mui-focused')) return true;
    // A focused heading (after a step change) is not a control: it needs no indicator.
    return /^H[1-6]$/.test(el.tagName) && el.tabIndex === -1;
  });
}

/** Presses `key` until `target` has focus (at most `max` presses); checks the focus is visible. */
async function pressUntil(page: Page, target: Locator, key = 'Tab', max = 40): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i <= max; i += 1) {
    if (await isFocused(target)) {
      const where = await describeFocus(page);
      expect(await hasVisibleFocus(page), `no visible focus on ${where}`).toBe(true);
      return;
    }
    await page.keyboard.press(key);
    const where = await describeFocus(page);
    path.push(where);
    expect(await hasVisibleFocus(page), `no visible focus on ${where}`).toBe(true);
  }
  throw new Error(`${key} never reached ${target.toString()}; went through:\n${path.join('\n')}`);
}

/** Opens the focused listbox control and arrows down to the option named `name`, then Enter. */
async function chooseOption(page: Page, name: RegExp): Promise<void> {
  await page.keyboard.press('ArrowDown');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  await pressUntil(page, listbox.getByRole('option', { name }), 'ArrowDown', 60);
  await page.keyboard.press('Enter');
  await expect(listbox).toBeHidden();
}

test('the wizard can be completed with the keyboard alone', async ({ page }) => {
  const name = `E2E keyboard ${Date.now().toString(36)}`;
  await page.goto(WIZARD);
  await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();

  // ---- Details: the name, then Next.
  const nameBox = page.getByRole('textbox', { name: 'Name' });
  await pressUntil(page, nameBox);
  await page.keyboard.type(name);
  await expect(page.getByText('Available', { exact: true })).toBeVisible();
  await pressUntil(page, page.getByRole('button', { name: 'Next', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
  // A step change moves focus to the new step's heading, not back to the top of the page.
  await expect(page.getByRole('heading', { level: 2, name: 'Rules' })).toBeFocused();

  // ---- Rule 1: a country, chosen by typing and arrowing in the value list.
  await pressUntil(page, page.getByRole('button', { name: 'Add rule' }));
  await page.keyboard.press('Enter');
  await expect(rule(page, 1)).toBeVisible();
  // Adding a rule puts focus in the new rule.
  await expect(rule(page, 1).getByRole('combobox', { name: 'Field' })).toBeFocused();
  const value1 = rule(page, 1).getByRole('combobox', { name: 'Value' });
  await pressUntil(page, value1);
  await page.keyboard.type('Germany');
  await expect(page.getByRole('option', { name: /\(DE\)$/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(rule(page, 1)).toHaveAccessibleDescription(/^Country is one of .*\(DE\)$/);

  // ---- Rule 2: an aff_sub, its field chosen with the arrows, values typed.
  await pressUntil(page, page.getByRole('button', { name: 'Add rule' }));
  await page.keyboard.press('Enter');
  const field2 = rule(page, 2).getByRole('combobox', { name: 'Field' });
  await expect(field2).toBeFocused();
  await chooseOption(page, /^Affiliate sub 1/);
  // Focus comes back to the select once its list closes.
  await expect(field2).toBeFocused();
  const value2 = rule(page, 2).getByRole('textbox', { name: 'Value' });
  await pressUntil(page, value2);
  await page.keyboard.type('newsletter');
  await page.keyboard.press('Enter');
  await expect(rule(page, 2)).toHaveAccessibleDescription('Affiliate sub 1 is one of “newsletter”');

  // ---- A third rule, added and removed again: focus stays in the list.
  await pressUntil(page, page.getByRole('button', { name: 'Add rule' }));
  await page.keyboard.press('Enter');
  await expect(rule(page, 3)).toBeVisible();
  await expect(rule(page, 3).getByRole('combobox', { name: 'Field' })).toBeFocused();
  await pressUntil(page, page.getByRole('button', { name: 'Remove rule 3' }));
  await page.keyboard.press('Enter');
  await expect(rule(page, 3)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove rule 2' })).toBeFocused();

  // ---- Affiliates: "Selected affiliates" by arrow key, a search, one result by Space.
  await pressUntil(page, page.getByRole('button', { name: 'Next', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Affiliates' })).toBeFocused();
  await pressUntil(page, page.getByRole('radio', { name: 'All affiliates' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Selected affiliates' })).toBeChecked();
  await pressUntil(page, page.getByRole('textbox', { name: 'Search affiliates' }));
  await page.keyboard.type('Acme');
  await expect(page.getByText(/affiliates? match “Acme”/)).toBeVisible();
  // Shift+Tab walks back to the radio group, which keeps its choice.
  const selected = page.getByRole('radio', { name: 'Selected affiliates' });
  await pressUntil(page, selected, 'Shift+Tab');
  await expect(selected).toBeChecked();
  const firstResult = page.getByRole('main').getByRole('checkbox').first();
  await pressUntil(page, firstResult);
  await page.keyboard.press('Space');
  await expect(firstResult).toBeChecked();
  const label = (await firstResult.locator('xpath=ancestor::label').innerText()).trim();
  const pickedId = /#(\d+)/.exec(label)?.[1];
  expect(pickedId).toBeTruthy();
  await expect(
    page.getByRole('list', { name: 'Chosen affiliates' }).getByRole('listitem'),
  ).toHaveCount(1);

  // ---- Review, then create.
  await pressUntil(page, page.getByRole('button', { name: 'Next', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeFocused();
  await pressUntil(page, page.getByRole('button', { name: 'Create group' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cashflow group created' })).toBeVisible();

  // The emulator received exactly that create.
  const calls = await emulators.hasoffers.paramsOf(...CREATE);
  expect(calls).toHaveLength(1);
  expect(calls[0]?.name).toBe(name);
  expect(calls[0]?.rules_json).toBe(
    '[{"field":"country","operator":"IN","value":["DE"],"negate":0},' +
      '{"field":"aff_sub1","operator":"IN","value":["newsletter"],"negate":0}]',
  );
  expect(calls[0]?.affiliate_ids_json).toBe(JSON.stringify([pickedId]));
});
