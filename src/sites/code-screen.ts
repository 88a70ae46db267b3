import type { CodeFormat } from '../vault/formats/format';
import type { CodeScreen } from './types';

/** The codes one screen shows, normalised by the site's format, each once, in order; at most `limit`. */
function codesIn(texts: readonly string[], format: CodeFormat, limit: number): string[] {
  const codes: string[] = [];
  for (const text of texts) for (const c of format.findAll(text)) if (!codes.includes(c)) codes.push(c);
  return codes.slice(0, limit);
}

/**
 * A screen of codes from the elements a site shows them in: the codes (at most `perScreen`), the
 * first element that holds one as the anchor, and the account's name when the page gives it.
 */
export function codeScreenIn(
  found: { items: readonly { el: Element; text: string }[]; container: Element | null },
  format: CodeFormat,
  perScreen: number,
  handle: string | undefined,
): CodeScreen | null {
  const codes = codesIn(
    found.items.map((i) => i.text),
    format,
    perScreen,
  );
  const anchor = found.items.find((i) => format.findAll(i.text).length > 0)?.el;
  if (!anchor || codes.length === 0) return null;
  const screen: CodeScreen = { codes, anchor, container: found.container ?? anchor };
  if (handle) screen.handle = handle;
  return screen;
}
