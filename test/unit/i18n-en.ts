// browser.i18n for unit tests, on the real English messages: every context's tests (popup,
// background, page runtime) read the text the extension ships, so a message that changes there
// changes what the tests expect.
import en from '../../public/_locales/en/messages.json';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
export const MESSAGES = en as Record<string, Entry>;

/** browser.i18n.getMessage as the browsers do it: $NAME$ → its placeholder's content → $n. */
export function getMessage(key: string, substitutions: string | string[] = []): string {
  const entry = MESSAGES[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
    .replace(/\$\$/g, '$');
}

export const i18n = { getMessage, getUILanguage: () => 'en' };
