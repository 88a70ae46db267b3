// GitHub's site record and its URL detectors: which pages could show a 2FA step or recovery codes.
// Kept apart from the page detectors (collect/decide) because the watcher needs only this much on
// every github.com page (src/sites/watch.ts). Each detector has its example URLs right below it
// (test/unit/sites/urls.test.ts). GitHub facts: /work/shared/SITES.md and issue 13, cited in
// collect.ts and in test/replica/github/README.md.
import type { SiteInfo } from '../types';

// Each recovery code works once, in any order; "Generate new recovery codes" makes a new set of 16
// and the old set stops working (issue 13), so a new set invalidates the unused codes of the old
// one (the batch policy). Host access is asked for when the person adds GitHub codes.
export const github = {
  id: 'github',
  name: 'GitHub',
  origins: ['https://github.com'],
  matches: ['https://github.com/*'],
  policy: { kind: 'batch' },
  format: 'github',
  backupCodesUrl: 'https://github.com/settings/auth/recovery-codes',
  // The recovery-codes page lists the whole set of 16; all 16 stay valid until a new set.
  capture: { perScreen: 16, kept: 16 },
  access: 'on-request',
} as const satisfies SiteInfo;

export const onGithub = (url: URL) => (github.origins as readonly string[]).includes(url.origin);

// The 2FA step after the password: /sessions/two-factor/app (authenticator), /recovery (recovery
// code), and /sessions/two-factor, where both forms post and a rejected code is shown again.
const TWO_FACTOR_PATH = /^\/sessions\/two-factor(?:\/(?:app|recovery))?\/?$/;
const RECOVERY_CODES_PATH = /^\/settings\/auth\/recovery-codes\/?$/;

/** GitHub's 2FA step: the authenticator form, the recovery-code form, or either after a post. */
export const isTwoFactorPage = (url: URL): boolean => onGithub(url) && TWO_FACTOR_PATH.test(url.pathname);
export const isTwoFactorPageExamples = [
  'https://github.com/sessions/two-factor/app',
  'https://github.com/sessions/two-factor/recovery',
  'https://github.com/sessions/two-factor/recovery/',
  'https://github.com/sessions/two-factor',
  'https://github.com/sessions/two-factor/app?return_to=%2Fsettings%2Fprofile',
];

/** The settings page that lists the 16 recovery codes (sudo-protected; download, print, copy, regenerate). */
export const isRecoveryCodesPage = (url: URL): boolean => onGithub(url) && RECOVERY_CODES_PATH.test(url.pathname);
export const isRecoveryCodesPageExamples = [
  'https://github.com/settings/auth/recovery-codes',
  'https://github.com/settings/auth/recovery-codes/',
];

/** Could this URL show anything the adapter detects? Any of the detectors above. */
export function isCandidate(url: URL): boolean {
  return isTwoFactorPage(url) || isRecoveryCodesPage(url);
}
/** URLs where nothing can show: no detector matches them, so the watcher does nothing there. */
export const isCandidateRejects = [
  'https://github.com/',
  'https://github.com/login',
  'https://github.com/session',
  'https://github.com/settings/security',
  'https://github.com/sessions/two-factor/webauthn',
  'https://github.com/sessions/two-factor/recovery/x',
  'https://github.com/settings/auth/recovery-codes/x',
  'https://github.com/octocat/sessions/two-factor/recovery',
  'https://github.com.evil.test/sessions/two-factor/recovery',
  'https://gist.github.com/sessions/two-factor/recovery',
  'http://github.com/sessions/two-factor/recovery',
  'https://github.com:8443/settings/auth/recovery-codes',
];
