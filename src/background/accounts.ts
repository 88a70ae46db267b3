// Which account a page may use, and new accounts for a site.
import type { SiteInfo } from '../sites/types';
import { sameLabel } from '../vault/identity';
import type { Account } from '../vault/types';
import type { OpenVault } from './open-vault';
import { isOtherSite, readByGeneric } from './other-sites';

/**
 * Accounts of the caller's site that may be filled on its exact origin. On another site's page
 * (the generic detector), the accounts no page-reading site owns that list this exact origin.
 */
export function accountsFor(vault: OpenVault, site: SiteInfo, origin: string): Account[] {
  const ours = isOtherSite(site) ? readByGeneric : (a: Account) => a.site === site.id;
  return vault.allAccounts().filter((a) => ours(a) && a.origins.includes(origin));
}

export type Pick =
  | { kind: 'one'; account: Account }
  | { kind: 'none' }
  | { kind: 'ambiguous'; accounts: Account[] };

/**
 * The login's identifier (typed at X's first step) picks the account when it matches a label;
 * otherwise the only account with codes left; otherwise the person chooses.
 */
export function pickAccount(vault: OpenVault, candidates: Account[], hint?: string): Pick {
  if (hint) {
    const named = candidates.find((a) => sameLabel(a.label, hint));
    if (named) return { kind: 'one', account: named };
  }
  const withCodes = candidates.filter((a) => vault.next(a.id) !== undefined);
  if (withCodes.length === 1) return { kind: 'one', account: withCodes[0]! };
  if (withCodes.length > 1) return { kind: 'ambiguous', accounts: withCodes };
  if (candidates.length === 1) return { kind: 'one', account: candidates[0]! };
  return candidates.length ? { kind: 'ambiguous', accounts: candidates } : { kind: 'none' };
}

export function newAccount(site: SiteInfo, label: string, id: string, now: number): Account {
  return {
    id,
    site: site.id,
    label: label.trim() || site.name,
    origins: [...site.origins],
    policy: { ...site.policy },
    format: site.format,
    createdAt: now,
    updatedAt: now,
  };
}
