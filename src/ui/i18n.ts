// The popup's text: the shared typed lookup (src/i18n) under its short name, and dates in the
// person's own locale.
import { msg, type PlainKey } from '../i18n';
import type { FormatId } from '../vault/formats';
import type { ImportId } from '../vault/import/index';

export type { MessageKey } from '../i18n';
export const t = msg;

// src/vault stays free of browser APIs and names formats and import kinds by id; the popup words
// them here. A new id is a type error until it has its message.
const FORMAT_NAMES: Record<FormatId, PlainKey> = {
  x: 'formatX',
  github: 'formatGithub',
  google: 'formatGoogle',
  gitlab: 'formatGitlab',
  discord: 'formatDiscord',
  proton: 'formatProton',
  generic: 'formatGeneric',
};

const IMPORT_KINDS: Record<ImportId, PlainKey> = {
  github: 'importKindGithub',
  google: 'importKindGoogle',
  gitlab: 'importKindGitlab',
  discord: 'importKindDiscord',
  proton: 'importKindProton',
  plain: 'importKindPlain',
};

/** A code format, singular ("X backup code"), to quote inside a sentence. */
export function formatName(id: FormatId): string {
  return msg(FORMAT_NAMES[id]);
}

/** What an imported file holds, plural ("GitHub recovery codes"). */
export function importKindName(id: ImportId): string {
  return msg(IMPORT_KINDS[id]);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp in the person's own locale and time zone. */
export function formatDate(ms: number): string {
  return dateTime.format(new Date(ms));
}
