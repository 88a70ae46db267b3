// Every string the popup shows goes through browser.i18n, so public/_locales/en/messages.json is
// the whole English text and another locale is one more folder. The key type comes from that file:
// a misspelt key fails the type check, and test/unit/ui/i18n.test.ts fails on an unused one.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return browser.i18n.getMessage(key, substitutions.map(String));
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp in the person's own locale and time zone. */
export function formatDate(ms: number): string {
  return dateTime.format(new Date(ms));
}
