// The country list: ISO codes, English names, sorted for the picker.
import { COUNTRY_OPTIONS, countryName, isCountryCode } from '../countries';

describe('countries', () => {
  it('lists every alpha-2 code once, sorted by name', () => {
    expect(COUNTRY_OPTIONS.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRY_OPTIONS.map((c) => c.code)).size).toBe(COUNTRY_OPTIONS.length);
    const names = COUNTRY_OPTIONS.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(COUNTRY_OPTIONS.every((c) => /^[A-Z]{2}$/.test(c.code))).toBe(true);
  });

  it.each([
    ['DE', true, 'Germany'],
    ['AT', true, 'Austria'],
    ['US', true, 'United States of America'],
    ['de', false, undefined],
    ['XX', false, undefined],
    ['DEU', false, undefined],
    ['', false, undefined],
    ['constructor', false, undefined],
  ])('%s', (code, valid, name) => {
    expect(isCountryCode(code)).toBe(valid);
    expect(countryName(code)).toBe(name);
  });
});
