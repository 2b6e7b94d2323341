// Display formatting: periods, rebate sizes, dates (en-US in tests, as Playwright runs).
import type { RebateGroup } from '../../api/schemas';
import {
  formatCalendarDate,
  formatPeriod,
  formatPeriodDates,
  formatPeriodLength,
  formatRebateSize,
  label,
} from '../format';

describe('formatPeriodLength', () => {
  it.each([
    ['DAILY', 1, 'Daily'],
    ['WEEKLY', 2, 'Every 2 weeks'],
    ['MONTHLY', 3, 'Every 3 months'],
    ['MONTHLY', null, 'Monthly'],
    ['YEARLY', 1, 'YEARLY × 1'],
  ] as const)('%s × %s → %s', (period, value, text) => {
    expect(formatPeriodLength(period, value)).toBe(text);
  });
});

describe('formatPeriod', () => {
  const g = {
    rebate_period: 'MONTHLY',
    rebate_period_value: 1,
    rebate_period_start: '2026-11-01',
    rebate_period_end: '2026-11-30',
  } as RebateGroup;

  it('adds the current dates, without the year when it is this year', () => {
    expect(formatPeriod(g, new Date('2026-11-20T00:00:00Z'))).toMatch(/^Monthly · Nov 1\s*–\s*30$/);
    expect(formatPeriod(g, new Date('2027-01-02T00:00:00Z'))).toMatch(
      /^Monthly · Nov 1\s*–\s*30, 2026$/,
    );
  });

  it('keeps the years of a period that spans two', () => {
    expect(formatPeriodDates('2025-12-29', '2026-01-04', new Date('2026-01-02T00:00:00Z'))).toMatch(
      /^Dec 29, 2025\s*–\s*Jan 4, 2026$/,
    );
  });

  it('is the length alone without dates', () => {
    expect(formatPeriod({ ...g, rebate_period_start: null })).toBe('Monthly');
  });
});

it('formats calendar dates without shifting the day', () => {
  expect(formatCalendarDate('2026-11-01')).toBe('Nov 1, 2026');
});

it('formats rebate size as a range', () => {
  expect(formatRebateSize({ min: 0, max: 60 })).toBe('0–60 %');
  expect(formatRebateSize({ min: 12.5, max: 40 })).toBe('12.5–40 %');
});

it('labels known enum values and passes unknown ones through', () => {
  expect(label('AUTO')).toBe('Auto');
  expect(label('HYBRID')).toBe('HYBRID');
});
