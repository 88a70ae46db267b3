// Mozilla account adapter, step 2 of 2: decisions over the plain records collect.ts gathered.
import type { CodeFormat } from '../../vault/formats/format';
import { mozillaEmailFromFileName } from './import';

/** The codes one screen shows, normalised, each once, in order; at most `limit`. */
export function codesIn(texts: readonly string[], format: CodeFormat, limit: number): string[] {
  const codes: string[] = [];
  for (const text of texts) for (const c of format.findAll(text)) if (!codes.includes(c)) codes.push(c);
  return codes.slice(0, limit);
}

/** The account's e-mail address from the Download link's file name, when it looks like one. */
export function emailFrom(downloadName: string): string | undefined {
  const email = mozillaEmailFromFileName(downloadName);
  return email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}

/** Whether an alert is new since the baseline (a new element, or the same one with new words). */
export function newAlerts(baseline: ReadonlyMap<Element, string>, now: ReadonlyMap<Element, string>): string[] {
  const fresh: string[] = [];
  for (const [el, text] of now) if (text && baseline.get(el) !== text) fresh.push(text);
  return fresh;
}

export function samePath(a: string, b: string): boolean {
  const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  return strip(a) === strip(b);
}
