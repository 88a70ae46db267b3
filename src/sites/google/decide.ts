// Google adapter, step 2 of 2: decisions over the plain records collect.ts gathered.
import type { CodeFormat } from '../../vault/formats/format';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The email in a text ("Google Account: Sam (sam@example.com)"), or undefined. */
export function emailIn(text: string): string | undefined {
  return EMAIL.exec(text)?.[0];
}

/** The codes one screen shows, normalised, each once, in order; at most `limit`. */
export function codesIn(texts: readonly string[], format: CodeFormat, limit: number): string[] {
  const codes: string[] = [];
  for (const text of texts) for (const c of format.findAll(text)) if (!codes.includes(c)) codes.push(c);
  return codes.slice(0, limit);
}

/** Whether an alert is new since the baseline (a new element, or the same one with new words). */
export function newAlerts(baseline: ReadonlyMap<Element, string>, now: ReadonlyMap<Element, string>): string[] {
  const fresh: string[] = [];
  for (const [el, text] of now) if (text && baseline.get(el) !== text) fresh.push(text);
  return fresh;
}

/**
 * The sign-in's continue URL, when it stays on accounts.google.com: its path, else undefined. A
 * continue elsewhere is judged by its origin (adapter.ts: myaccount.google.com is a success).
 */
export function localContinue(value: string | null, origin: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, origin);
    return url.origin === origin ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

export function samePath(a: string, b: string): boolean {
  const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  return strip(a) === strip(b);
}
