import { githubFormat } from './format';
import { parseOnePerLine } from '../../vault/import/one-per-line';
import type { ImportParser } from '../../vault/import/types';

// github-recovery-codes.txt: sixteen `xxxxx-xxxxx` codes, one per line (CRLF), nothing else.
const label = 'GitHub recovery codes';

export const githubImport: ImportParser = {
  id: 'github',
  label,
  fileName: /^github-recovery-codes(?: ?\(\d+\))?\.txt$/i,
  knownByContent: true,
  parse: (text) => parseOnePerLine(text, githubFormat, label),
};
