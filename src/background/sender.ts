// Who may say what. One pure decision for every message the background receives, so it can be
// tested as a table (test/unit/background/sender.test.ts). The browser fills `sender`; the message
// body is never consulted for identity.

import type { SiteInfo } from '../sites/types';

/** The fields of runtime.MessageSender we rely on (both browsers provide them). */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface Self {
  id: string;
  /** e.g. chrome-extension://abc… or moz-extension://uuid (no trailing slash). */
  origin: string;
}

export type SenderVerdict =
  | { ok: true; kind: 'page' }
  | { ok: true; kind: 'content'; origin: string; tabId: number; site: SiteInfo }
  | { ok: false; reason: string };

const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:'];

export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.origin !== 'null') return u.origin;
    // Extension schemes are not "special" in the URL standard, so some runtimes report them as
    // opaque; their origin is scheme + host. Every other opaque origin (data:, about:, file:) is refused.
    return EXTENSION_SCHEMES.includes(u.protocol) && u.host ? `${u.protocol}//${u.host}` : undefined;
  } catch {
    return undefined;
  }
}

/** A message for the vault: only our own extension pages (popup, vault tab, offscreen). */
export function checkPageSender(sender: SenderLike, self: Self): SenderVerdict {
  if (sender.id !== self.id) return { ok: false, reason: 'another extension or a web page' };
  if (originOf(sender.url) !== self.origin) return { ok: false, reason: 'not an extension page' };
  // An extension page shown in a tab is fine; one framed inside someone else's page is not.
  if (sender.tab && (sender.frameId ?? 0) !== 0) return { ok: false, reason: 'framed extension page' };
  if (sender.tab?.url !== undefined && originOf(sender.tab.url) !== self.origin)
    return { ok: false, reason: 'extension page inside a web page' };
  return { ok: true, kind: 'page' };
}

/**
 * A message from our content script: a tab's top frame, on an exact origin a site adapter lists,
 * and the tab still showing that origin (a tab that navigated since it asked is refused).
 * `other`: the site record for an origin no adapter lists (another site's account, read by the
 * generic detector: src/sites/generic/origin.ts otherSiteAt, https only); whether an account has
 * that origin is the fill pipeline's question (accounts.ts accountsFor).
 */
export function checkContentSender(
  sender: SenderLike,
  self: Self,
  sites: readonly SiteInfo[],
  other?: (origin: string) => SiteInfo | undefined,
): SenderVerdict {
  if (sender.id !== self.id) return { ok: false, reason: 'another extension or a web page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false, reason: 'not from a tab' };
  if (sender.frameId !== 0) return { ok: false, reason: 'not the top frame' };
  const origin = originOf(sender.url);
  if (!origin) return { ok: false, reason: 'opaque or missing origin' };
  // Chrome also reports sender.origin; when present it must agree with the URL.
  if (sender.origin !== undefined && sender.origin !== origin)
    return { ok: false, reason: 'sender origin disagrees with its URL' };
  if (origin === self.origin) return { ok: false, reason: 'extension page posing as content' };
  const site = sites.find((s) => s.origins.includes(origin)) ?? other?.(origin);
  if (!site) return { ok: false, reason: `origin ${origin} belongs to no site` };
  if (originOf(sender.tab?.url) !== origin) return { ok: false, reason: 'tab no longer shows that origin' };
  return { ok: true, kind: 'content', origin, tabId, site };
}
