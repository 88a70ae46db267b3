// GitHub adapter, step 2 of 2: decisions over the plain records collect.ts gathered.
import type { CodeFormat } from '../../vault/formats/format';

/** GitHub logins: 1–39 letters, digits or single hyphens, not starting or ending with one. */
export function loginFrom(text: string): string | undefined {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(text) ? text : undefined;
}

/** The codes one screen shows, normalised, each once, in order; at most `limit`. */
export function codesIn(texts: readonly string[], format: CodeFormat, limit: number): string[] {
  const codes: string[] = [];
  for (const text of texts) for (const c of format.findAll(text)) if (!codes.includes(c)) codes.push(c);
  return codes.slice(0, limit);
}

/** A path inside the site (no scheme, no "//host"), or undefined. */
export function localPath(value: string | null): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return undefined;
  try {
    return new URL(value, 'https://github.invalid').pathname;
  } catch {
    return undefined;
  }
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
