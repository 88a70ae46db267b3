import type { Site } from '../site';
import type { SiteInfo } from '../types';
import { gitlabFormat } from './format';
import { gitlabImport } from './import';

// Vault only (see ../github/): GitLab's recovery codes from gitlab-recovery-codes.txt. Each works
// once, in any order; "Regenerate recovery codes" replaces the whole set (SITES.md), so a new set
// invalidates the old one's unused codes (batch).
const info = {
  id: 'gitlab',
  name: 'GitLab',
  origins: ['https://gitlab.com'],
  matches: [],
  policy: { kind: 'batch' },
  format: 'gitlab',
  backupCodesUrl: 'https://gitlab.com/-/user_settings/two_factor_auth',
} as const satisfies SiteInfo;

export const gitlabSite = {
  info,
  format: gitlabFormat,
  formatWords: 'formatGitlab',
  download: { parser: gitlabImport, words: 'importKindGitlab' },
} as const satisfies Site;
