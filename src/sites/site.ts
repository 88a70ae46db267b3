// What one site folder (src/sites/<id>/index.ts) hands the registry: everything Sparekey knows
// about the site, so adding one is a folder and a line in src/sites/index.ts.
import type { PlainKey } from '../i18n';
import type { CodeFormat } from '../vault/formats/format';
import type { ImportParser } from '../vault/import/types';
import type { SiteAdapter, SiteInfo } from './types';

export interface Site {
  /** Its origins, rule and codes page: the record the background and the popup pass around. */
  info: SiteInfo;
  /** How its codes look; `format.id` is the site's id. */
  format: CodeFormat;
  /** How the popup names the format inside a sentence, singular ("GitHub recovery code"). */
  formatWords: PlainKey;
  /** The file the site hands out, and how the popup names what it holds, plural. */
  download?: { parser: ImportParser; words: PlainKey };
  /** The detectors, for a site whose pages Sparekey reads; vault-only sites have none. */
  adapter?: SiteAdapter;
}
