// msg() with counts: the plural form the messages' language needs, numbers and dates written the
// way that language writes them. English from the shipped messages.json; other languages from
// made-up tables standing in for browser.i18n.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { msg, textLanguage } from '../../src/i18n';
import { pickLocales, textDirection } from '../../src/i18n/locale';
import { formatDate } from '../../src/ui/i18n';
import { getMessage } from './i18n-en';

afterEach(() => vi.restoreAllMocks());

/** browser.i18n in a language whose messages are `table` ($1 stands for the count). */
function speak(uiLanguage: string, table: Record<string, string>) {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(uiLanguage);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) =>
    (table[key] ?? '').replace(/\$(\d)/g, (_, n: string) => [subs ?? []].flat()[Number(n) - 1] ?? ''),
  );
}

const POLISH = {
  messagesLocale: 'pl',
  saveCodes_one: 'Zapisz $1 kod',
  saveCodes_few: 'Zapisz $1 kody',
  saveCodes_many: 'Zapisz $1 kodów',
  saveCodes_other: 'Zapisz $1 kodu',
};

describe('msg() with a count', () => {
  it('says one code and many codes in English', () => {
    expect(msg('saveCodes', { count: 1 })).toBe('Save 1 code');
    expect(msg('saveCodes', { count: 2 })).toBe('Save 2 codes');
    expect(msg('saveCodes', { count: 0 })).toBe('Save 0 codes');
    expect(msg('leftOf', { count: 1, total: 10 })).toBe('1 of 10 left');
    expect(msg('importDetected', { count: 1, kind: 'X backup codes' })).toBe('X backup codes: 1 code found.');
  });

  it('keeps the other placeholders in their places around the count', () => {
    expect(msg('copiedClears', { seq: 3, count: 30 })).toBe('Code #3 copied. The clipboard clears in 30 s.');
    expect(msg('inlineSaveManyFor', { account: '@alice', count: 4 })).toBe('Save these 4 backup codes for @alice to Sparekey?');
    // English's one form leaves the number unsaid; the values still line up.
    expect(msg('inlineSaveManyFor', { account: '@alice', count: 1 })).toBe('Save this backup code for @alice to Sparekey?');
  });

  it('picks each of Polish\'s forms, by the plural rules of the messages\' language', () => {
    speak('pl', POLISH);
    expect([1, 2, 4, 5, 12, 22, 25, 1.5].map((count) => msg('saveCodes', { count }))).toEqual([
      'Zapisz 1 kod',
      'Zapisz 2 kody',
      'Zapisz 4 kody',
      'Zapisz 5 kodów',
      'Zapisz 12 kodów',
      'Zapisz 22 kody',
      'Zapisz 25 kodów',
      'Zapisz 1,5 kodu',
    ]);
  });

  it('falls back to the "other" form when a locale lacks the form its rules pick', () => {
    const { saveCodes_few: _few, ...lacking } = POLISH;
    speak('pl', lacking);
    expect(msg('saveCodes', { count: 3 })).toBe('Zapisz 3 kodu');
  });

  it('counts in English in a browser whose language Sparekey has no words for: English text, English plurals', () => {
    // A Polish browser gets the English messages (the default locale); Polish rules would call 22 "few".
    speak('pl', { messagesLocale: 'en', saveCodes_one: 'Save $1 code', saveCodes_other: 'Save $1 codes' });
    expect(msg('saveCodes', { count: 22 })).toBe('Save 22 codes');
    expect(msg('saveCodes', { count: 1 })).toBe('Save 1 code');
  });

  it('writes numbers as the language does', () => {
    expect(msg('saveCodes', { count: 1234 })).toBe('Save 1,234 codes');
    speak('pl', POLISH);
    expect(msg('saveCodes', { count: 12345 })).toBe(`Zapisz ${new Intl.NumberFormat('pl').format(12345)} kodów`);
    speak('ar', { messagesLocale: 'ar', saveCodes_few: 'احفظ $1 رموز', saveCodes_other: 'احفظ $1 رمز' });
    expect(msg('saveCodes', { count: 3 })).toBe(`احفظ ${new Intl.NumberFormat('ar').format(3)} رموز`);
  });

  it('isolates a name put into right-to-left text, so "@alice" keeps its @ in front; left-to-right text is untouched', () => {
    expect(msg('inlineSavedFor', { account: '@alice' })).toBe('Saved to Sparekey for @alice.');
    speak('ar', { messagesLocale: 'ar', inlineSavedFor: 'تم الحفظ في Sparekey للحساب $1.', saveCodes_few: 'احفظ $1 رموز' });
    expect(msg('inlineSavedFor', { account: '@alice' })).toBe('تم الحفظ في Sparekey للحساب \u2068@alice\u2069.');
    // Numbers are the language's own: not isolated.
    expect(msg('saveCodes', { count: 3 })).toBe(`احفظ ${new Intl.NumberFormat('ar').format(3)} رموز`);
  });

  it('needs its count: a plural message by its base name only, with a number', () => {
    expect(() => {
      // @ts-expect-error: a plural message without its count
      msg('saveCodes');
      // @ts-expect-error: the count must be a number, to pick the form by
      msg('saveCodes', { count: '2' });
      // @ts-expect-error: a form is never asked for by its own key
      msg('saveCodes_one', { count: 1 });
      // @ts-expect-error: the other placeholders still must all be there
      msg('leftOf', { count: 1 });
    }).not.toThrow();
  });
});

