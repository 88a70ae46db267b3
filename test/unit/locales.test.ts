// Every locale in public/_locales against English: every key, the same placeholders, one form per
// plural category of its language, nothing left in English without a reason (locale-allowlist.ts).
// The checks also run on made-up locales, so they are seen to fail while English is the only one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './i18n-en';
import { ALLOWED_AS_ENGLISH } from './locale-allowlist';
import {
  checkLocale,
  englishOf,
  expectedKeys,
  missingKeys,
  placeholderMismatches,
  pluralCategories,
  unexpectedKeys,
  untranslated,
  wrongOwnName,
  type Messages,
} from './locale-check';
import { toTag } from '../../src/i18n/locale';

const ROOT = path.resolve('public/_locales');
const LOCALES = readdirSync(ROOT).sort();
const read = (locale: string) => JSON.parse(readFileSync(path.join(ROOT, locale, 'messages.json'), 'utf8')) as Messages;

/** A made-up translation with every key its language needs, each message marked as translated. */
function translated(locale: string): Messages {
  const out: Messages = {};
  for (const key of expectedKeys(MESSAGES, locale)) {
    const en = englishOf(key, MESSAGES)!;
    out[key] = { ...en, message: key === 'messagesLocale' ? locale : `«${locale}» ${en.message}` };
  }
  return out;
}

function without(messages: Messages, key: string): Messages {
  const { [key]: _gone, ...rest } = messages;
  return rest;
}

describe('the locales in public/_locales', () => {
  it('are folders both browsers accept, English among them (the default locale)', () => {
    expect(LOCALES).toContain('en');
    for (const locale of LOCALES) {
      expect(locale, locale).toMatch(/^[a-z]{2,3}(_[A-Z]{2})?$/);
      expect(toTag(locale), locale).not.toBeNull();
    }
  });

  it('each have every key, English\'s placeholders, their language\'s plural forms and no untranslated message', () => {
    const problems = LOCALES.filter((l) => l !== 'en').flatMap((l) => checkLocale(MESSAGES, l, read(l), ALLOWED_AS_ENGLISH));
    expect(problems).toEqual([]);
  });

  it('hold English itself to the same keys, placeholders and plural forms (one, other)', () => {
    const en = read('en');
    expect([...missingKeys(MESSAGES, 'en', en), ...unexpectedKeys(MESSAGES, 'en', en), ...placeholderMismatches(MESSAGES, 'en', en), ...wrongOwnName('en', en)]).toEqual([]);
    expect(pluralCategories('en')).toEqual(['one', 'other']);
  });

  it('allow English only for keys English has, each with its reason', () => {
    for (const [key, reasons] of Object.entries(ALLOWED_AS_ENGLISH)) {
      expect(key in MESSAGES || `${key}_other` in MESSAGES, key).toBe(true);
      for (const [locale, reason] of Object.entries(reasons)) {
        expect(locale === '*' || LOCALES.includes(locale), `${key}: ${locale}`).toBe(true);
        expect(reason.trim(), `${key}: ${locale}`).not.toBe('');
      }
    }
  });
});

