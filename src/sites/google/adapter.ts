import type { Challenge, CodeScreen, MethodChoice, OutcomeBaseline, OutcomeVerdict, SiteAdapter } from '../types';
import { collectAlerts, collectChallenge, collectCodes, collectEmail } from './collect';
import { codeScreenIn } from '../code-screen';
import { newAlerts, samePath } from '../outcome-rules';
import { emailIn, localContinue } from './decide';
import { googleFormat } from './format';
import { ACCOUNTS, MYACCOUNT, google, isBackupCodeChallenge, isBackupCodesPage, isCandidate } from './site';

// ---- detectors -------------------------------------------------------------------------------
// Pure functions of (document, url); see collect.ts for the Google facts they rely on. Each one
// first checks the exact origin and the path, so the same DOM on a lookalike host is nothing.

const onGoogle = (url: URL) => (google.origins as readonly string[]).includes(url.origin);

/**
 * The backup-code challenge only. The TOTP (#totpPin) and SMS (#idvPin) challenges get nothing:
 * their inputs take another kind of code, and Google's "Try another way" is the person's choice.
 */
function detectChallenge(doc: Document, url: URL): Challenge | null {
  if (!isBackupCodeChallenge(url)) return null;
  const step = collectChallenge(doc);
  if (!step || step.disabled) return null;
  return { mode: 'backup', input: step.input, submit: step.submit, container: step.container, switchMethod: null };
}

/** The "Try another way" list is the person's to choose from: Sparekey does not pick for them. */
function detectMethodChoice(): MethodChoice | null {
  return null;
}

/** The backup-codes page: 10 codes of 8 digits. */
function detectCodeScreen(doc: Document, url: URL): CodeScreen | null {
  if (!isBackupCodesPage(url)) return null;
  const found = collectCodes(doc);
  return codeScreenIn(found, googleFormat, google.capture.perScreen, emailIn(found.accountLabel));
}

/** The email Google shows at the challenge (the account being signed in). */
function detectLoginHint(doc: Document, url: URL): string | null {
  if (!isBackupCodeChallenge(url)) return null;
  return emailIn(collectEmail(doc)) ?? null;
}

function outcomeBaseline(doc: Document, url: URL): OutcomeBaseline {
  const after = localContinue(url.searchParams.get('continue'), ACCOUNTS);
  return { alerts: collectAlerts(doc), successPaths: after ? [after] : [] };
}

/**
 * After a Next at the challenge, in this document: Google answers a wrong code in place, with an
 * inline error, the challenge still up: rejected. A taken code navigates away (verdictAfterLoad).
 */
function detectOutcome(doc: Document, url: URL, baseline: OutcomeBaseline): OutcomeVerdict {
  if (!onGoogle(url)) return 'left';
  if (isBackupCodeChallenge(url)) return newAlerts(baseline.alerts, collectAlerts(doc)).length && collectChallenge(doc) ? 'rejected' : 'pending';
  if (url.origin === MYACCOUNT) return 'accepted';
  return 'left';
}

/**
 * A taken code sends the tab to the sign-in's continue URL (SITES.md). myaccount.google.com serves
 * only signed-in people (anyone else is sent back to accounts.google.com), so landing there is a
 * sign-in; so is the continue path when it stays on accounts.google.com. The challenge loaded
 * again is a refusal (the form's post answered with the challenge). Anywhere else (a continue on
 * another Google service we have no access to, a new sign-in page) tells nothing.
 */
function verdictAfterLoad(url: URL, successPaths: readonly string[]): OutcomeVerdict {
  if (!onGoogle(url)) return 'left';
  if (url.origin === MYACCOUNT) return 'accepted';
  if (isBackupCodeChallenge(url)) return 'rejected';
  return successPaths.some((p) => samePath(p, url.pathname)) ? 'accepted' : 'left';
}

export const googleAdapter: SiteAdapter = {
  site: google,
  format: googleFormat,
  isCandidate,
  detectChallenge,
  detectMethodChoice,
  detectCodeScreen,
  detectLoginHint,
  outcomeBaseline,
  detectOutcome,
  verdictAfterLoad,
};
