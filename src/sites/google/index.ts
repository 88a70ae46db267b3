// Google: its record and URL detectors (site.ts), its page detectors (adapter.ts over
// collect/decide), its code format, and the file it hands out (Backup-codes-<user>.txt).
// Sparekey reads myaccount.google.com and accounts.google.com only after the person allowed it
// (access 'on-request').
import type { Site } from '../site';
import { googleAdapter } from './adapter';
import { googleFormat } from './format';
import { googleImport } from './import';
import { google } from './site';

export { google, googleAdapter };

export const googleSite = {
  info: google,
  format: googleFormat,
  formatWords: 'formatGoogle',
  download: { parser: googleImport, words: 'importKindGoogle' },
  adapter: googleAdapter,
} as const satisfies Site;
