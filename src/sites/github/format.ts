import type { CodeFormat } from '../../vault/formats/format';
import { unique } from '../../vault/formats/scan';

// GitHub recovery codes: two groups of five lowercase hex digits, `xxxxx-xxxxx`.
const VALUE = /^([0-9a-f]{5})-?([0-9a-f]{5})$/;
const IN_TEXT = /(?<![A-Za-z0-9-])([0-9A-Fa-f]{5})-([0-9A-Fa-f]{5})(?![A-Za-z0-9-])/gu;

function normalize(raw: string): string | null {
  const m = VALUE.exec(raw.trim().toLowerCase());
  return m ? `${m[1]}-${m[2]}` : null;
}

function findAll(text: string): string[] {
  return unique([...text.matchAll(IN_TEXT)].map((m) => `${m[1]}-${m[2]}`.toLowerCase()));
}

export const githubFormat: CodeFormat = {
  id: 'github',
  normalize,
  display: (value) => value,
  findAll,
};