describe('the locale check, on made-up locales', () => {
  it('passes a complete translation in any language, whatever its plural forms', () => {
    for (const locale of ['de', 'pl', 'ru', 'ar', 'ja', 'pt_BR', 'zh_TW']) {
      expect(checkLocale(MESSAGES, locale, translated(locale), ALLOWED_AS_ENGLISH), locale).toEqual([]);
    }
    // Polish counts in four forms, Arabic in six, Japanese in one.
    expect(Object.keys(translated('pl')).filter((k) => k.startsWith('saveCodes_')).sort()).toEqual(
      ['saveCodes_few', 'saveCodes_many', 'saveCodes_one', 'saveCodes_other'],
    );
    expect(Object.keys(translated('ar')).filter((k) => k.startsWith('saveCodes_'))).toHaveLength(6);
    expect(Object.keys(translated('ja')).filter((k) => k.startsWith('saveCodes_'))).toEqual(['saveCodes_other']);
  });

  it('names a missing key and what to translate', () => {
    expect(checkLocale(MESSAGES, 'de', without(translated('de'), 'lockAction'), ALLOWED_AS_ENGLISH)).toEqual([
      'de lacks lockAction: add it to public/_locales/de/messages.json, translating "Lock".',
    ]);
  });

  it('names a plural form the language needs: Polish without "few"', () => {
    const problems = checkLocale(MESSAGES, 'pl', without(translated('pl'), 'saveCodes_few'), ALLOWED_AS_ENGLISH);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^pl lacks saveCodes_few \(pl's plural categories are .*few.*; write "saveCodes" once for each\)/);
  });

  it('names a plural form the language doesn\'t have, and a key English doesn\'t', () => {
    const ja = { ...translated('ja'), saveCodes_one: { ...MESSAGES.saveCodes_one!, message: '«ja» 1' }, lockActoin: { message: 'ロック' } };
    const problems = checkLocale(MESSAGES, 'ja', ja, ALLOWED_AS_ENGLISH);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^ja has saveCodes_one, a plural form its language doesn't have \(its categories: other\)/);
    expect(problems[1]).toMatch(/^ja has lockActoin, which English doesn't/);
  });

  it('names placeholders that differ from English: renamed, renumbered, unknown or left out', () => {
    const de = translated('de');
    const renamed = { ...de, leftOf_other: { message: 'Noch $LEFT$ von $TOTAL$', placeholders: { left: { content: '$1' }, total: { content: '$2' } } } };
    expect(placeholderMismatches(MESSAGES, 'de', renamed)).toEqual([
      `de's leftOf_other declares placeholders [["left",{"content":"$1"}],["total",{"content":"$2"}]], English [["count",{"content":"$1"}],["total",{"content":"$2"}]]: copy English's "placeholders" into public/_locales/de/messages.json.`,
    ]);
    const renumbered = { ...de, leftOf_other: { ...de.leftOf_other!, placeholders: { count: { content: '$2' }, total: { content: '$1' } } } };
    expect(placeholderMismatches(MESSAGES, 'de', renumbered)).toHaveLength(1);
    const unknown = { ...de, lockAction: { message: 'Sperren $SITE$' } };
    expect(placeholderMismatches(MESSAGES, 'de', unknown)).toEqual([
      `de's lockAction uses $SITE$, which English doesn't: use English's placeholders ("Lock").`,
    ]);
    const leftOut = { ...de, leftOf_other: { ...de.leftOf_other!, message: 'Noch $COUNT$ übrig' } };
    expect(placeholderMismatches(MESSAGES, 'de', leftOut)).toEqual([
      `de's leftOf_other leaves out $TOTAL$: put it where it belongs in the sentence ("$COUNT$ of $TOTAL$ left").`,
    ]);
  });

  it('lets a plural form other than "other" leave its count unsaid, as Arabic\'s one and two do', () => {
    const ar = translated('ar');
    const one = { ...ar, saveCodes_one: { ...ar.saveCodes_one!, message: 'احفظ رمزًا واحدًا' }, saveCodes_two: { ...ar.saveCodes_two!, message: 'احفظ رمزين' } };
    expect(placeholderMismatches(MESSAGES, 'ar', one)).toEqual([]);
    const other = { ...ar, saveCodes_other: { ...ar.saveCodes_other!, message: 'احفظ الرموز' } };
    expect(placeholderMismatches(MESSAGES, 'ar', other)).toHaveLength(1);
  });

  it('names a message left in English, unless the allowlist says why or it has no words', () => {
    const de = { ...translated('de'), unlockAction: MESSAGES.unlockAction!, saveCodes_other: MESSAGES.saveCodes_other! };
    expect(untranslated(MESSAGES, 'de', de, ALLOWED_AS_ENGLISH)).toEqual([
      `de's unlockAction is still English ("Unlock"): translate it, or say why it may stay in the allowlist (test/unit/locale-allowlist.ts).`,
      `de's saveCodes_other is still English ("Save $COUNT$ codes"): translate it, or say why it may stay in the allowlist (test/unit/locale-allowlist.ts).`,
    ]);
    const allowed = { ...translated('de'), appName: MESSAGES.appName!, minutes_other: MESSAGES.minutes_other!, codeNumber: MESSAGES.codeNumber! };
    expect(untranslated(MESSAGES, 'de', allowed, ALLOWED_AS_ENGLISH)).toEqual([]);
    // An allowance for one locale is not one for another.
    expect(untranslated(MESSAGES, 'fr', { unlockAction: MESSAGES.unlockAction! }, { unlockAction: { de: 'reason' } })).toHaveLength(1);
    expect(untranslated(MESSAGES, 'de', { unlockAction: MESSAGES.unlockAction! }, { unlockAction: { de: 'reason' } })).toEqual([]);
  });

  it('names a messagesLocale that isn\'t the folder\'s own name', () => {
    const pl = { ...translated('pl'), messagesLocale: { message: 'en' } };
    expect(checkLocale(MESSAGES, 'pl', pl, ALLOWED_AS_ENGLISH)).toEqual([
      `pl's messagesLocale is "en": write "pl", the folder's name (msg() picks plural rules by it).`,
    ]);
  });
});
