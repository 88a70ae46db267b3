// Proton: its record and URL detectors (site.ts), its page detectors (adapter.ts over
// collect/decide), its code format, and the file it hands out (proton_recovery_codes.txt).
// Sparekey reads account.proton.me only after the person allowed it (access 'on-request').
import type { Site } from '../site';
import { protonAdapter } from './adapter';
import { protonFormat } from './format';
import { protonImport } from './import';
import { proton } from './site';

export { proton, protonAdapter };

export const protonSite = {
  info: proton,
  format: protonFormat,
  formatWords: 'formatProton',
  download: { parser: protonImport, words: 'importKindProton' },
  adapter: protonAdapter,
} as const satisfies Site;
