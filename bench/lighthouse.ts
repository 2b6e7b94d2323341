// Lighthouse (the npm package) against the production build, with both of its presets: the
// default mobile profile (simulated slow 4G and 4× CPU) and `desktopConfig` (simulated cable, no
// CPU slowdown, a desktop screen), in the system Chromium launched by Playwright with a
// debugging port.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { summarize, type Summary } from './lib/stats';

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  cls: number;
  /** FCP and LCP as this machine really painted them, before Lighthouse's simulation of a slow
   * phone: the simulation counts every request made before the paint, the observed time does not. */
  observedFcpMs: number;
  observedLcpMs: number;
  /** Audits that did not pass (score < 1) in this run, for the report's "why". */
  failing: { id: string; title: string; score: number | null; displayValue?: string }[];
}

/** Lighthouse's two presets: `mobile` is its default config, `desktop` its `desktopConfig`. */
export type LighthousePreset = 'desktop' | 'mobile';
export const LIGHTHOUSE_PRESETS: readonly LighthousePreset[] = ['desktop', 'mobile'];

export interface LighthouseSummary {
  url: string;
  preset: LighthousePreset;
  runs: LighthouseRun[];
  performance: Summary;
  accessibility: Summary;
  bestPractices: Summary;
  lcpMs: Summary;
  tbtMs: Summary;
  fcpMs: Summary;
  cls: Summary;
  observedFcpMs: Summary;
  observedLcpMs: Summary;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking'];

/** One Lighthouse run; a run that Lighthouse itself reports as broken (e.g. NO_NAVSTART, a
 * known intermittent trace failure) is retried, up to three attempts. */
async function lighthouseOnce(url: string, port: number, cookie: string, preset: LighthousePreset) {
  let last = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const result = await lighthouse(
      url,
      {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        // The session cookie of the bench user: every request carries it.
        extraHeaders: { Cookie: cookie },
      },
      // The desktop preset's throttling and screen; undefined is Lighthouse's default (mobile).
      preset === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result?.lhr;
    if (lhr && !lhr.runtimeError) return lhr;
    last = lhr?.runtimeError
      ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`
      : 'no result';
    console.warn(`bench: Lighthouse (${preset}) attempt ${attempt} on ${url} failed (${last})`);
  }
  throw new Error(`Lighthouse (${preset}) failed three times on ${url}: ${last}`);
}

/** Every URL with every preset (URL by URL, desktop then mobile), `runs` times each. */
export async function runLighthouse(
  urls: string[],
  runs: number,
  cookie: string,
  debugPort: number,
  presets: readonly LighthousePreset[] = LIGHTHOUSE_PRESETS,
): Promise<LighthouseSummary[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${debugPort}`],
  });
  try {
    const out: LighthouseSummary[] = [];
    for (const url of urls)
      for (const preset of presets) {
        const list: LighthouseRun[] = [];
        for (let i = 0; i < runs; i++) {
          const lhr = await lighthouseOnce(url, debugPort, cookie, preset);
          // BENCH_LHR_DIR keeps each full Lighthouse result, to dig into its audits by hand.
          if (process.env.BENCH_LHR_DIR) {
            const where = new URL(url);
            const name = `${where.port}${where.pathname.replace(/\W+/g, '_')}-${preset}-${i + 1}.json`;
            writeFileSync(join(process.env.BENCH_LHR_DIR, name), JSON.stringify(lhr));
          }
          const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
          const metrics = (lhr.audits.metrics?.details as { items?: Record<string, unknown>[] })
            ?.items?.[0];
          const observed = (key: string) => {
            const value = metrics?.[key];
            return typeof value === 'number' ? value : Number.NaN;
          };
          const failing = Object.values(lhr.audits)
            .filter(
              (a) =>
                a.score !== null &&
                a.score < 1 &&
                a.scoreDisplayMode !== 'informative' &&
                a.scoreDisplayMode !== 'manual' &&
                a.scoreDisplayMode !== 'notApplicable',
            )
            .map((a) => ({
              id: a.id,
              title: a.title,
              score: a.score,
              ...(a.displayValue !== undefined && { displayValue: a.displayValue }),
            }));
          list.push({
            performance: lhr.categories.performance?.score ?? Number.NaN,
            accessibility: lhr.categories.accessibility?.score ?? Number.NaN,
            bestPractices: lhr.categories['best-practices']?.score ?? Number.NaN,
            lcpMs: audit('largest-contentful-paint'),
            tbtMs: audit('total-blocking-time'),
            fcpMs: audit('first-contentful-paint'),
            cls: audit('cumulative-layout-shift'),
            observedFcpMs: observed('observedFirstContentfulPaint'),
            observedLcpMs: observed('observedLargestContentfulPaint'),
            failing,
          });
        }
        const of = (k: keyof Omit<LighthouseRun, 'failing'>) => summarize(list.map((r) => r[k]));
        out.push({
          url,
          preset,
          runs: list,
          performance: of('performance'),
          accessibility: of('accessibility'),
          bestPractices: of('bestPractices'),
          lcpMs: of('lcpMs'),
          tbtMs: of('tbtMs'),
          fcpMs: of('fcpMs'),
          cls: of('cls'),
          observedFcpMs: of('observedFcpMs'),
          observedLcpMs: of('observedLcpMs'),
        });
      }
    return out;
  } finally {
    await browser.close();
  }
}
