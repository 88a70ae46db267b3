// Which language the words are in, for the parts browser.i18n can't do: plural forms, numbers,
// dates and lists. The browser picks the messages' locale itself (the UI language if Sparekey has
// it, else English), so the plural rules follow the messages (the `messagesLocale` message names
// their folder), not the UI language: a Polish browser reading English text needs English plurals.
// Numbers and dates take the UI language when it is the same language (en-GB dates for English
// text in a British browser), the messages' locale otherwise. Intl is built into every context,
// so the page runtime carries no locale data.

/** Every plural category Intl.PluralRules knows, in the order CLDR lists them. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A BCP 47 tag for a locale folder's name or a UI language (pt_BR → pt-BR), or null if it is none. */
export function toTag(name: string): string | null {
  try {
    return Intl.getCanonicalLocales(name.replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

const language = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** The locales for plural rules (the text's grammar) and for numbers, dates and lists. */
export function pickLocales(messagesLocale: string, uiLanguage: string): { grammar: string; format: string } {
  const ui = toTag(uiLanguage);
  const grammar = toTag(messagesLocale) ?? ui ?? 'en';
  return { grammar, format: ui && language(ui) === language(grammar) ? ui : grammar };
}

// One formatter per locale: msg() runs for every line of text the popup draws.
const cache = new Map<string, Intl.PluralRules | Intl.NumberFormat>();
function cached<T extends Intl.PluralRules | Intl.NumberFormat>(key: string, make: () => T): T {
  let made = cache.get(key) as T | undefined;
  if (!made) cache.set(key, (made = make()));
  return made;
}

export function pluralCategory(locale: string, count: number): PluralCategory {
  return cached(`p:${locale}`, () => new Intl.PluralRules(locale)).select(count);
}

export function formatNumber(locale: string, n: number): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

// The scripts written right to left among the languages a browser may run in. @@bidi_dir follows
// the UI language, which is wrong when Sparekey has no words for it (English text in a Hebrew
// browser must still run left to right); this follows the messages.
const RIGHT_TO_LEFT = new Set(['ar', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The direction text in this locale runs: `dir` for the popup, the chip and the banner. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language(tag)) ? 'rtl' : 'ltr';
}
