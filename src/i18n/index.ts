// Every string a person sees goes through browser.i18n, so public/_locales/en/messages.json is the
// whole English text and another locale is one more folder. One typed lookup for every context
// that shows text (popup, background, page runtime): keys and placeholder names are typed from
// that file, so a misspelt key or a missing or unknown placeholder fails the type check.
// Placeholders are passed by name; messages.json numbers them ($1, $2, …) in alphabetical order
// of their names, which is the order msg() hands the values to the browser.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

type Messages = typeof en;
export type MessageKey = keyof Messages;
type PlaceholderName<K extends MessageKey> = Messages[K] extends { placeholders: infer P } ? keyof P & string : never;
export type MessageArgs<K extends MessageKey> = [PlaceholderName<K>] extends [never]
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

export function msg<K extends MessageKey>(key: K, ...args: MessageArgs<K>): Localized {
  const values = args[0] as Record<string, string | number> | undefined;
  const substitutions = values
    ? Object.keys(values)
        .sort()
        .map((name) => String(values[name]))
    : [];
  return browser.i18n.getMessage(key, substitutions) as Localized;
}
