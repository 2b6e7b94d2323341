// Cross-checks the bytes figures in the browser: the JavaScript and CSS files a real load of
// /rebate-groups fetches before its rows show, and what opening the wizard from there adds. A
// file fetched in some runs only is reported apart with its count: the wizard fetches its later
// steps when the page is idle, which may come before or after the network first goes quiet.
import type { Browser } from '@playwright/test';
import { URLS } from './lib/stack';

export interface LoadCheck {
  runs: number;
  /** Asset paths fetched in every run until the first table row showed and the network was idle. */
  rebateGroups: string[];
  /** Asset paths fetched in every run when the wizard was then opened from the navigation. */
  wizardOnOpen: string[];
  /** Asset paths fetched in some runs only, with the number of runs that fetched each. */
  sometimes: { rebateGroups: Record<string, number>; wizardOnOpen: Record<string, number> };
}

/** What every run fetched, and how many runs fetched each of the others. */
export function splitByRuns(runs: readonly (readonly string[])[]): {
  always: string[];
  sometimes: Record<string, number>;
} {
  const counts = new Map<string, number>();
  for (const run of runs) for (const f of new Set(run)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const always = [...counts].filter(([, n]) => n === runs.length).map(([f]) => f);
  const sometimes = Object.fromEntries([...counts].filter(([, n]) => n < runs.length).sort());
  return { always: always.sort(), sometimes };
}

export async function runLoadCheck(
  browser: Browser,
  cookie: { name: string; value: string },
  runs: number,
): Promise<LoadCheck> {
  const seen: { rebate: string[]; wizard: string[] }[] = [];
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
      seen.push({ rebate: [...rebate], wizard: [...wizard].filter((f) => !rebate.has(f)) });
    } finally {
      await context.close();
    }
  }
  const rebateGroups = splitByRuns(seen.map((s) => s.rebate));
  const wizardOnOpen = splitByRuns(seen.map((s) => s.wizard));
  return {
    runs,
    rebateGroups: rebateGroups.always,
    wizardOnOpen: wizardOnOpen.always,
    sometimes: { rebateGroups: rebateGroups.sometimes, wizardOnOpen: wizardOnOpen.sometimes },
  };
}
