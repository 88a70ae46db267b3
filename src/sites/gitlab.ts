import type { SiteInfo } from './types';

// Vault only (see github.ts): GitLab's recovery codes from gitlab-recovery-codes.txt. Each works
// once, in any order.
export const gitlab = {
  id: 'gitlab',
  name: 'GitLab',
  origins: ['https://gitlab.com'],
  matches: [],
  policy: { kind: 'any-order' },
  format: 'gitlab',
  backupCodesUrl: 'https://gitlab.com/-/user_settings/two_factor_auth',
} as const satisfies SiteInfo;
