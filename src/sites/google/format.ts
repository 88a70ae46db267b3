import type { CodeFormat } from '../../vault/formats/format';
import { unique } from '../../vault/formats/scan';

// Google backup codes: eight digits, shown as `1234 5678`.
const IN_TEXT =
  /(?<![A-Za-z0-9])(?<![0-9][ \u00a0-])(\d{4})[ \u00a0-]?(\d{4})(?![ \u00a0-]?[0-9])(?![A-Za-z])/gu;

function normalize(raw: string): string | null {
  const value = raw.replace(/[\s-]+/gu, '');
  return /^\d{8}$/.test(value) ? value : null;
}

function findAll(text: string): string[] {
  return unique([...text.matchAll(IN_TEXT)].map((m) => `${m[1]}${m[2]}`));
}

export const googleFormat: CodeFormat = {
  id: 'google',
  normalize,
  display: (value) => `${value.slice(0, 4)} ${value.slice(4)}`,
  findAll,
};
