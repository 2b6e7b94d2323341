// The HasOffers seed: deterministic, realistic, and every seeded group passes the validator.
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import {
  AFFILIATE_STATUSES,
  HASOFFERS_SEED,
  RULE_FIELDS,
  RULE_OPERATORS,
  seedHasOffers,
} from '../seed';
import { HasOffersStore } from '../store';
import { validateAffiliateIdsJson, validateRulesJson } from '../validate-rules';

describe('seedHasOffers', () => {
  const seed = seedHasOffers();

  it('is deterministic: same seed, same data; another seed, other data', () => {
    expect(seedHasOffers(HASOFFERS_SEED)).toEqual(seed);
    expect(seedHasOffers(HASOFFERS_SEED + 1).affiliates).not.toEqual(seed.affiliates);
  });

  it('has 500+ affiliates with unique ids and names, every status, ISO countries', () => {
    const { affiliates } = seed;
    expect(affiliates.length).toBeGreaterThanOrEqual(500);
    expect(new Set(affiliates.map((a) => a.id)).size).toBe(affiliates.length);
    expect(new Set(affiliates.map((a) => a.company)).size).toBe(affiliates.length);
    for (const s of AFFILIATE_STATUSES) expect(affiliates.some((a) => a.status === s)).toBe(true);
    for (const a of affiliates) expect(countries.isValid(a.country)).toBe(true);
    expect(affiliates.slice(0, 3).map((a) => a.id)).toEqual([2, 4, 6]);
  });

  it('has 30 target rules with non-contiguous ids not starting at 1, 79 among them', () => {
    const ids = seed.targetRules.map((t) => t.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(Math.min(...ids)).toBeGreaterThan(1);
    expect(ids).toContain(79);
    expect(Math.max(...ids) - Math.min(...ids)).toBeGreaterThan(29);
  });

  it('has 20 groups using every field and operator, negations and all-affiliate groups', () => {
    const { groups } = seed;
    expect(groups).toHaveLength(20);
    const rules = groups.flatMap((g) => g.rules);
    for (const f of RULE_FIELDS) expect(rules.some((r) => r.field === f)).toBe(true);
    for (const o of RULE_OPERATORS) expect(rules.some((r) => r.operator === o)).toBe(true);
    expect(rules.some((r) => r.negate === 1)).toBe(true);
    expect(groups.some((g) => g.affiliateIds.length === 0)).toBe(true);
    expect(groups.some((g) => g.affiliateIds.length > 0)).toBe(true);
    expect(groups.some((g) => g.rules.length === 0)).toBe(true);
    expect(new Set(groups.map((g) => g.name.toLowerCase())).size).toBe(groups.length);
  });

  it('stores only groups the validator would accept', () => {
    const store = new HasOffersStore();
    for (const g of seed.groups) {
      const rules = validateRulesJson(JSON.stringify(g.rules), store);
      expect(rules).toEqual({ ok: true, value: g.rules });
      const affiliates = validateAffiliateIdsJson(
        JSON.stringify(g.affiliateIds.map(String)),
        store,
      );
      expect(affiliates).toEqual({ ok: true, value: g.affiliateIds });
    }
  });
});
