// X's site record and its URL detectors: which pages could show a 2FA step or backup codes. Kept
// apart from the page detectors (collect/decide/strings) because the always-on content script
// needs only this much on every X page (src/sites/watch.ts); the rest loads on those pages alone.
// Each URL detector has its example URLs right below it: test/unit/sites/urls.test.ts checks it
// matches its own examples and rejects every other detector's (the build drops the examples, as
// nothing the content scripts run reads them).
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

/** X's login, every step of it (identifier, password, 2FA, method choice) on one page. */
export const isLoginPage = (url: URL): boolean => onX(url) && pageKind(url) === 'login';
export const isLoginPageExamples = [
  'https://x.com/i/flow/login',
  'https://x.com/i/flow/login/',
  'https://x.com/i/flow/login?lang=es',
  'https://x.com/i/flow/login?redirect_after_login=%2Fsettings%2Faccount',
  'https://x.com/login',
  'https://twitter.com/i/flow/login',
  'https://mobile.twitter.com/login',
];

/** The settings page that shows a backup code (and generates a new one). */
export const isBackupCodePage = (url: URL): boolean => onX(url) && pageKind(url) === 'backup-code';
export const isBackupCodePageExamples = [
  'https://x.com/settings/account/login_verification/backup_code',
  'https://x.com/settings/account/login_verification/backup_code/',
  'https://twitter.com/settings/account/login_verification/backup_code',
  'https://mobile.twitter.com/settings/account/login_verification/backup_code',
];

/** Could this URL show anything the adapter detects? Any of the detectors above. */
export function isCandidate(url: URL): boolean {
  return isLoginPage(url) || isBackupCodePage(url);
}
/** URLs where nothing can show: no detector matches them, so the watcher does nothing there. */
export const isCandidateRejects = [
  'https://x.com/',
  'https://x.com/home',
  'https://x.com/i/flow/signup',
  'https://x.com/i/flow/login/x',
  'https://x.com/settings/account/login_verification',
  'https://x.com/settings/account/login_verification/backup_code/x',
  'https://x.com.evil.test/i/flow/login',
  'https://x.com.evil.test/settings/account/login_verification/backup_code',
  'http://x.com/i/flow/login',
  'https://www.x.com/login',
  'https://x.com:8443/login',
];
