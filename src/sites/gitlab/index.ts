import type { Site } from '../site';
import type { SiteInfo } from '../types';
import { gitlabFormat } from './format';
import { gitlabImport } from './import';

// Vault only (see ../github/): GitLab's recovery codes from gitlab-recovery-codes.txt. Each works
// once, in any order.
const info = {
  id: 'gitlab',
  name: 'GitLab',
  origins: ['https://gitlab.com'],
  matches: [],
  policy: { kind: 'any-order' },
  format: 'gitlab',
  backupCodesUrl: 'https://gitlab.com/-/user_settings/two_factor_auth',
} as const satisfies SiteInfo;

export const gitlabSite = {
  info,
  format: gitlabFormat,
  formatWords: 'formatGitlab',
  download: { parser: gitlabImport, words: 'importKindGitlab' },
} as const satisfies Site;
