// Rule builder at scale: a draft of 50, 200 and 1,000 rules restored from localStorage (as the
// wizard stores it), then a keystroke in a value field → next paint, adding a rule → next paint,
// and opening the Review step (which builds the payload, the description and the lint).
import type { Browser, Page } from '@playwright/test';
import { installInteractionProbe, scriptOf, type EventEntry } from './lib/page-probe';
import { URLS } from './lib/stack';
import { summarize, type Summary } from './lib/stats';

export const RULE_COUNTS = [50, 200, 1000] as const;
const DRAFT_KEY = 'partner-dashboard:cashflow-group-draft';
const TYPED = 'keystrokesample'; // 15 keystrokes per run
const ADDS_PER_RUN = 3;

const FIELDS = ['country', 'source', 'aff_sub1', 'aff_sub2', 'adv_sub1', 'advanced_targeting_rule'];

/** A valid draft at the rules step (step index 1); every sixth rule of each kind. */
export function makeDraft(n: number): string {
  const rules = Array.from({ length: n }, (_, i) => {
    const field = FIELDS[i % FIELDS.length] ?? 'source';
    const values =
      field === 'country'
        ? ['DE', 'AT']
        : field === 'advanced_targeting_rule'
          ? ['79']
          : [`v${i}`, `w${i}`];
    return { field, operator: 'IN', values, negate: i % 3 === 0 };
  });
  return JSON.stringify({
    version: 1,
    savedAt: new Date().toISOString(),
    step: 1,
    form: {
      name: `Bench ${n} rules`,
      description: '',
      rules,
      affiliateMode: 'all',
      affiliateIds: [],
    },
  });
}

/** A rule near the middle whose field takes free text (source: i % 6 === 1). */
function middleTextRule(n: number): number {
  let i = Math.floor(n / 2);
  while (i % FIELDS.length !== 1) i += 1;
  return i;
}

export interface RuleBuilderSize {
  rules: number;
  runs: number;
  /** Event Timing (as INP): worst entry per keystroke interaction; < 16 ms counts as 0. */
  keystrokeEventTiming: Summary;
  /** Keystrokes with an Event Timing entry ≥ 16 ms, of all typed. */
  keystrokesOver16: number;
  keystrokes: number;
  /** Our own, finer: keydown timeStamp → the frame after the input event. */
  keystrokeFrame: Summary;
  addRuleEventTiming: Summary;
  /** Click → the frame after the new row exists. */
  addRuleFrame: Summary;
  /** Click "Next" on the Affiliates step → the frame after the Review heading exists. */
  openReview: Summary;
  /** "Resume draft" → the frame after the last rule's row exists (mount of the whole list). */
  resume: Summary;
}

async function armWait(page: Page, selector: string, text: string | null = null): Promise<void> {
  await page.evaluate(([s, t]) => window.__interactions.armWait(s ?? '', t ?? null), [
    selector,
    text,
  ] as const);
}

async function waitPainted(page: Page, timeoutMs = 120_000): Promise<number> {
  await page.waitForFunction(() => (window.__interactions.wait?.painted ?? -1) > 0, null, {
    timeout: timeoutMs,
    polling: 50,
  });
  return page.evaluate(() => {
    const w = window.__interactions.wait;
    return w && w.at !== null && w.painted !== null ? w.painted - w.at : Number.NaN;
  });
}

/** Worst Event Timing entry per interaction (interactionId > 0) among `names`. */
function perInteraction(events: EventEntry[], names: string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of events) {
    if (e.interactionId === 0 || !names.includes(e.name)) continue;
    out.set(e.interactionId, Math.max(out.get(e.interactionId) ?? 0, e.duration));
  }
  return out;
}

async function idle(page: Page, ms: number): Promise<void> {
  await page.waitForTimeout(ms);
}

