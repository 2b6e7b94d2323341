// The ISO 3166-1 alpha-2 country list for the country picker, validation and plain-words text.
import countries from 'i18n-iso-countries';
// Only the English names: the other locales would add hundreds of kilobytes to the bundle.
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);

// The library's official English names ("United States of America"); one place to change it.
const NAMES: Record<string, string> = countries.getNames('en', { select: 'official' });

export const COUNTRY_OPTIONS: { code: string; name: string }[] = Object.entries(NAMES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** An upper-case alpha-2 code we know ("DE"); lower case is not a code until normalised. */
export function isCountryCode(code: string): boolean {
  return Object.hasOwn(NAMES, code);
}

export function countryName(code: string): string | undefined {
  return isCountryCode(code) ? NAMES[code] : undefined;
}
