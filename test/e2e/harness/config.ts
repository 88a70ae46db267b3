// Constants every part of the e2e harness agrees on: where things are, which hosts are mapped.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OUTPUT_DIR = path.join(REPO_ROOT, '.output');
export const CHROME_BUILD = path.join(OUTPUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD = path.join(OUTPUT_DIR, 'firefox-mv3');
/** Screenshots and other artifacts (git-ignored). */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test', 'artifacts');

/**
 * Hosts both browsers send to the local test server. The first three are the production origins
 * the manifest names; the rest are lookalikes that must get nothing from the extension, among
 * them two IDN homographs, written in punycode as the browsers resolve them:
 * xn--u1a.com is "х.com" with a Cyrillic х (U+0445), xn--twtter-qvf.com is "twіtter.com" with a
 * Cyrillic і (U+0456) (node: url.domainToASCII).
 */
export const MAPPED_HOSTS = [
  'x.com',
  'twitter.com',
  'mobile.twitter.com',
  'x.com.evil.test',
  'twitter.com.evil.test',
  'evil.test',
  'xn--u1a.com',
  'xn--twtter-qvf.com',
  // GitHub (read only once the person allows it) and its lookalike.
  'github.com',
  'github.com.evil.test',
  // Google's two origins Sparekey reads (only once the person allows them) and a lookalike.
  'accounts.google.com',
  'myaccount.google.com',
  'accounts.google.com.evil.test',
  // The Mozilla account (read only once the person allows it) and its lookalike.
  'accounts.firefox.com',
  'accounts.firefox.com.evil.test',
  // GitLab (read only once the person allows it) and its lookalike.
  'gitlab.com',
  'gitlab.com.evil.test',
  // Proton's account app (read only once the person allows it) and its lookalike.
  'account.proton.me',
  'account.proton.me.evil.test',
  // Another site with no adapter (the generic recovery step, read once its origin is granted) and
  // a sibling subdomain that is not granted.
  'pypi.org',
  'test.pypi.org',
] as const;

/** Names the test certificate covers (MAPPED_HOSTS plus wildcards and loopback for curl/demo). */
export const CERT_NAMES = [
  ...MAPPED_HOSTS,
  '*.x.com',
  '*.twitter.com',
  '*.github.com',
  '*.evil.test',
  'localhost',
] as const;

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];
