// Cross-checks the bytes figures in the browser: the JavaScript and CSS files a real load of
// /rebate-groups fetches before its rows show, and what opening the wizard from there adds.
import type { Browser } from '@playwright/test';
import { URLS } from './lib/stack';

export interface LoadCheck {
  runs: number;
  /** Asset paths fetched until the first table row showed (same in every run, else all listed). */
  rebateGroups: string[];
  /** Asset paths fetched when the wizard was then opened from the navigation. */
  wizardOnOpen: string[];
  consistent: boolean;
}

export async function runLoadCheck(
  browser: Browser,
  cookie: { name: string; value: string },
  runs: number,
): Promise<LoadCheck> {
  const seen: { rebate: string; wizard: string }[] = [];
  let first: { rebate: string[]; wizard: string[] } | undefined;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      await context.addCookies([{ name: cookie.name, value: cookie.value, url: URLS.app }]);
      const page = await context.newPage();
      const rebate = new Set<string>();
      const wizard = new Set<string>();
      let target = rebate;
      page.on('response', (res) => {
        const path = new URL(res.url()).pathname;
        if (/\.(js|css)$/.test(path)) target.add(path.replace(/^\//, ''));
      });
      await page.goto(`${URLS.app}/rebate-groups`);
      await page
        .getByRole('table', { name: 'Rebate groups' })
        .getByRole('rowgroup')
        .nth(1)
        .getByRole('row')
        .first()
        .waitFor();
      await page.waitForLoadState('networkidle');
      target = wizard;
      await page.getByRole('link', { name: 'New cashflow group' }).click();
      await page.getByRole('heading', { name: 'New cashflow group' }).waitFor();
      await page.waitForLoadState('networkidle');
      const r = [...rebate].sort();
      const w = [...wizard].filter((f) => !rebate.has(f)).sort();
      first ??= { rebate: r, wizard: w };
      seen.push({ rebate: r.join(','), wizard: w.join(',') });
    } finally {
      await context.close();
    }
  }
  return {
    runs,
    rebateGroups: first?.rebate ?? [],
    wizardOnOpen: first?.wizard ?? [],
    consistent: seen.every((s) => s.rebate === seen[0]?.rebate && s.wizard === seen[0]?.wizard),
  };
}
