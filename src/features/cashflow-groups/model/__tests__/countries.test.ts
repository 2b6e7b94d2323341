// The country list: ISO codes, English names, sorted for the picker.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import { COUNTRY_OPTIONS, countryName, isCountryCode } from '../countries';

describe('countries', () => {
  it('lists every alpha-2 code once, sorted by name', () => {
    expect(COUNTRY_OPTIONS.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRY_OPTIONS.map((c) => c.code)).size).toBe(COUNTRY_OPTIONS.length);
    const names = COUNTRY_OPTIONS.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(COUNTRY_OPTIONS.every((c) => /^[A-Z]{2}$/.test(c.code))).toBe(true);
  });

  it("gives the library's own official name for every code it knows, and no other code", () => {
    // The module reads the package's data file without its runtime: the library is the oracle.
    countries.registerLocale(en);
    const official = countries.getNames('en', { select: 'official' });
    expect(Object.fromEntries(COUNTRY_OPTIONS.map((c) => [c.code, c.name]))).toEqual(official);
    for (const code of Object.keys(countries.getAlpha2Codes())) {
      expect(countryName(code)).toBe(official[code]);
    }
  });

  it.each([
    ['GB', true, 'United Kingdom'],
    ['CI', true, "Cote d'Ivoire"],
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
