// Locale formatting for the table, the drawer and the CSV: one place for every displayed value.
import type { RebateGroup } from '../api/schemas';

const LABELS: Record<string, string> = {
  AUTO: 'Auto',
  MANUAL: 'Manual',
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
};

/** A known enum value in words; an unknown one as the API sent it. */
export function label(value: string): string {
  return LABELS[value] ?? value;
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatInteger(n: number): string {
  return integer.format(n);
}

export function formatPercent(n: number): string {
  return `${decimal.format(n)} %`;
}

export function formatRebateSize(size: RebateGroup['rebate_size']): string {
  return `${decimal.format(size.min)}–${decimal.format(size.max)} %`;
}

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' });
// Calendar dates ("2026-11-01") carry no time zone: format them as UTC so they never shift a day.
const calendarDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function parseDate(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(iso: string): string {
  const d = parseDate(iso);
  return d ? dateOnly.format(d) : iso;
}

export function formatDateTime(iso: string): string {
  const d = parseDate(iso);
  return d ? dateTime.format(d) : iso;
}

export function formatCalendarDate(day: string): string {
  const d = parseDate(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day);
  return d ? calendarDate.format(d) : day;
}

const UNITS: Record<string, [string, string]> = {
  DAILY: ['Daily', 'days'],
  WEEKLY: ['Weekly', 'weeks'],
  MONTHLY: ['Monthly', 'months'],
};

/** The period's length in words: "Monthly", "Every 3 months" (value = periods per payout). */
export function formatPeriodLength(period: string, value: number | null): string {
  const unit = UNITS[period];
  if (!unit) return value === null ? period : `${period} × ${value}`;
  return value === null || value === 1 ? unit[0] : `Every ${value} ${unit[1]}`;
}

const calendarDayMonth = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

const PERIOD_DATES_CACHE_SIZE = 500;
const periodDatesCache = new Map<string, string>();

/**
 * The current period's dates as one compact range: "Nov 1 – 30", or "Dec 29, 2025 – Jan 4, 2026"
 * when it is not all in this year (the current period almost always is: the year is noise).
 */
export function formatPeriodDates(start: string, end: string, now = new Date()): string {
  const year = now.getUTCFullYear();
  // formatRange is slow (ICU) and a page shows the same few current periods over and over.
  const key = `${start}|${end}|${year}`;
  const cached = periodDatesCache.get(key);
  if (cached !== undefined) return cached;
  const a = parseDate(`${start}T00:00:00Z`);
  const b = parseDate(`${end}T00:00:00Z`);
  let text: string;
  if (!a || !b || b < a) {
    text = `${start} – ${end}`;
  } else {
    const thisYear = a.getUTCFullYear() === year && b.getUTCFullYear() === year;
    text = (thisYear ? calendarDayMonth : calendarDate).formatRange(a, b);
  }
  if (periodDatesCache.size >= PERIOD_DATES_CACHE_SIZE) periodDatesCache.clear();
  periodDatesCache.set(key, text);
  return text;
}

/** "Every 3 months · Oct 1 – Dec 31", or just the length when there are no dates. */
export function formatPeriod(g: RebateGroup, now = new Date()): string {
  const length = formatPeriodLength(g.rebate_period, g.rebate_period_value);
  if (g.rebate_period_start && g.rebate_period_end) {
    return `${length} · ${formatPeriodDates(g.rebate_period_start, g.rebate_period_end, now)}`;
  }
  return length;
}
