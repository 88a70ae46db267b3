// GitLab's site record and its URL detectors: which pages could show the sign-in's 2FA step or a
// new set of recovery codes. Kept apart from the page detectors (collect/decide) because the
// watcher needs only this much on every gitlab.com page (src/sites/watch.ts). Each detector has
// its example URLs right below it (test/unit/sites/urls.test.ts). GitLab is open source
// (gitlabhq): the facts are cited in collect.ts and test/replica/gitlab/README.md.
import type { SiteInfo } from '../types';

// Each recovery code works once, in any order; "Regenerate recovery codes" replaces the whole set
// (devise-two-factor's generate_otp_backup_codes! overwrites otp_backup_codes), so a new set
// invalidates the unused codes of the old one (the batch policy). GitLab makes 10 codes
// (otp_number_of_backup_codes). Self-managed GitLab instances are not this site: they are for the
// generic detector, on the origins a person grants for them.
export const gitlab = {
  id: 'gitlab',
  name: 'GitLab',
  origins: ['https://gitlab.com'],
  matches: ['https://gitlab.com/*'],
  policy: { kind: 'batch' },
  format: 'gitlab',
  // config/routes/profile.rb: resource :two_factor_auth under /-/profile (not /-/user_settings).
  backupCodesUrl: 'https://gitlab.com/-/profile/two_factor_auth',
  // The page after enabling 2FA or regenerating shows the whole set of 10, once; all 10 stay valid until a new set.
  capture: { perScreen: 10, kept: 10 },
  access: 'on-request',
  sharedCodeField: true,
} as const satisfies SiteInfo;

export const onGitlab = (url: URL) => (gitlab.origins as readonly string[]).includes(url.origin);

// Devise's session path: the password step, the 2FA step and the e-mail verification step are all
// rendered here (POST /users/sign_in answers each with the next step's form, 200, same URL), so
// the DOM decides which step it is (collect.ts).
const SIGN_IN_PATH = /^\/users\/sign_in\/?$/;
// Profiles::TwoFactorAuthsController: POST /-/profile/two_factor_auth (enable OTP, renders
// `create` with the codes) and POST /-/profile/two_factor_auth/codes (regenerate, renders `codes`).
// GET of the first is the settings page, which never lists codes: the DOM decides there too.
const CODES_PATH = /^\/-\/profile\/two_factor_auth(?:\/codes)?\/?$/;

/** GitLab's sign-in, whichever of its steps the page shows. */
export const isSignInPage = (url: URL): boolean => onGitlab(url) && SIGN_IN_PATH.test(url.pathname);
export const isSignInPageExamples = [
  'https://gitlab.com/users/sign_in',
  'https://gitlab.com/users/sign_in/',
  'https://gitlab.com/users/sign_in?redirect_to_referer=yes',
];

/** The pages that answer "enable 2FA" and "Regenerate recovery codes" with the new set of 10. */
export const isCodesPage = (url: URL): boolean => onGitlab(url) && CODES_PATH.test(url.pathname);
export const isCodesPageExamples = [
  'https://gitlab.com/-/profile/two_factor_auth',
  'https://gitlab.com/-/profile/two_factor_auth/codes',
  'https://gitlab.com/-/profile/two_factor_auth/codes/',
];

/** Could this URL show anything the adapter detects? Any of the detectors above. */
export function isCandidate(url: URL): boolean {
  return isSignInPage(url) || isCodesPage(url);
}
/** URLs where nothing can show: no detector matches them, so the watcher does nothing there. */
export const isCandidateRejects = [
  'https://gitlab.com/',
  'https://gitlab.com/dashboard/projects',
  'https://gitlab.com/users/sign_up',
  'https://gitlab.com/users/password/new',
  'https://gitlab.com/-/profile/account',
  'https://gitlab.com/-/user_settings/profile',
  'https://gitlab.com/-/profile/two_factor_auth/skip',
  'https://gitlab.com/users/sign_in/x',
  'https://gitlab.com/alice/users/sign_in',
  'https://gitlab.com.evil.test/users/sign_in',
  'https://evil.gitlab.com/users/sign_in',
  'https://about.gitlab.com/users/sign_in',
  'http://gitlab.com/users/sign_in',
  'https://gitlab.com:8443/-/profile/two_factor_auth/codes',
];
