import type { SiteInfo } from './types';

// Vault only (see github.ts): Google's backup codes from Backup-codes-<user>.txt. Each works once,
// in any order.
export const google = {
  id: 'google',
  name: 'Google',
  origins: ['https://accounts.google.com'],
  matches: [],
  policy: { kind: 'any-order' },
  format: 'google',
  backupCodesUrl: 'https://myaccount.google.com/two-step-verification/backup-codes',
} as const satisfies SiteInfo;
