import type { SiteInfo } from './types';

// Vault only (see github.ts): Proton's recovery codes from proton_recovery_codes.txt. Each works
// once, in any order.
export const proton = {
  id: 'proton',
  name: 'Proton',
  origins: ['https://account.proton.me'],
  matches: [],
  policy: { kind: 'any-order' },
  format: 'proton',
  backupCodesUrl: 'https://account.proton.me/u/0/mail/account-password',
} as const satisfies SiteInfo;
