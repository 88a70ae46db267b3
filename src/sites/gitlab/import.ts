import { gitlabFormat } from './format';
import { parseOnePerLine } from '../../vault/import/one-per-line';
import type { ImportParser } from '../../vault/import/types';

// gitlab-recovery-codes.txt: GitLab's recovery_codes.vue downloads `codes.join('\n')`, ten
// 16-hex-digit codes and nothing else.
const label = 'GitLab recovery codes';

export const gitlabImport: ImportParser = {
  id: 'gitlab',
  label,
  fileName: /^gitlab-recovery-codes(?: ?\(\d+\))?\.txt$/i,
  knownByContent: true,
  parse: (text) => parseOnePerLine(text, gitlabFormat, label),
};
