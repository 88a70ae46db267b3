import type { Challenge, CodeScreen, MethodChoice, OutcomeBaseline, OutcomeVerdict, SiteAdapter } from '../types';
import { collectAlerts, collectCodes, collectSteps, hasCodeInput } from './collect';
import { newAlerts, samePath, successPaths } from '../outcome-rules';
import { codeScreenIn } from '../code-screen';
import { loginFrom } from './decide';
import { githubFormat } from './format';
import { github, isCandidate, isRecoveryCodesPage, isTwoFactorPage, onGithub } from './site';

// ---- detectors -------------------------------------------------------------------------------
// Pure functions of (document, url); see collect.ts for the GitHub facts they rely on. Each one
// first checks the exact origin and the path, so the same DOM on a lookalike host is nothing.

/**
 * The recovery step (`#recovery_code`, mode backup), else the authenticator step (`#app_totp`,
 * mode app). At the app step Sparekey never fills `#app_totp`: GitHub submits that form by itself
 * the moment the value matches, so a fill there would sign in without the person's click (and
 * with auto-submit off). The chip offers "use a recovery code instead", which follows GitHub's
 * own link to the recovery step, where the code is filled and the person presses Verify.
 */
function detectChallenge(doc: Document, url: URL): Challenge | null {
  if (!isTwoFactorPage(url)) return null;
  const step = collectSteps(doc).find((s) => !s.disabled);
  if (!step) return null;
  if (step.kind === 'app' && !step.recoveryLink) return null;
  return {
    mode: step.kind === 'recovery' ? 'backup' : 'app',
    input: step.input,
    submit: step.submit,
    container: step.container,
    switchMethod: step.kind === 'app' ? step.recoveryLink : null,
  };
}

/** GitHub has no choice screen: its link goes straight to the recovery step. */
function detectMethodChoice(): MethodChoice | null {
  return null;
}

/** The recovery-codes page: 16 codes, one per `.two-factor-recovery-code`. */
function detectCodeScreen(doc: Document, url: URL): CodeScreen | null {
  if (!isRecoveryCodesPage(url)) return null;
  const found = collectCodes(doc);
  return codeScreenIn(found, githubFormat, github.capture.perScreen, loginFrom(found.login));
}

/** GitHub's 2FA step does not show the login typed at the password step. */
function detectLoginHint(): string | null {
  return null;
}

function outcomeBaseline(doc: Document, url: URL): OutcomeBaseline {
  // A login started from a protected page returns there (?return_to=/path).
  return { alerts: collectAlerts(doc), successPaths: successPaths(url, '/', 'return_to') };
}

/**
 * After a submit at the recovery step, in this document. A new error flash with the 2FA form still
 * there: rejected. At github.com/ or the login's return_to with no 2FA form: accepted. Anywhere
 * else: left. (GitHub usually answers the form with a new document: see verdictAfterLoad.)
 */
function detectOutcome(doc: Document, url: URL, baseline: OutcomeBaseline): OutcomeVerdict {
  if (!onGithub(url)) return 'left';
  if (isTwoFactorPage(url)) return newAlerts(baseline.alerts, collectAlerts(doc)).length && hasCodeInput(doc) ? 'rejected' : 'pending';
  if (baseline.successPaths.some((p) => samePath(p, url.pathname)) && !hasCodeInput(doc)) return 'accepted';
  return 'left';
}

/**
 * GitHub answers the recovery form with a new document: a redirect to github.com/ or return_to
 * when the code was taken, the 2FA form again (with an error flash) when it was not (SITES.md).
 * So the URL the tab lands on decides: a 2FA path again is a rejection, a success path acceptance,
 * anything else (the sign-in page after an expired session, another site) tells nothing.
 */
function verdictAfterLoad(url: URL, successPaths: readonly string[]): OutcomeVerdict {
  if (!onGithub(url)) return 'left';
  if (isTwoFactorPage(url)) return 'rejected';
  return successPaths.some((p) => samePath(p, url.pathname)) ? 'accepted' : 'left';
}

export const githubAdapter: SiteAdapter = {
  site: github,
  format: githubFormat,
  isCandidate,
  detectChallenge,
  detectMethodChoice,
  detectCodeScreen,
  detectLoginHint,
  outcomeBaseline,
  detectOutcome,
  verdictAfterLoad,
};
