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

/** The library's other English names of a code ("UK", "Great Britain"), the official one left out. */
const LIBRARY_ALIASES: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(en.countries as LocaleNames).map(([code, names]) => [
    code,
    typeof names === 'string' ? [] : names.slice(1),
  ]),
);

/**
 * Names partner managers type that the library does not know. Parts of the United Kingdom map
 * to GB because ISO 3166-1 (and so a click's country) has no code for them.
 */
const EXTRA_ALIASES: Record<string, readonly string[]> = {
  GB: ['Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'GBR'],
  US: ['America', 'United States', 'USA'],
  NL: ['Holland'],
  AE: ['Emirates'],
  CZ: ['Czechia'],
  KR: ['Korea'],
  MK: ['Macedonia'],
  LA: ['Laos'],
  SY: ['Syria'],
  MD: ['Moldova'],
  VN: ['Viet Nam'],
  BN: ['Brunei'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  CV: ['Cabo Verde'],
  VA: ['Vatican'],
  TL: ['East Timor'],
  DE: ['Deutschland'],
  ES: ['España'],
  CH: ['Schweiz', 'Suisse'],
};

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

// ---------------------------------------------------------------------------------------------
// Search: what the picker offers for what was typed, best first.

/** Lower case, accents and punctuation dropped, spaces collapsed: "U.S.A." and "usa" meet. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

interface SearchEntry {
  code: string;
  name: string;
  /** The folded official name and its words. */
  folded: string;
  words: string[];
  aliases: { text: string; folded: string }[];
}

const SEARCH_INDEX: SearchEntry[] = Object.entries(NAMES)
  .map(([code, name]) => {
    const seen = new Set([fold(name), code.toLowerCase()]);
    const aliases: SearchEntry['aliases'] = [];
    for (const text of [...(LIBRARY_ALIASES[code] ?? []), ...(EXTRA_ALIASES[code] ?? [])]) {
      const folded = fold(text);
      if (seen.has(folded)) continue;
      seen.add(folded);
      aliases.push({ text, folded });
    }
    const folded = fold(name);
    return { code, name, folded, words: folded.split(' '), aliases };
  })
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

export interface CountryMatch {
  code: string;
  /** The other name the match came through ("UK" for GB), to show as "UK → United Kingdom". */
  alias?: string;
}

/**
 * The countries matching `query`, best first: the exact code ("fr"), then an exact name or alias
 * ("uk", "Holland"), then names starting with it, aliases starting with it, names with a word
 * starting with it, and last names or aliases containing it; by name within each rank. An exact
 * match first is what lets Enter take it.
 */
export function searchCountries(query: string): CountryMatch[] {
  const q = fold(query);
  if (q === '') return SEARCH_INDEX.map(({ code }) => ({ code }));
  const ranked: { rank: number; match: CountryMatch }[] = [];
  for (const entry of SEARCH_INDEX) {
    const alias = (test: (folded: string) => boolean) =>
      entry.aliases.find((a) => test(a.folded))?.text;
    let rank: number | undefined;
    let via: string | undefined;
    if (q === entry.code.toLowerCase()) rank = 0;
    else if (q === entry.folded) rank = 1;
    else if ((via = alias((a) => a === q)) !== undefined) rank = 1;
    else if (entry.folded.startsWith(q)) rank = 2;
    else if ((via = alias((a) => a.startsWith(q))) !== undefined) rank = 3;
    else if (entry.words.some((w) => w.startsWith(q))) rank = 4;
    else if (entry.folded.includes(q)) rank = 5;
    else if ((via = alias((a) => a.includes(q))) !== undefined) rank = 5;
    if (rank !== undefined)
      ranked.push({ rank, match: via ? { code: entry.code, alias: via } : { code: entry.code } });
  }
  // Array#sort is stable: the name order of the index holds within a rank.
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.match);
}

/**
 * The code an entry names exactly: a code in any case ("fr"), an official name or an alias
 * ("UK", "Holland"); undefined when it names none. For pasted lists, where nothing is picked.
 */
export function resolveCountry(entry: string): string | undefined {
  const q = fold(entry);
  if (q === '') return undefined;
  const code = entry.trim().toUpperCase();
  if (isCountryCode(code)) return code;
  return SEARCH_INDEX.find((e) => e.folded === q || e.aliases.some((a) => a.folded === q))?.code;
}
