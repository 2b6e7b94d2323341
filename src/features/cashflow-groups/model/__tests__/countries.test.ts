// The country list: ISO codes, English names, sorted for the picker.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import {
  COUNTRY_OPTIONS,
  countryName,
  isCountryCode,
  resolveCountry,
  searchCountries,
} from '../countries';

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

describe('searchCountries', () => {
  const first = (q: string) => searchCountries(q)[0];
  const codes = (q: string) => searchCountries(q).map((m) => m.code);

  it.each([
    // query, the first match, the alias it came through
    ['FR', 'FR', undefined],
    ['fr', 'FR', undefined],
    ['de', 'DE', undefined],
    ['France', 'FR', undefined],
    ['france ', 'FR', undefined],
    ['uk', 'GB', 'UK'],
    ['UK', 'GB', 'UK'],
    ['usa', 'US', 'USA'],
    ['U.S.A.', 'US', 'U.S.A.'],
    ['us', 'US', undefined],
    ['America', 'US', 'America'],
    ['england', 'GB', 'England'],
    ['Britain', 'GB', 'Britain'],
    ['great britain', 'GB', 'Great Britain'],
    ['holland', 'NL', 'Holland'],
    ['the netherlands', 'NL', 'The Netherlands'],
    ['turkey', 'TR', 'Turkey'],
    ['Türkiye', 'TR', undefined],
    ['turkiye', 'TR', undefined],
    ['cote d ivoire', 'CI', undefined],
    ['russia', 'RU', 'Russia'],
    ['uae', 'AE', 'UAE'],
    ['ger', 'DE', undefined],
    ['engl', 'GB', 'England'],
    ['deutschland', 'DE', 'Deutschland'],
  ])('%s → %s first (through %s)', (query, code, alias) => {
    expect(first(query)).toEqual(alias === undefined ? { code } : { code, alias });
  });

  it('puts the exact code before names that merely contain the letters', () => {
    const fr = codes('fr');
    expect(fr[0]).toBe('FR');
    // "Central African Republic" contains "fr" and used to come first.
    expect(fr.indexOf('CF')).toBeGreaterThan(fr.indexOf('GF'));
  });

  it('finds the United Kingdom and Ukraine for "uk", the alias first', () => {
    expect(codes('uk').slice(0, 2)).toEqual(['GB', 'UA']);
  });

  it('ranks names starting with the text before names with a word starting with it', () => {
    const sa = codes('south');
    expect(sa.slice(0, 4)).toEqual(['ZA', 'GS', 'KR', 'SS']);
    expect(codes('guinea').slice(0, 3)).toEqual(['GN', 'GW', 'GQ']);
  });

  it('lists each country at most once, and all of them for an empty query', () => {
    for (const q of ['', 'a', 'us', 'united', 'korea', 'congo']) {
      const found = codes(q);
      expect(new Set(found).size).toBe(found.length);
    }
    expect(codes('')).toEqual(COUNTRY_OPTIONS.map((c) => c.code));
  });

  it('finds nothing for text no country has', () => {
    expect(searchCountries('zzz')).toEqual([]);
    expect(searchCountries('XX')).toEqual([]);
  });
});

describe('resolveCountry', () => {
  it.each([
    ['FR', 'FR'],
    ['fr', 'FR'],
    [' de ', 'DE'],
    ['UK', 'GB'],
    ['USA', 'US'],
    ['Holland', 'NL'],
    ['germany', 'DE'],
    ['United States', 'US'],
    ['XX', undefined],
    ['Ger', undefined],
    ['', undefined],
    ['constructor', undefined],
  ])('%s → %s', (entry, code) => {
    expect(resolveCountry(entry)).toBe(code);
  });
});
