// Mozilla account: its record and URL detectors (site.ts), its page detectors (adapter.ts over
// collect/decide), its code format, and the file it hands out ("<email> Backup authentication
// codes.txt"). Sparekey reads accounts.firefox.com only after the person allowed it (access 'on-request').
import type { Site } from '../site';
import { mozillaAdapter } from './adapter';
import { mozillaFormat } from './format';
import { mozillaImport } from './import';
import { mozilla } from './site';

export { mozilla, mozillaAdapter };

export const mozillaSite = {
  info: mozilla,
  format: mozillaFormat,
  formatWords: 'formatMozilla',
  download: { parser: mozillaImport, words: 'importKindMozilla' },
  adapter: mozillaAdapter,
} as const satisfies Site;
