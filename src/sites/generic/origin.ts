// Accounts of "another site": a site Sparekey has no folder for, named by the person by its origin
// when they add its codes (issue 13, item 3). Pure: the popup validates what was typed with it, the
// background checks it again before an account is stored, and a backup restores it through it.
import type { SiteInfo } from '../types';

/** The site id every such account carries; the origin the person named is its one origin. */
export const OTHER_SITE_ID = 'other';

/**
 * The manifest's optional_host_permissions entry that lets the popup ask for one such origin
 * (`https://pypi.org/*`) inside a person's click. Never granted as a whole: it only bounds what
 * may be asked for. https only, so no http:// page can ever be asked for.
 */
export const ANY_HTTPS_SITE = 'https://*/*';

export const ORIGIN_PROBLEMS = ['empty', 'not-https', 'not-a-site', 'port', 'ip', 'local', 'known'] as const;
export type OriginProblem = (typeof ORIGIN_PROBLEMS)[number];

export type OriginCheck =
  | { ok: true; origin: string }
  | { ok: false; problem: OriginProblem; /** 'known': the site Sparekey already has. */ site?: string };

// Names a person types for their own machine or network, never a public site's login page.
const LOCAL_NAMES = /(?:^|\.)(?:localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The exact origin (https://host) a person named, or why it cannot be one. A bare host gets
 * https:// in front; a whole URL is cut to its origin. Refused: another scheme (http:// pages are
 * never read), credentials, a port (match patterns cannot hold one), IP addresses and local names
 * (no one's public login page; and a site on the person's own network is no "site" to grant), a
 * single-label or trailing-dot host, and an origin of a site Sparekey already knows (`knownSite`:
 * the person picks that site instead, and its own rules apply). The URL parser normalises case and
 * IDNs: an IDN comes back as punycode (xn--…), which is what the popup shows, so a lookalike
 * cannot pass for the real name.
 */
export function parseSiteOrigin(text: string, knownSite: (origin: string) => string | undefined = () => undefined): OriginCheck {
  const typed = text.trim();
  if (!typed) return { ok: false, problem: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) && !/^[^/:]+:\d+(?:[/?#]|$)/.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'not-a-site' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'not-https' };
  if (url.username || url.password) return { ok: false, problem: 'not-a-site' };
  if (url.port) return { ok: false, problem: 'port' };
  const host = url.hostname;
  if (host.startsWith('[') || IPV4.test(host)) return { ok: false, problem: 'ip' };
  if (LOCAL_NAMES.test(host)) return { ok: false, problem: 'local' };
  if (!host.includes('.') || host.endsWith('.') || host.startsWith('.')) return { ok: false, problem: 'not-a-site' };
  const site = knownSite(url.origin);
  if (site) return { ok: false, problem: 'known', site };
  return { ok: true, origin: url.origin };
}

/** The host permission the popup asks for: this origin's pages, nothing else. */
export const patternOf = (origin: string) => `${origin}/*`;

/** The host permission's origin back, when it is one parseSiteOrigin would give; else undefined. */
export function originOfPattern(pattern: string): string | undefined {
  if (!/^https:\/\/[^/*]+\/\*$/.test(pattern)) return undefined;
  const check = parseSiteOrigin(pattern.slice(0, -2));
  return check.ok && patternOf(check.origin) === pattern ? check.origin : undefined;
}

/**
 * The site record a page of another site's account is handled under (the sender check, the fill
 * pipeline, the chip). Any order: an unknown site's rule is not known, so adding codes never marks
 * older ones invalid on its own; the person does that in the popup.
 */
export function otherSite(origin: string): SiteInfo {
  return {
    id: OTHER_SITE_ID,
    name: new URL(origin).host,
    origins: [origin],
    matches: [patternOf(origin)],
    policy: { kind: 'any-order' },
    format: 'generic',
    backupCodesUrl: origin,
    access: 'on-request',
  };
}

/** The generic detector's site for a content script's origin: an https origin parseSiteOrigin accepts, else undefined. */
export function otherSiteAt(origin: string, knownSite: (origin: string) => string | undefined): SiteInfo | undefined {
  const check = parseSiteOrigin(origin, knownSite);
  return check.ok && check.origin === origin ? otherSite(origin) : undefined;
}
