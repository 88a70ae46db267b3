// Every string a person sees goes through browser.i18n, so public/_locales/en/messages.json is the
// whole English text and another locale is one more folder. One typed lookup for every context
// that shows text (popup, background, page runtime): keys and placeholder names are typed from
// that file, so a misspelt key or a missing or unknown placeholder fails the type check.
// Placeholders are passed by name; messages.json numbers them ($1, $2, …) in alphabetical order
// of their names, which is the order msg() hands the values to the browser.
//
// Names and other strings put into a right-to-left message are isolated (see isolate()).
//
// Counts: browser.i18n has no plural forms, so a message that counts something is stored once per
// plural category (`saveCodes_one`, `saveCodes_other`; Polish adds `_few` and `_many`, Arabic
// `_zero`, `_two`, …) and asked for by its base name with a `count`: msg('saveCodes', { count })
// picks the form Intl.PluralRules names for the messages' language, `_other` when the locale has
// no such form. `count` is the placeholder that picks the form, and only plural messages have one
// (test/unit/i18n.test.ts), so a plural message can't be asked for without its count, nor a form
// by its own key. Numbers are written with Intl.NumberFormat in the person's language.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import { formatNumber, pickLocales, pluralCategory, textDirection, type PluralCategory } from './locale';

type Messages = typeof en;
type StoredKey = keyof Messages & string;
/** A message stored in plural forms, by its base name: `saveCodes` for `saveCodes_one`, `saveCodes_other`. */
export type PluralKey = StoredKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
/** What msg() takes: plain messages by their key, plural ones by their base name (never a form's key). */
export type MessageKey = Exclude<StoredKey, `${PluralKey}_${PluralCategory}`> | PluralKey;
type Stored<K extends MessageKey> = K extends PluralKey ? Messages[`${K}_other`] : K extends StoredKey ? Messages[K] : never;
type PlaceholderName<K extends MessageKey> = Stored<K> extends { placeholders: infer P } ? keyof P & string : never;
export type MessageArgs<K extends MessageKey> = K extends PluralKey
  ? [Record<Exclude<PlaceholderName<K>, 'count'>, string | number> & { count: number }]
  : [PlaceholderName<K>] extends [never]
    ? []
    : [Record<PlaceholderName<K>, string | number>];
/** A message with no placeholders. */
export type PlainKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];

declare const LOCALIZED: unique symbol;
/**
 * A string that came out of messages.json. Anything that must be person-facing text (a Refusal's
 * message, say) takes this type, so a bare English literal there fails the type check.
 */
export type Localized = string & { readonly [LOCALIZED]: true };

// The browser's language is fixed for a document's life, and asking it is a native call (about
// 10 µs: 3 ms of the popup's first render with 100 accounts). Kept per pair of i18n functions, so a
// test that stands in other ones (vi.spyOn) is asked afresh.
let chosen:
  | { getMessage: typeof browser.i18n.getMessage; getUILanguage: typeof browser.i18n.getUILanguage; locales: { grammar: string; format: string } }
  | undefined;

/** The locales the words are in: `grammar` for plural forms, `format` for numbers, dates and lists. */
export function locales(): { grammar: string; format: string } {
  const { getMessage, getUILanguage } = browser.i18n;
  if (chosen?.getMessage !== getMessage || chosen.getUILanguage !== getUILanguage)
    chosen = { getMessage, getUILanguage, locales: pickLocales(lookup('messagesLocale'), browser.i18n.getUILanguage()) };
  return chosen.locales;
}

/** The language and direction of the words msg() returns: `lang` and `dir` of what shows them. */
export function textLanguage(): { lang: string; dir: 'ltr' | 'rtl' } {
  const { grammar } = locales();
  return { lang: grammar, dir: textDirection(grammar) };
}

// browser.i18n types its keys from messages.json as stored; msg() also asks for plural forms by
// names it builds. A document's messages never change, and getMessage is a native call: a popup
// drawing 100 accounts asked it 138 times for the same few sentences (14 now; about 2 ms of script
// in Chromium), so each answer is kept, per getMessage function: a test's spy on it is asked afresh.
type StoredName = Parameters<typeof browser.i18n.getMessage>[0];
const MAX_KEPT = 2_000;
let kept: { getMessage: typeof browser.i18n.getMessage; answers: Map<string, string> } | undefined;
function lookup(name: string, substitutions?: string[]): string {
  const i18n = browser.i18n;
  if (kept?.getMessage !== i18n.getMessage) kept = { getMessage: i18n.getMessage, answers: new Map() };
  const id = substitutions ? JSON.stringify([name, substitutions]) : name;
  let answer = kept.answers.get(id);
  if (answer === undefined) {
    answer = i18n.getMessage(name as StoredName, substitutions);
    // The background lives long and words many names: what it keeps stays bounded.
    if (kept.answers.size >= MAX_KEPT) kept.answers.clear();
    kept.answers.set(id, answer);
  }
  return answer;
}

/**
 * A name put into right-to-left text keeps its own direction: "@alice" inside an Arabic sentence
 * would otherwise show as "alice@" (the @ is neutral and takes the sentence's side). Unicode's
 * first-strong isolate (U+2068 … U+2069) is invisible and does what <bdi> does in markup.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

export function msg<K extends MessageKey>(key: K, ...args: MessageArgs<K>): Localized {
  const values = args[0] as Record<string, string | number> | undefined;
  if (!values) return lookup(key) as Localized;
  const { grammar, format } = locales();
  const rtl = textDirection(grammar) === 'rtl';
  const substitutions = Object.keys(values)
    .sort()
    .map((name) => {
      const value = values[name]!;
      return typeof value === 'number' ? formatNumber(format, value) : rtl ? isolate(value) : value;
    });
  const count = values.count;
  if (typeof count !== 'number') return lookup(key, substitutions) as Localized;
  const form = `${key}_${pluralCategory(grammar, count)}`;
  return (lookup(form, substitutions) || lookup(`${key}_other`, substitutions)) as Localized;
}
