// The ISO 3166-1 alpha-2 country list for the country picker, validation and plain-words text.
//
// Read straight from the i18n-iso-countries package's English data file. Its runtime (the locale
// registry, alpha-3 and numeric code tables, and a diacritics folder for name look-ups) is code we
// never call, and it weighed 7.5 KB gzip on every cashflow page's first load, the wizard's too.
// Only the English names: the other locales would add hundreds of kilobytes to the bundle.
import en from 'i18n-iso-countries/langs/en.json';

/** A code's names: one string, or the official name first and then its aliases. */
type LocaleNames = Record<string, string | readonly string[]>;

// The official name: the first of a list ("United States of America", not "USA"), as the
// library's `getNames('en', { select: 'official' })` gives it; one place to change it.
const NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(en.countries as LocaleNames).map(([code, names]) => [
    code,
    typeof names === 'string' ? names : names[0]!,
  ]),
);

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
