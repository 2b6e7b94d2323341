// The Exness seed: deterministic, and shaped like a real partner account's groups.
import { describe, expect, it } from 'vitest';
import {
  CREATED_FROM,
  CREATED_TO,
  EXNESS_SEED,
  GROUP_TYPES,
  REBATE_PERIODS,
  periodWindow,
  seedRebateGroups,
} from '../seed';

describe('seedRebateGroups', () => {
  const groups = seedRebateGroups();

  it('is deterministic: same seed, same data; another seed, other data', () => {
    expect(seedRebateGroups(EXNESS_SEED)).toEqual(groups);
    expect(JSON.stringify(seedRebateGroups(EXNESS_SEED + 1))).not.toEqual(JSON.stringify(groups));
  });

  it('has at least 240 groups with unique, increasing ids and exactly one default', () => {
    expect(groups.length).toBeGreaterThanOrEqual(240);
    const ids = groups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(groups.filter((g) => g.is_default)).toHaveLength(1);
    // Gaps: ids are not simply 1..n.
    expect(ids[ids.length - 1]! - ids[0]!).toBeGreaterThan(ids.length);
  });

  it('covers both types and all three periods', () => {
    for (const t of GROUP_TYPES) expect(groups.some((g) => g.group_type === t)).toBe(true);
    for (const p of REBATE_PERIODS) expect(groups.some((g) => g.rebate_period === p)).toBe(true);
  });

  it('has shared link codes and empty ones', () => {
    const counts = new Map<string, number>();
    for (const g of groups) counts.set(g.link_code, (counts.get(g.link_code) ?? 0) + 1);
    expect(counts.get('')).toBeGreaterThan(0);
    expect([...counts].filter(([code, n]) => code !== '' && n > 1).length).toBeGreaterThan(5);
  });

  it('keeps every value in its documented range and format', () => {
    for (const g of groups) {
      expect(g.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const created = Date.parse(g.created);
      expect(created).toBeGreaterThanOrEqual(CREATED_FROM);
      expect(created).toBeLessThanOrEqual(CREATED_TO);
      expect(g.rebate_percent).toBeGreaterThanOrEqual(0);
      expect(g.rebate_percent).toBeLessThanOrEqual(80);
      expect(Math.round(g.rebate_percent * 10)).toBeCloseTo(g.rebate_percent * 10, 9);
      expect(g.rebate_size.min).toBeLessThanOrEqual(g.rebate_percent);
      expect(g.rebate_size.max).toBeGreaterThanOrEqual(g.rebate_percent);
      expect(g.clients_count).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(g.clients_count)).toBe(true);
      expect(g.rebate_period_start <= g.rebate_period_end).toBe(true);
      expect(g.partner_uid).toBe(groups[0]!.partner_uid);
    }
    // Creation dates spread over the two years, not bunched.
    const years = new Set(groups.map((g) => g.created.slice(0, 4)));
    expect([...years].sort()).toEqual(['2024', '2025', '2026']);
  });

  it('has groups without clients, varied titles and percents', () => {
    expect(groups.some((g) => g.clients_count === 0)).toBe(true);
    expect(new Set(groups.map((g) => g.group_title)).size).toBeGreaterThan(150);
    expect(new Set(groups.map((g) => g.rebate_percent)).size).toBeGreaterThan(100);
  });
});

describe('periodWindow', () => {
  it('computes the current period around the fixed reference day (Fri 2026-11-20)', () => {
    expect(periodWindow('DAILY', 1)).toEqual({ start: '2026-11-20', end: '2026-11-20' });
    expect(periodWindow('WEEKLY', 1)).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(periodWindow('WEEKLY', 2)).toEqual({ start: '2026-11-09', end: '2026-11-22' });
    expect(periodWindow('MONTHLY', 1)).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(periodWindow('MONTHLY', 3)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });
});
