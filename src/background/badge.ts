// The toolbar badge: codes left for the current tab's site; "!" when one or none is left.
import { siteForOrigin } from '../sites/index';
import { accountsFor } from './accounts';
import type { OpenVault } from './open-vault';
import { originOf } from './sender';

export interface Badge {
  text: string;
  /** Warning colour when codes are running out. */
  warn: boolean;
}

export function badgeFor(vault: OpenVault | undefined, url: string | undefined): Badge {
  const origin = originOf(url);
  const site = origin ? siteForOrigin(origin) : undefined;
  if (!vault || !site || !origin) return { text: '', warn: false };
  const accounts = accountsFor(vault, site, origin);
  if (accounts.length === 0) return { text: '', warn: false };
  // With several accounts, the one closest to running out is what matters.
  const left = Math.min(...accounts.map((a) => vault.summary(a.id).left));
  return left <= 1 ? { text: '!', warn: true } : { text: String(left), warn: false };
}
