import type { Site } from '../site';
import type { SiteInfo } from '../types';
import { googleFormat } from './format';
import { googleImport } from './import';

// Vault only (see ../github/): Google's backup codes from Backup-codes-<user>.txt. Each works once,
// in any order.
const info = {
  id: 'google',
  name: 'Google',
  origins: ['https://accounts.google.com'],
  matches: [],
  policy: { kind: 'any-order' },
  format: 'google',
  backupCodesUrl: 'https://myaccount.google.com/two-step-verification/backup-codes',
} as const satisfies SiteInfo;

export const googleSite = {
  info,
  format: googleFormat,
  formatWords: 'formatGoogle',
  download: { parser: googleImport, words: 'importKindGoogle' },
} as const satisfies Site;
