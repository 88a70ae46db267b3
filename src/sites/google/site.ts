// Google's site record and its URL detectors: which pages could show the backup-code challenge or
// the backup codes. Kept apart from the page detectors (collect/decide) because the watcher needs
// only this much on every page of both origins (src/sites/watch.ts). Each detector has its example
// URLs right below it (test/unit/sites/urls.test.ts). Google facts: /work/shared/SITES.md and
// issue 13, cited in collect.ts and in test/replica/google/README.md.
import type { SiteInfo } from '../types';

// Each backup code works once, in any order; "Get new codes" on the backup-codes page makes a new
// set of 10 and inactivates the old one (SITES.md), so a new set invalidates the unused codes of
// the old one (the batch policy). Codes are shown on myaccount.google.com and asked for on
// accounts.google.com: both origins are one site, asked for together when the person adds codes.
export const google = {
  id: 'google',
  name: 'Google',
  origins: ['https://accounts.google.com', 'https://myaccount.google.com'],
  matches: ['https://accounts.google.com/*', 'https://myaccount.google.com/*'],
  policy: { kind: 'batch' },
  format: 'google',
  backupCodesUrl: 'https://myaccount.google.com/two-step-verification/backup-codes',
  // The backup-codes page lists the whole set of 10; all 10 stay valid until a new set.
  capture: { perScreen: 10, kept: 10 },
  access: 'on-request',
} as const satisfies SiteInfo;

export const ACCOUNTS = 'https://accounts.google.com';
export const MYACCOUNT = 'https://myaccount.google.com';

// The sign-in's challenges live under /v3/signin/challenge/<type> (older flows /signin/v2/challenge/
// and /signin/challenge/): bc is the backup code; totp, ipp (SMS), selection ("Try another way"),
// pwd and others are not ours. Seen in public automation against accounts.google.com.
const BACKUP_CHALLENGE_PATH = /^\/(?:v3\/signin|signin\/v2|signin)\/challenge\/bc(?:\/\d+)?\/?$/;
const BACKUP_CODES_PATH = /^\/two-step-verification\/backup-codes\/?$/;

/** The sign-in's backup-code challenge ("Enter one of your 8-digit backup codes", input#backupCodePin). */
export const isBackupCodeChallenge = (url: URL): boolean => url.origin === ACCOUNTS && BACKUP_CHALLENGE_PATH.test(url.pathname);
export const isBackupCodeChallengeExamples = [
  'https://accounts.google.com/v3/signin/challenge/bc?TL=AB12&checkConnection=youtube&continue=https%3A%2F%2Fmyaccount.google.com%2F&flowName=GlifWebSignIn',
  'https://accounts.google.com/v3/signin/challenge/bc',
  'https://accounts.google.com/signin/v2/challenge/bc?flowName=GlifWebSignIn',
  'https://accounts.google.com/signin/challenge/bc/4',
];

/** The page that lists the 10 backup codes (re-authentication first; "Get new codes", download, print). */
export const isBackupCodesPage = (url: URL): boolean => url.origin === MYACCOUNT && BACKUP_CODES_PATH.test(url.pathname);
export const isBackupCodesPageExamples = [
  'https://myaccount.google.com/two-step-verification/backup-codes',
  'https://myaccount.google.com/two-step-verification/backup-codes?rapt=AEjHL4M',
  'https://myaccount.google.com/two-step-verification/backup-codes/',
];

/** Could this URL show anything the adapter detects? Any of the detectors above. */
export function isCandidate(url: URL): boolean {
  return isBackupCodeChallenge(url) || isBackupCodesPage(url);
}
/** URLs where nothing can show: no detector matches them, so the watcher does nothing there. */
export const isCandidateRejects = [
  'https://accounts.google.com/',
  'https://accounts.google.com/v3/signin/identifier?continue=https%3A%2F%2Fmyaccount.google.com%2F',
  'https://accounts.google.com/v3/signin/challenge/pwd',
  'https://accounts.google.com/v3/signin/challenge/totp?continue=https%3A%2F%2Fmyaccount.google.com%2F',
  'https://accounts.google.com/v3/signin/challenge/ipp/collect',
  'https://accounts.google.com/v3/signin/challenge/ipp/verify',
  'https://accounts.google.com/v3/signin/challenge/selection',
  'https://accounts.google.com/v3/signin/challenge/bcx',
  'https://myaccount.google.com/',
  'https://myaccount.google.com/two-step-verification',
  'https://myaccount.google.com/v3/signin/challenge/bc',
  'https://accounts.google.com/two-step-verification/backup-codes',
  'https://accounts.google.com.evil.test/v3/signin/challenge/bc',
  'https://myaccount.google.com.evil.test/two-step-verification/backup-codes',
  'http://accounts.google.com/v3/signin/challenge/bc',
  'https://accounts.google.com:8443/v3/signin/challenge/bc',
  'https://mail.google.com/two-step-verification/backup-codes',
];
