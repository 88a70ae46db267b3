// When two labels name the same account: one rule for the background (picking, adding, saving a
// capture, counting what a capture adds), the popup (pointing an import at its account) and a
// restore, so the page's banner and the popup's "N new" can never disagree.
import type { Account, SiteId } from './types';

/** '@Alice ', 'alice' and 'ALICE' name the same account (X handles, e-mail addresses, names). */
export function labelKey(label: string): string {
  return label.normalize('NFC').trim().replace(/^@/, '').toLowerCase();
}

export function sameLabel(a: string, b: string): boolean {
  return labelKey(a) === labelKey(b);
}

/** The label a capture files its codes under: the handle the page showed, else the site's name. */
export function captureLabel(handle: string | undefined, siteName: string): string {
  return handle?.trim() || siteName;
}

/** The account of `site` that `label` names, among those usable on `origin` when one is given. */
export function accountNamed(
  accounts: readonly Account[],
  site: SiteId,
  label: string,
  origin?: string,
): Account | undefined {
  return accounts.find((a) => a.site === site && (origin === undefined || a.origins.includes(origin)) && sameLabel(a.label, label));
}
