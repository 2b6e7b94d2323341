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

/** "Monthly · 1 Nov 2026 – 30 Nov 2026" when the period has dates, else "Weekly · 3". */
export function formatPeriod(g: RebateGroup): string {
  const name = label(g.rebate_period);
  if (g.rebate_period_start && g.rebate_period_end) {
    return `${name} · ${formatCalendarDate(g.rebate_period_start)} – ${formatCalendarDate(g.rebate_period_end)}`;
  }
  return g.rebate_period_value === null ? name : `${name} · ${g.rebate_period_value}`;
}
