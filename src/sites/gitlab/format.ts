import type { CodeFormat } from '../../vault/formats/format';
import { plausible, unique, wordCandidates } from '../../vault/formats/scan';

// GitLab recovery codes: sixteen lowercase hex digits, one per line in its download.
const VALUE = /^[0-9a-f]{16}$/;

function normalize(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return VALUE.test(value) ? value : null;
}

function findAll(text: string): string[] {
  return unique(
    wordCandidates(text, (w) => VALUE.test(w.toLowerCase()))
      .filter((c) => plausible({ groups: [c.clean], ownLine: c.ownLine }))
      .map((c) => c.clean.toLowerCase()),
  );
}

export const gitlabFormat: CodeFormat = {
  id: 'gitlab',
  normalize,
  display: (value) => value,
  findAll,
};
