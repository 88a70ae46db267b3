// Every string the popup shows goes through browser.i18n, so public/_locales/en/messages.json is
// the whole English text and another locale is one more folder. Keys and placeholder names are
// typed from that file: a misspelt key, a missing or unknown placeholder fails the type check.
// Placeholders are passed by name; messages.json numbers them ($1, $2, …) in alphabetical order
// of their names, which is the order t() hands the values to the browser.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

type Messages = typeof en;
export type MessageKey = keyof Messages;
type PlaceholderName<K extends MessageKey> = Messages[K] extends { placeholders: infer P } ? keyof P & string : never;
type Args<K extends MessageKey> = [PlaceholderName<K>] extends [never] ? [] : [Record<PlaceholderName<K>, string | number>];

export function t<K extends MessageKey>(key: K, ...args: Args<K>): string {
  const values = args[0] as Record<string, string | number> | undefined;
  const substitutions = values
    ? Object.keys(values)
        .sort()
        .map((name) => String(values[name]))
    : [];
  return browser.i18n.getMessage(key, substitutions);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp in the person's own locale and time zone. */
export function formatDate(ms: number): string {
  return dateTime.format(new Date(ms));
}