describe('asking the browser for words', () => {
  it('asks once for a sentence already said, and again for other values', () => {
    const ask = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage);
    msg('leftOf', { count: 3, total: 5 });
    const once = ask.mock.calls.length;
    expect(msg('leftOf', { count: 3, total: 5 })).toBe('3 of 5 left');
    expect(ask.mock.calls.length).toBe(once);
    expect(msg('leftOf', { count: 2, total: 5 })).toBe('2 of 5 left');
    expect(ask.mock.calls.length).toBeGreaterThan(once);
  });

  it('asks a different getMessage afresh (a test standing in other words)', () => {
    expect(msg('appName')).toBe('Sparekey');
    speak('xx', { appName: 'Ersatzschlüssel' });
    expect(msg('appName')).toBe('Ersatzschlüssel');
  });
});

describe('the locales for plural rules and for formats', () => {
  it('takes the plural rules from the messages and the formats from the UI language when it is the same language', () => {
    expect(pickLocales('en', 'en-GB')).toEqual({ grammar: 'en', format: 'en-GB' });
    expect(pickLocales('pt_BR', 'pt-PT')).toEqual({ grammar: 'pt-BR', format: 'pt-PT' });
    expect(pickLocales('en', 'pl')).toEqual({ grammar: 'en', format: 'en' });
    expect(pickLocales('zh_TW', 'zh-TW')).toEqual({ grammar: 'zh-TW', format: 'zh-TW' });
  });

  it('falls back to the UI language, then English, when the messages don\'t name their locale', () => {
    expect(pickLocales('', 'de')).toEqual({ grammar: 'de', format: 'de' });
    expect(pickLocales('«messagesLocale»', 'not a language!')).toEqual({ grammar: 'en', format: 'en' });
  });

  it('writes the popup\'s dates in the language of its text, the UI language\'s variant of it', () => {
    const when = Date.UTC(2026, 11, 7, 15, 30);
    const style = { dateStyle: 'medium', timeStyle: 'short' } as const;
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    expect(formatDate(when)).toBe(new Intl.DateTimeFormat('en-GB', style).format(when));
    speak('de', { messagesLocale: 'de' });
    expect(formatDate(when)).toBe(new Intl.DateTimeFormat('de', style).format(when));
    // English text in a German browser: an English date, not "7. Dez."
    speak('de', { messagesLocale: 'en' });
    expect(formatDate(when)).toBe(new Intl.DateTimeFormat('en', style).format(when));
    expect(getMessage('messagesLocale')).toBe('en');
  });
});

describe('the language and direction of the text', () => {
  it('follows the messages: right to left for Arabic, left to right for English text in a Hebrew browser', () => {
    expect(textLanguage()).toEqual({ lang: 'en', dir: 'ltr' });
    speak('ar', { messagesLocale: 'ar' });
    expect(textLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
    speak('he', { messagesLocale: 'en' });
    expect(textLanguage()).toEqual({ lang: 'en', dir: 'ltr' });
    expect(['fa', 'ur', 'he-IL'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl']);
    expect(['de', 'ja', 'zh-TW'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr']);
  });
});
