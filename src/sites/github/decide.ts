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



