import type { Site } from '../site';
import type { SiteInfo } from '../types';
import { protonFormat } from './format';
import { protonImport } from './import';

// Vault only (see ../github/): Proton's recovery codes from proton_recovery_codes.txt. Each works
// once, in any order. A new set only comes with setting 2FA up again, which replaces the old one, so a
// new set invalidates the old one's unused codes (batch). Count and format come from Proton's server.
const info = {
  id: 'proton',
  name: 'Proton',
  origins: ['https://account.proton.me'],
  matches: [],
  policy: { kind: 'batch' },
  format: 'proton',
  backupCodesUrl: 'https://account.proton.me/u/0/mail/account-password',
} as const satisfies SiteInfo;

export const protonSite = {
  info,
  format: protonFormat,
  formatWords: 'formatProton',
  download: { parser: protonImport, words: 'importKindProton' },
} as const satisfies Site;
