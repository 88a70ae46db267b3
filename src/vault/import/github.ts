import { githubFormat } from '../formats/github';
import { parseOnePerLine } from './one-per-line';
import type { ImportParser } from './types';

// github-recovery-codes.txt: sixteen `xxxxx-xxxxx` codes, one per line (CRLF), nothing else.
const label = 'GitHub recovery codes';

export const githubImport: ImportParser = {
  id: 'github',
  label,
  fileName: /^github-recovery-codes(?: ?\(\d+\))?\.txt$/i,
  parse: (text) => parseOnePerLine(text, githubFormat, label),
};
