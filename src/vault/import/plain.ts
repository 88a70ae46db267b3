import { genericFormat } from '../formats/generic';
import { parseOnePerLine } from './one-per-line';
import type { ImportParser } from './types';

// Any other list: one code per line, a list marker ("1. ", "- ") allowed in front. Every
// non-empty line must be a code, so a stray sentence fails the import instead of becoming one.
const label = 'backup codes';

export const plainImport: ImportParser = {
  id: 'plain',
  label,
  fileName: /\.(?:txt|text|csv|list)$/i,
  knownByContent: false,
  parse: (text) => parseOnePerLine(text, genericFormat, label, true),
};
