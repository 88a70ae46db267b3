import type { CodeFormat } from '../vault/formats/format';

/** The codes one screen shows, normalised by the site's format, each once, in order; at most `limit`. */
export function codesIn(texts: readonly string[], format: CodeFormat, limit: number): string[] {
  const codes: string[] = [];
  for (const text of texts) for (const c of format.findAll(text)) if (!codes.includes(c)) codes.push(c);
  return codes.slice(0, limit);
}
