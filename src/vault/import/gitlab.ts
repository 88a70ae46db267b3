import { gitlabFormat } from '../formats/gitlab';
import { parseOnePerLine } from './one-per-line';
import type { ImportParser } from './types';

// gitlab-recovery-codes.txt: GitLab's recovery_codes.vue downloads `codes.join('\n')`, ten
// 16-hex-digit codes and nothing else.
const label = 'GitLab recovery codes';

export const gitlabImport: ImportParser = {
  id: 'gitlab',
  label,
  fileName: /^gitlab-recovery-codes(?: ?\(\d+\))?\.txt$/i,
  parse: (text) => parseOnePerLine(text, gitlabFormat, label),
};
