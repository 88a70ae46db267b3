// Proton's site record and its URL detectors: which pages could show the login's second-factor
// form or a new set of recovery codes. Kept apart from the page detectors (collect/decide) because
// the watcher needs only this much on every account.proton.me page (src/sites/watch.ts). Each
// detector has its example URLs right below it (test/unit/sites/urls.test.ts). Proton's web
// clients are open source (ProtonMail/WebClients): the facts are cited in collect.ts and
// test/replica/proton/README.md.
import type { SiteInfo } from '../types';

// Each recovery code works once, in any order. A new set only comes with setting up 2FA again
// (EnableTOTPModal), which replaces the old one, so a new set invalidates the unused codes of the
// old one (the batch policy). How many codes a set holds and what they look like is decided by
// Proton's server (setupTotp's TwoFactorRecoveryCodes), not by the client: no `capture` count here,
// Sparekey keeps what the set-up modal shows. Host access is asked for when the person adds codes.
export const proton = {
  id: 'proton',
  name: 'Proton',
  origins: ['https://account.proton.me'],
  matches: ['https://account.proton.me/*'],
  policy: { kind: 'batch' },
  format: 'proton',
  backupCodesUrl: 'https://account.proton.me/u/0/mail/account-password',
  access: 'on-request',
} as const satisfies SiteInfo;

export const onProton = (url: URL) => (proton.origins as readonly string[]).includes(url.origin);

// The account app's routes (applications/account): the login at /login (a single-page app: the
// password, second-factor and unlock steps all stay at /login), and the settings page that holds
// the two-factor section, /u/<session>/<app>/account-password (the app slug names the product the
// settings were opened from: mail, calendar, drive, pass …; the settings routes list it as
// "Account and password", to: '/account-password', subsection 'two-fa'). The set-up modal opens
// over it without changing the URL. Signed-in pages all live under /u/<session>/.
const LOGIN_PATH = /^\/login\/?$/;
const SETTINGS_PATH = /^\/u\/\d+\/(?:[a-z-]+\/)?account-password\/?$/;
const SIGNED_IN_PATH = /^\/u\/\d+\//;

/** The login, whose second step is the TOTP / recovery-code form. */
export const isLoginPage = (url: URL): boolean => onProton(url) && LOGIN_PATH.test(url.pathname);
export const isLoginPageExamples = [
  'https://account.proton.me/login',
  'https://account.proton.me/login/',
  'https://account.proton.me/login?product=mail',
];

/** The settings page whose two-factor section opens the set-up modal that shows the new codes. */
export const isSettingsPage = (url: URL): boolean => onProton(url) && SETTINGS_PATH.test(url.pathname);
export const isSettingsPageExamples = [
  'https://account.proton.me/u/0/mail/account-password',
  'https://account.proton.me/u/1/pass/account-password',
  'https://account.proton.me/u/0/mail/account-password/',
  'https://account.proton.me/u/0/account-password',
];

/** Could this URL show anything the adapter detects? Any of the detectors above. */
export function isCandidate(url: URL): boolean {
  return isLoginPage(url) || isSettingsPage(url);
}
/** URLs where nothing can show: no detector matches them, so the watcher does nothing there. */
export const isCandidateRejects = [
  'https://account.proton.me/',
  'https://account.proton.me/signup',
  'https://account.proton.me/u/0/mail/dashboard',
  'https://account.proton.me/u/0/mail/recovery',
  'https://account.proton.me/login/x',
  'https://account.proton.me/u/x/mail/account-password',
  'https://account.proton.me/mail/account-password',
  'https://account.proton.me/u/0/mail/settings/account-password',
  'https://account.proton.me.evil.test/login',
  'https://evil.account.proton.me/login',
  'http://account.proton.me/login',
  'https://account.proton.me:8443/login',
  'https://mail.proton.me/login',
];

/** A signed-in page of the account app: only a finished login gets there (else Proton sends it to /login). */
export const signedIn = (url: URL): boolean => onProton(url) && SIGNED_IN_PATH.test(url.pathname);
