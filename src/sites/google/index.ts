import type { Site } from '../site';
import type { SiteInfo } from '../types';
import { googleFormat } from './format';
import { googleImport } from './import';

// Vault only (see ../github/): Google's backup codes from Backup-codes-<user>.txt. Each works once,
// in any order; "Refresh" on the backup-codes page makes a new set and inactivates the old one
// (SITES.md), so a new set invalidates the old one's unused codes (batch).
const info = {
  id: 'google',
  name: 'Google',
  origins: ['https://accounts.google.com'],
  matches: [],
  policy: { kind: 'batch' },
  format: 'google',
  backupCodesUrl: 'https://myaccount.google.com/two-step-verification/backup-codes',
} as const satisfies SiteInfo;

export const googleSite = {
  info,
  format: googleFormat,
  formatWords: 'formatGoogle',
  download: { parser: googleImport, words: 'importKindGoogle' },
} as const satisfies Site;
