// Runs axe on the current page state and fails on any WCAG 2.0/2.1 A/AA violation, whatever its
// impact (minor and moderate included): the list names each rule, its impact and where.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Waits for the page's finite animations and transitions (a menu fading in) to end: mid-fade,
 * text is partly transparent and axe reports a contrast that no one sees once it has settled.
 * Endless ones (a progress bar) are left running.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

export async function expectNoA11yViolations(page: Page, label = page.url()): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** The older name, kept for the existing specs: now as strict as expectNoA11yViolations. */
export const expectNoSeriousA11yViolations = expectNoA11yViolations;
