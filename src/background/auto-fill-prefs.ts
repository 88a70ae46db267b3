// The person's auto-fill choices (issue 14): off unless turned on, per site, and per account where
// an account's own choice beats its site's. No secret (site ids and random account ids), so they
// live in storage.local beside the settings; read back checked, anything malformed dropped.
import type { AutoFillPrefs } from '../messages/protocol';

export const NO_AUTO_FILL: AutoFillPrefs = { sites: {}, accounts: {} };

/** At most this many choices of each kind are kept: far above a real vault. */
const MAX_CHOICES = 1_000;

function choices(stored: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const [key, on] of Object.entries(stored).slice(0, MAX_CHOICES)) {
    if (typeof on === 'boolean' && key.length > 0 && key.length <= 64) out[key] = on;
  }
  return out;
}

/** What storage holds, checked: a malformed value reads as "off everywhere". */
export function readAutoFillPrefs(stored: unknown): AutoFillPrefs {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof AutoFillPrefs, unknown>>;
  return { sites: choices(s.sites), accounts: choices(s.accounts) };
}

/** Whether auto-fill is on for `accountId` of site `siteId`: the account's choice, else its site's, else off. */
export function autoFillOn(prefs: AutoFillPrefs, siteId: string, accountId: string): boolean {
  return prefs.accounts[accountId] ?? prefs.sites[siteId] ?? false;
}

export type AutoFillChoice = { site: string; on: boolean } | { accountId: string; on: boolean | null };

/** The prefs after one choice (an account's null: back to its site's). */
export function withChoice(prefs: AutoFillPrefs, choice: AutoFillChoice): AutoFillPrefs {
  const next: AutoFillPrefs = { sites: { ...prefs.sites }, accounts: { ...prefs.accounts } };
  if ('site' in choice) next.sites[choice.site] = choice.on;
  else if (choice.on === null) delete next.accounts[choice.accountId];
  else next.accounts[choice.accountId] = choice.on;
  return next;
}
