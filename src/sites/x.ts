import type { SiteInfo } from './types';

// X/Twitter. Its help text: up to five active backup codes, used in the order generated; using
// one out of order invalidates every earlier one.
export const x = {
  id: 'x',
  name: 'X',
  origins: ['https://x.com', 'https://twitter.com', 'https://mobile.twitter.com'],
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  policy: { kind: 'ordered', maxActive: 5 },
  format: 'x',
  backupCodesUrl: 'https://x.com/settings/account/login_verification/backup_code',
} as const satisfies SiteInfo;
