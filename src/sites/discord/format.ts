import type { CodeFormat } from '../../vault/formats/format';
import { plausible, unique, wordCandidates } from '../../vault/formats/scan';

// Discord backup codes: eight lowercase letters and digits, shown and downloaded as `xxxx-xxxx`.
const WORD = /^([A-Za-z0-9]{4})-?([A-Za-z0-9]{4})$/;

function normalize(raw: string): string | null {
  const m = WORD.exec(raw.replace(/\s+/gu, ''));
  return m ? `${m[1]}${m[2]}`.toLowerCase() : null;
}

function findAll(text: string): string[] {
  return unique(
    wordCandidates(text, (w) => WORD.test(w))
      .filter((c) => plausible({ groups: c.clean.split('-'), ownLine: c.ownLine }))
      .map((c) => c.clean.replace('-', '').toLowerCase()),
  );
}

export const discordFormat: CodeFormat = {
  id: 'discord',
  normalize,
  display: (value) => `${value.slice(0, 4)}-${value.slice(4)}`,
  findAll,
};
