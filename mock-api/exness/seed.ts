// The Exness emulator's seeded rebate groups: deterministic, realistic, no wall-clock time.
import { createPrng, type Prng } from '../shared/prng';

export const GROUP_TYPES = ['AUTO', 'MANUAL'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];
export const REBATE_PERIODS = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type RebatePeriod = (typeof REBATE_PERIODS)[number];

/** One group exactly as the API answers it (api-notes.md §1). */
export interface RebateGroup {
  id: number;
  partner_uid: string;
  group_title: string;
  group_type: GroupType;
  clients_count: number;
  rebate_percent: number;
  created: string;
  is_default: boolean;
  rebate_size: { min: number; max: number };
  rebate_period: RebatePeriod;
  rebate_period_value: number;
  rebate_period_start: string;
  rebate_period_end: string;
  link_code: string;
}

export const EXNESS_SEED = 20261120;
export const EXNESS_GROUP_COUNT = 248;

/** Creation dates fall in this fixed range (two years). */
export const CREATED_FROM = Date.UTC(2024, 10, 1);
export const CREATED_TO = Date.UTC(2026, 9, 31, 23, 59, 59);
/**
 * The emulator's "today" for the current rebate period: fixed so the data never depends on when
 * it runs. 2026-11-20 is a Friday.
 */
export const PERIOD_REFERENCE_DAY = Date.UTC(2026, 10, 20);

const TIERS = [
  'VIP',
  'Gold',
  'Silver',
  'Bronze',
  'Platinum',
  'Starter',
  'Pro',
  'Premium',
  'Elite',
  'Core',
];
const AUDIENCES = [
  'Scalpers',
  'Swing traders',
  'Copy trading',
  'Crypto traders',
  'Forex majors',
  'Indices',
  'Metals',
  'Asia',
  'LATAM',
  'Europe',
  'MENA',
  'Africa',
  'Telegram channel',
  'YouTube review',
  'Webinar leads',
  'Spring promo',
  'Summer promo',
  'Black Friday',
  'Loyalty',
  'High volume',
  'Newcomers',
  'Sub-IB',
  'Türkiye',
  'Café Trading Club',
  'Instagram',
  'Signals chat',
  'Seminar Jakarta',
  'Seminar Lagos',
  'Partners Brazil',
  'Academy graduates',
];
const SUFFIXES = ['', '', '', ' 2025', ' 2026', ' Q1', ' Q3', ' tier 2', ' (legacy)', ' – test'];

const LINK_CODES = [
  'vip',
  'spring24',
  'spring25',
  'summer25',
  'bf2025',
  'tg-main',
  'tg-signals',
  'yt-review',
  'yt-shorts',
  'webinar-05',
  'webinar-11',
  'academy',
  'ib-lagos',
  'ib-jakarta',
  'ib-saopaulo',
  'ig-story',
  'copy-pro',
  'crypto-wk',
  'gold-xau',
  'loyal',
  'newbie',
  'seminar26',
  'mena-ar',
  'latam-es',
  'tr-istanbul',
];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

const DAY = 86_400_000;

/** The current period window around PERIOD_REFERENCE_DAY for a period and its length. */
export function periodWindow(period: RebatePeriod, value: number): { start: string; end: string } {
  const ref = new Date(PERIOD_REFERENCE_DAY);
  switch (period) {
    case 'DAILY':
      return {
        start: isoDay(PERIOD_REFERENCE_DAY - (value - 1) * DAY),
        end: isoDay(PERIOD_REFERENCE_DAY),
      };
    case 'WEEKLY': {
      // ISO weeks: Monday to Sunday; a longer period ends with the current week.
      const weekday = (ref.getUTCDay() + 6) % 7;
      const sunday = PERIOD_REFERENCE_DAY + (6 - weekday) * DAY;
      return { start: isoDay(sunday - (7 * value - 1) * DAY), end: isoDay(sunday) };
    }
    case 'MONTHLY': {
      // Periods of `value` months aligned on January (1 = month, 3 = quarter).
      const year = ref.getUTCFullYear();
      const firstMonth = Math.floor(ref.getUTCMonth() / value) * value;
      return {
        start: isoDay(Date.UTC(year, firstMonth, 1)),
        end: isoDay(Date.UTC(year, firstMonth + value, 1) - DAY),
      };
    }
  }
}

function uuid(prng: Prng): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => prng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${prng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

function clientsCount(prng: Prng): number {
  return prng.weighted<() => number>([
    [() => 0, 12],
    [() => prng.int(1, 9), 25],
    [() => prng.int(10, 99), 38],
    [() => prng.int(100, 499), 20],
    [() => prng.int(500, 2500), 5],
  ])();
}

function rebatePercent(prng: Prng): number {
  // Partners like round numbers; the rest is any one-decimal value in 0..80.
  if (prng.chance(0.4)) return prng.pick([0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 80]);
  return prng.int(0, 800) / 10;
}

/**
 * Builds the seed. Ids grow with creation time and skip a few numbers (deleted groups), so
 * clients never get to assume they are contiguous. The first group is the account's default.
 */
export function seedRebateGroups(
  seed: number = EXNESS_SEED,
  count: number = EXNESS_GROUP_COUNT,
): RebateGroup[] {
  const prng = createPrng(seed);
  const partnerUid = uuid(prng);
  const created = Array.from({ length: count }, () =>
    prng.int(CREATED_FROM / 1000, CREATED_TO / 1000),
  ).sort((a, b) => a - b);
  created[0] = CREATED_FROM / 1000 + 9 * 3600; // the default group exists from day one

  const groups: RebateGroup[] = [];
  let id = 1000;
  for (let i = 0; i < count; i += 1) {
    id += prng.weighted([
      [1, 8],
      [2, 1],
      [3, 1],
    ]);
    const isDefault = i === 0;
    const period: RebatePeriod = isDefault
      ? 'MONTHLY'
      : prng.weighted([
          ['DAILY', 3],
          ['WEEKLY', 3],
          ['MONTHLY', 4],
        ]);
    const periodValue =
      period === 'DAILY'
        ? 1
        : period === 'WEEKLY'
          ? prng.weighted([
              [1, 4],
              [2, 1],
            ])
          : prng.weighted([
              [1, 4],
              [3, 1],
            ]);
    const window = periodWindow(period, periodValue);
    const percent = isDefault ? 20 : rebatePercent(prng);
    const min = Math.floor(percent * prng.pick([0, 0, 0.5, 0.8]));
    const max = Math.min(100, Math.ceil(percent) + prng.pick([0, 10, 20, 40]));
    const title = isDefault
      ? 'Default'
      : `${prng.chance(0.5) ? `${prng.pick(TIERS)} ` : ''}${prng.pick(AUDIENCES)}${prng.pick(SUFFIXES)}`;
    groups.push({
      id,
      partner_uid: partnerUid,
      group_title: title,
      group_type: isDefault ? 'AUTO' : prng.weighted(GROUP_TYPES.map((t) => [t, 1] as const)),
      clients_count: isDefault ? 1843 : clientsCount(prng),
      rebate_percent: percent,
      created: isoSeconds((created[i] ?? CREATED_FROM / 1000) * 1000),
      is_default: isDefault,
      rebate_size: { min, max },
      rebate_period: period,
      rebate_period_value: periodValue,
      rebate_period_start: window.start,
      rebate_period_end: window.end,
      link_code: isDefault || prng.chance(0.15) ? '' : prng.pick(LINK_CODES),
    });
  }
  return groups;
}