async function oneRun(
  browser: Browser,
  cookie: { name: string; value: string },
  n: number,
  appUrl: string,
) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  try {
    await context.addCookies([{ name: cookie.name, value: cookie.value, url: appUrl }]);
    const page = await context.newPage();
    // A thousand rows can keep the main thread busy for long on a loaded 2-core machine.
    page.setDefaultTimeout(120_000);
    page.on('dialog', (d) => void d.accept());
    await page.addInitScript(
      ([key, draft]) => {
        if (!sessionStorage.getItem('bench-draft-set')) {
          sessionStorage.setItem('bench-draft-set', '1');
          localStorage.setItem(key as string, draft as string);
        }
      },
      [DRAFT_KEY, makeDraft(n)],
    );
    await page.addInitScript({ content: scriptOf(installInteractionProbe) });
    await page.goto(`${appUrl}/cashflow-groups/new`);
    const resumeButton = page.getByRole('button', { name: 'Resume draft' });
    await resumeButton.waitFor();
    await armWait(page, `[data-rule-index="${n - 1}"]`);
    await resumeButton.click();
    const resume = await waitPainted(page);
    await idle(page, n >= 1000 ? 2000 : 800);

    // Keystrokes in a free-text value field in the middle of the list.
    const ruleIndex = middleTextRule(n);
    const row = page.getByRole('group', { name: `Rule ${ruleIndex + 1}`, exact: true });
    const input = row.getByRole('textbox', { name: 'Value' });
    await input.scrollIntoViewIfNeeded();
    await input.click();
    await idle(page, 300);
    await page.evaluate(() => {
      window.__interactions.events = [];
      window.__interactions.keystrokes = [];
    });
    await page.keyboard.type(TYPED, { delay: 80 });
    await idle(page, 500);
    const typed = await page.evaluate(() => ({
      events: window.__interactions.events,
      keystrokes: window.__interactions.keystrokes,
    }));
    const keyInteractions = perInteraction(typed.events, ['keydown', 'keypress', 'keyup']);
    const keystrokeEventTiming = [...keyInteractions.values()];
    // Keystrokes without an entry stayed under the 16 ms threshold.
    while (keystrokeEventTiming.length < typed.keystrokes.length) keystrokeEventTiming.push(0);
    const keystrokeFrame = typed.keystrokes
      .filter((k) => k.painted !== null)
      .map((k) => (k.painted ?? 0) - k.at);
    // Enter makes the typed text a value (a valid rule, so the steps after can be reached).
    await page.keyboard.press('Enter');
    await idle(page, 300);

    // Add rules at the end of the list (measured), then remove them again: empty rules would
    // stop the wizard at the rules step.
    const addEvent: number[] = [];
    const addFrame: number[] = [];
    for (let k = 0; k < ADDS_PER_RUN; k++) {
      await page.evaluate(() => (window.__interactions.events = []));
      await armWait(page, `[data-rule-index="${n + k}"]`);
      await page.getByRole('button', { name: 'Add rule' }).click();
      addFrame.push(await waitPainted(page));
      await idle(page, 400);
      const ev = await page.evaluate(() => window.__interactions.events);
      const clicks = [...perInteraction(ev, ['pointerdown', 'pointerup', 'click']).values()];
      addEvent.push(clicks.length > 0 ? Math.max(...clicks) : 0);
    }
    for (let k = ADDS_PER_RUN; k >= 1; k--) {
      await page.getByRole('button', { name: `Remove rule ${n + k}`, exact: true }).click();
      await page.locator(`[data-rule-index="${n + k - 1}"]`).waitFor({ state: 'detached' });
    }
    await idle(page, 300);

    // Review: Next to Affiliates (validates the rules), then Next to Review (measured).
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/step=affiliates/);
    await idle(page, 300);
    await armWait(page, 'h2', 'Review');
    await page.getByRole('button', { name: 'Next' }).click();
    const openReview = await waitPainted(page);
    return { resume, keystrokeEventTiming, keystrokeFrame, openReview, addEvent, addFrame };
  } finally {
    await context.close();
  }
}

export async function runRuleBuilder(
  browser: Browser,
  cookie: { name: string; value: string },
  runs: number,
  sizes: readonly number[] = RULE_COUNTS,
  appUrl = URLS.app,
): Promise<RuleBuilderSize[]> {
  const out: RuleBuilderSize[] = [];
  for (const n of sizes) {
    const all = {
      resume: [] as number[],
      keyET: [] as number[],
      keyFrame: [] as number[],
      review: [] as number[],
      addET: [] as number[],
      addFrame: [] as number[],
    };
    for (let run = 0; run < runs; run++) {
      console.log(`bench: rules ${n}, run ${run + 1}/${runs}`);
      const r = await oneRun(browser, cookie, n, appUrl);
      all.resume.push(r.resume);
      all.keyET.push(...r.keystrokeEventTiming);
      all.keyFrame.push(...r.keystrokeFrame);
      all.review.push(r.openReview);
      all.addET.push(...r.addEvent);
      all.addFrame.push(...r.addFrame);
    }
    out.push({
      rules: n,
      runs,
      keystrokeEventTiming: summarize(all.keyET),
      keystrokesOver16: all.keyET.filter((d) => d >= 16).length,
      keystrokes: all.keyET.length,
      keystrokeFrame: summarize(all.keyFrame),
      addRuleEventTiming: summarize(all.addET),
      addRuleFrame: summarize(all.addFrame),
      openReview: summarize(all.review),
      resume: summarize(all.resume),
    });
  }
  return out;
}
