import type { SiteInfo } from './types';

// Vault only (see github.ts): Discord's backup codes from discord_backup_codes.txt (User Settings →
// My Account → View Backup Codes). Each works once, in any order.
export const discord = {
  id: 'discord',
  name: 'Discord',
  origins: ['https://discord.com'],
  matches: [],
  policy: { kind: 'any-order' },
  format: 'discord',
  backupCodesUrl: 'https://discord.com/app',
} as const satisfies SiteInfo;
