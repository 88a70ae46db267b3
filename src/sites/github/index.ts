import type { Site } from '../site';
import type { SiteInfo } from '../types';
import { githubFormat } from './format';
import { githubImport } from './import';

// Vault only: Sparekey keeps, shows and counts GitHub's recovery codes (imported from github-
// recovery-codes.txt or pasted); it does not read or fill GitHub's pages, so it asks for no access
// to them. Each code works once, in any order; "Generate new recovery codes" makes a new set of 16
// and the old set stops working (issue 13), so a new set here invalidates the unused codes of the
// old one (the batch policy).
const info = {
  id: 'github',
  name: 'GitHub',
  origins: ['https://github.com'],
  matches: [],
  policy: { kind: 'batch' },
  format: 'github',
  backupCodesUrl: 'https://github.com/settings/auth/recovery-codes',
} as const satisfies SiteInfo;

export const githubSite = {
  info,
  format: githubFormat,
  formatWords: 'formatGithub',
  download: { parser: githubImport, words: 'importKindGithub' },
} as const satisfies Site;
