import type { Site } from '../site';
import type { SiteInfo } from '../types';
import { discordFormat } from './format';
import { discordImport } from './import';

// Vault only (see ../github/): Discord's backup codes from discord_backup_codes.txt (User Settings
// → My Account → View Backup Codes). Each works once, in any order;
// "Generate new codes" replaces the set, so a new set invalidates the old one's unused codes (batch).
const info = {
  id: 'discord',
  name: 'Discord',
  origins: ['https://discord.com'],
  matches: [],
  policy: { kind: 'batch' },
  format: 'discord',
  backupCodesUrl: 'https://discord.com/app',
} as const satisfies SiteInfo;

export const discordSite = {
  info,
  format: discordFormat,
  formatWords: 'formatDiscord',
  download: { parser: discordImport, words: 'importKindDiscord' },
} as const satisfies Site;
