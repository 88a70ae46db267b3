import type { Site } from '../site';
import type { SiteInfo } from '../types';
import { discordFormat } from './format';
import { discordImport } from './import';

// Vault only (see ../github/): Discord's backup codes from discord_backup_codes.txt (User Settings
// → My Account → View Backup Codes). Each works once, in any order.
const info = {
  id: 'discord',
  name: 'Discord',
  origins: ['https://discord.com'],
  matches: [],
  policy: { kind: 'any-order' },
  format: 'discord',
  backupCodesUrl: 'https://discord.com/app',
} as const satisfies SiteInfo;

export const discordSite = {
  info,
  format: discordFormat,
  formatWords: 'formatDiscord',
  download: { parser: discordImport, words: 'importKindDiscord' },
} as const satisfies Site;
