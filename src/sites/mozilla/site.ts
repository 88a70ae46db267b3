// The Mozilla account's site record and its URL detectors: which pages could show the backup-code
// login step or a new set of codes. Kept apart from the page detectors (collect/decide) because
// the watcher needs only this much on every accounts.firefox.com page (src/sites/watch.ts). Each
// detector has its example URLs right below it (test/unit/sites/urls.test.ts). fxa is open source
// (mozilla/fxa): the facts are cited in collect.ts and test/replica/mozilla/README.md.
import type { SiteInfo } from '../types';

// Each backup authentication code works once, in any order; making new codes (set-up again, or
// /settings/two_step_authentication/replace_codes) replaces the whole set, so a new set
// invalidates the unused codes of the old one (the batch policy). fxa makes 8 codes
// (auth-server config totp.recoveryCodes.count, default 8). Host access is asked for when the
// person adds codes for the site.
export const mozilla = {
  id: 'mozilla',
  name: 'Mozilla account',
  origins: ['https://accounts.firefox.com'],
  matches: ['https://accounts.firefox.com/*'],
  policy: { kind: 'batch' },
  format: 'mozilla',
  backupCodesUrl: 'https://accounts.firefox.com/settings/two_step_authentication/replace_codes',
  // The set-up and replace-codes steps show the whole set of 8; all 8 stay valid until a new set.
  capture: { perScreen: 8, kept: 8 },
  access: 'on-request',
  // Firefox keeps extensions off its own account pages (restrictedDomains): a grant there would read nothing.
  closedIn: ['firefox'],
} as const satisfies SiteInfo;

export const onMozilla = (url: URL) => (mozilla.origins as readonly string[]).includes(url.origin);

// fxa's routes (packages/fxa-settings/src/components/App): the login's backup-code view
// (viewName signin-recovery-code), and the two settings flows that show a new set of codes. The
// TOTP view /signin_totp_code is not one of them: its input is also name=code, but it takes the
// authenticator's six digits, and Sparekey offers nothing there.
const RECOVERY_CODE_PATH = /^\/signin_recovery_code\/?$/;
const CODES_PATH = /^\/settings\/two_step_authentication(?:\/replace_codes)?\/?$/;

/** The login's "Enter backup authentication code" view. */
export const isRecoveryCodeStep = (url: URL): boolean => onMozilla(url) && RECOVERY_CODE_PATH.test(url.pathname);
export const isRecoveryCodeStepExamples = [
  'https://accounts.firefox.com/signin_recovery_code',
  'https://accounts.firefox.com/signin_recovery_code/',
  'https://accounts.firefox.com/signin_recovery_code?client_id=5882386c6d801776&service=sync',
];

/** The settings flows that show a new set of 8 codes: 2FA set-up, and "replace codes". */
export const isCodesPage = (url: URL): boolean => onMozilla(url) && CODES_PATH.test(url.pathname);
export const isCodesPageExamples = [
  'https://accounts.firefox.com/settings/two_step_authentication',
  'https://accounts.firefox.com/settings/two_step_authentication/replace_codes',
  'https://accounts.firefox.com/settings/two_step_authentication/replace_codes/',
];

/** Could this URL show anything the adapter detects? Any of the detectors above. */
export function isCandidate(url: URL): boolean {
  return isRecoveryCodeStep(url) || isCodesPage(url);
}
/** URLs where nothing can show: no detector matches them, so the watcher does nothing there. */
export const isCandidateRejects = [
  'https://accounts.firefox.com/',
  'https://accounts.firefox.com/signin',
  'https://accounts.firefox.com/signin_totp_code',
  'https://accounts.firefox.com/signin_token_code',
  'https://accounts.firefox.com/settings',
  'https://accounts.firefox.com/settings/two_step_authentication/x',
  'https://accounts.firefox.com/signin_recovery_code/x',
  'https://accounts.firefox.com.evil.test/signin_recovery_code',
  'https://evil.accounts.firefox.com/signin_recovery_code',
  'http://accounts.firefox.com/signin_recovery_code',
  'https://accounts.firefox.com:8443/signin_recovery_code',
];
