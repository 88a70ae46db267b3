// Sparekey's words in one of its languages, for tests that drive the UI by accessible name in that
// language: read from the shipped public/_locales/<folder>/messages.json and put together the way
// msg() does (src/i18n/index.ts): placeholders by name in alphabetical order (strings isolated in
// right-to-left languages), the plural form
// Intl.PluralRules picks for the count, numbers in the language's digits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatNumber, pluralCategory, textDirection, toTag } from '../../src/i18n/locale';
import { REPO_ROOT } from './harness/config';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

export type Words = (key: string, values?: Record<string, string | number>) => string;

export function wordsIn(folder: string): Words {
  const file = path.join(REPO_ROOT, 'public', '_locales', folder, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
  const tag = toTag(folder) ?? folder;
  const lookup = (key: string, subs: string[]) => {
    const entry = messages[key];
    if (!entry) return undefined;
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
      .replace(/\$\$/g, '$');
  };
  return (key, values = {}) => {
    const subs = Object.keys(values)
      .sort()
      .map((name) => {
        const v = values[name]!;
        // Strings in right-to-left text come isolated (U+2068 … U+2069), as msg() puts them.
        return typeof v === 'number' ? formatNumber(tag, v) : textDirection(tag) === 'rtl' ? `\u2068${v}\u2069` : v;
      });
    const count = values.count;
    const text =
      typeof count === 'number'
        ? (lookup(`${key}_${pluralCategory(tag, count)}`, subs) ?? lookup(`${key}_other`, subs))
        : lookup(key, subs);
    if (text === undefined) throw new Error(`${folder}/messages.json has no message ${key}`);
    return text;
  };
}
