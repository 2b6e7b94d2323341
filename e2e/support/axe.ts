// Runs axe on the current page state and fails on any WCAG 2.0/2.1 A/AA violation, whatever its
// impact (minor and moderate included): the list names each rule, its impact and where.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectNoA11yViolations(page: Page, label = page.url()): Promise<void> {
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
