// The popup's text: the shared typed lookup (src/i18n) under its short name, and dates in the
// language of the text.
import { locales, msg } from '../i18n';
import { siteOfFormat, siteOfImport } from '../sites/index';

export type { MessageKey } from '../i18n';
export const t = msg;

// src/vault stays free of browser APIs and names formats and import kinds by id; each site lists
// the words for its own (src/sites/<id>/index.ts), and the popup says them here.

/** A code format, singular ("X backup code"), to quote inside a sentence. */
export function formatName(id: string): string {
  return msg(siteOfFormat(id)?.formatWords ?? 'formatGeneric');
}

/** What an imported file holds, plural ("GitHub recovery codes"). */
export function importKindName(id: string): string {
  return msg(siteOfImport(id)?.download?.words ?? 'importKindPlain');
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** A timestamp in the language of the text around it (the UI language's variant of it), in the person's time zone. */
export function formatDate(ms: number): string {
  const { format } = locales();
  let dateTime = dateTimes.get(format);
  if (!dateTime) dateTimes.set(format, (dateTime = new Intl.DateTimeFormat(format, { dateStyle: 'medium', timeStyle: 'short' })));
  return dateTime.format(new Date(ms));
}
