// The checks every locale folder must pass (public/_locales/<locale>/messages.json against the
// English one): every key, the same placeholders, a form for each plural category the language
// has, and no message left in English unless the allowlist says why. Each problem is a sentence
// that says the fix. Pure functions of the parsed files, so the test can also feed them made-up
// locales and see each check fail.
import { PLURAL_CATEGORIES, toTag, type PluralCategory } from '../../src/i18n/locale';

export type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
export type Messages = Record<string, Entry>;
/** Messages that may read as in English, by key (a plural message by its base), then locale or '*', with the reason. */
export type Allowlist = Record<string, Record<string, string>>;

const FORM = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);

/** `saveCodes` for `saveCodes_one` when English stores saveCodes_other; null for a plain key. */
export function pluralBase(key: string, english: Messages): string | null {
  const base = FORM.exec(key)?.[1];
  return base && `${base}_other` in english ? base : null;
}

/** The plural categories a locale's language has (Polish: one, few, many, other). */
export function pluralCategories(locale: string): PluralCategory[] {
  return new Intl.PluralRules(toTag(locale) ?? locale).resolvedOptions().pluralCategories as PluralCategory[];
}

/** The keys a locale must have: English's plain keys, and each plural message in its language's forms. */
export function expectedKeys(english: Messages, locale: string): string[] {
  const categories = pluralCategories(locale);
  const keys = new Set<string>();
  for (const key of Object.keys(english)) {
    const base = pluralBase(key, english);
    if (!base) keys.add(key);
    else for (const c of categories) keys.add(`${base}_${c}`);
  }
  return [...keys];
}

/** The English message a locale's key translates: the same key, or for a plural form English lacks, English's `other`. */
export function englishOf(key: string, english: Messages): Entry | undefined {
  const base = pluralBase(key, english);
  return english[key] ?? (base ? english[`${base}_other`] : undefined);
}

const file = (locale: string) => `public/_locales/${locale}/messages.json`;

export function missingKeys(english: Messages, locale: string, messages: Messages): string[] {
  const categories = pluralCategories(locale).join(', ');
  return expectedKeys(english, locale)
    .filter((key) => !(key in messages))
    .map((key) => {
      const base = pluralBase(key, english);
      const why = base ? ` (${locale}'s plural categories are ${categories}; write "${base}" once for each)` : '';
      return `${locale} lacks ${key}${why}: add it to ${file(locale)}, translating "${englishOf(key, english)!.message}".`;
    });
}

export function unexpectedKeys(english: Messages, locale: string, messages: Messages): string[] {
  const expected = new Set(expectedKeys(english, locale));
  return Object.keys(messages)
    .filter((key) => !expected.has(key))
    .map((key) =>
      pluralBase(key, english)
        ? `${locale} has ${key}, a plural form its language doesn't have (its categories: ${pluralCategories(locale).join(', ')}): remove it from ${file(locale)}.`
        : `${locale} has ${key}, which English doesn't: remove it from ${file(locale)} or rename it to the English key.`,
    );
}

const named = (message: string) => new Set([...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()));
const declared = (entry: Entry) =>
  JSON.stringify(Object.entries(entry.placeholders ?? {}).sort(([a], [b]) => a.localeCompare(b)));

export function placeholderMismatches(english: Messages, locale: string, messages: Messages): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(messages)) {
    const en = englishOf(key, english);
    if (!en) continue;
    if (declared(entry) !== declared(en)) {
      problems.push(`${locale}'s ${key} declares placeholders ${declared(entry)}, English ${declared(en)}: copy English's "placeholders" into ${file(locale)}.`);
      continue;
    }
    const used = named(entry.message);
    const names = Object.keys(en.placeholders ?? {});
    // A plural form other than `other` may leave its count unsaid (Arabic's "one" form names no number).
    const mayOmit = (name: string) => name === 'count' && pluralBase(key, english) !== null && !key.endsWith('_other');
    const unknown = [...used].filter((n) => !names.includes(n));
    const unused = names.filter((n) => !used.has(n) && !mayOmit(n));
    const say = (list: string[]) => list.map((n) => `$${n.toUpperCase()}$`).join(', ');
    if (unknown.length > 0) problems.push(`${locale}'s ${key} uses ${say(unknown)}, which English doesn't: use English's placeholders ("${en.message}").`);
    if (unused.length > 0) problems.push(`${locale}'s ${key} leaves out ${say(unused)}: put it where it belongs in the sentence ("${en.message}").`);
  }
  return problems;
}

/** True when a message has nothing to translate: placeholders, digits and punctuation only ("#$SEQ$"). */
const wordless = (message: string) => !/\p{L}/u.test(message.replace(/\$[A-Za-z0-9_]+\$/g, ''));

export function untranslated(english: Messages, locale: string, messages: Messages, allowed: Allowlist): string[] {
  return Object.entries(messages)
    .filter(([key, entry]) => {
      const en = englishOf(key, english);
      // messagesLocale is checked by wrongOwnName: it names a folder, it isn't text.
      if (!en || key === 'messagesLocale' || entry.message !== en.message || wordless(en.message)) return false;
      const reasons = allowed[pluralBase(key, english) ?? key];
      return !(reasons?.[locale] ?? reasons?.['*']);
    })
    .map(([key, entry]) => `${locale}'s ${key} is still English ("${entry.message}"): translate it, or say why it may stay in the allowlist (test/unit/locale-allowlist.ts).`);
}

/** The `messagesLocale` message names its own folder: msg() picks plural rules and formats by it. */
export function wrongOwnName(locale: string, messages: Messages): string[] {
  const name = messages.messagesLocale?.message;
  return name === undefined || name === locale
    ? []
    : [`${locale}'s messagesLocale is "${name}": write "${locale}", the folder's name (msg() picks plural rules by it).`];
}

/** Every problem with one locale, each a sentence that says the fix. */
export function checkLocale(english: Messages, locale: string, messages: Messages, allowed: Allowlist): string[] {
  return [
    ...missingKeys(english, locale, messages),
    ...unexpectedKeys(english, locale, messages),
    ...placeholderMismatches(english, locale, messages),
    ...untranslated(english, locale, messages, allowed),
    ...wrongOwnName(locale, messages),
  ];
}
