import type { Policy, SiteId } from '../vault/types';
import type { FormatId } from '../vault/formats';

/** What a site adapter declares. Detectors (added per site) are pure functions of (document, url). */
export interface SiteInfo {
  id: SiteId;
  name: string;
  /** Exact origins (scheme://host) where this site's pages live. Never a pattern. */
  origins: readonly string[];
  /** Content-script match patterns; must cover exactly `origins`. */
  matches: readonly string[];
  policy: Policy;
  format: FormatId;
  /** Where a person generates new backup codes. */
  backupCodesUrl: string;
}
