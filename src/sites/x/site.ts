// X's site record and its URL facts: which pages could show a 2FA step or backup codes. Kept
// apart from the detectors (collect/decide/strings) because the always-on content script needs
// only this much on every X page (src/sites/watch.ts); the rest loads on those pages alone.
import type { SiteInfo } from '../types';

// X/Twitter. Its help text: up to five active backup codes, used in the order generated; using
// one out of order invalidates every earlier one.
export const x = {
  id: 'x',
  name: 'X',
  origins: ['https://x.com', 'https://twitter.com', 'https://mobile.twitter.com'],
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  policy: { kind: 'ordered', maxActive: 5 },
  format: 'x',
  backupCodesUrl: 'https://x.com/settings/account/login_verification/backup_code',
  // X's backup-code screen shows one code; "Generate a new code" replaces it; five stay valid.
  capture: { perScreen: 1, kept: 5 },
} as const satisfies SiteInfo;

// The whole login is one page, https://x.com/i/flow/login (/login redirects there); the backup
// code is shown at /settings/account/login_verification/backup_code (issue 4).
const LOGIN_PATH = /^\/(?:i\/flow\/login|login)\/?$/;
const BACKUP_CODE_PATH = /^\/settings\/account\/login_verification\/backup_code\/?$/;

export type XPageKind = 'login' | 'backup-code' | 'other';

export function pageKind(url: URL): XPageKind {
  if (LOGIN_PATH.test(url.pathname)) return 'login';
  if (BACKUP_CODE_PATH.test(url.pathname)) return 'backup-code';
  return 'other';
}

export const onX = (url: URL) => (x.origins as readonly string[]).includes(url.origin);

/** Could this URL show anything the adapter detects? (Exact origin, then path.) */
export function isCandidate(url: URL): boolean {
  return onX(url) && pageKind(url) !== 'other';
}
