import type { Challenge, CodeScreen, MethodChoice, OutcomeBaseline, OutcomeVerdict, SiteAdapter } from '../types';
import { collectAlerts, collectCodes, collectOtpForm, hasCodeInput } from './collect';
import { codeScreenIn } from '../code-screen';
import { newAlerts } from '../outcome-rules';
import { usernameFrom } from './decide';
import { gitlabFormat } from './format';
import { gitlab, isCandidate, isCodesPage, isSignInPage, onGitlab } from './site';

// ---- detectors -------------------------------------------------------------------------------
// Pure functions of (document, url); see collect.ts for the gitlabhq facts they rely on. Each one
// first checks the exact origin and the path, so the same DOM on a lookalike host is nothing.

/**
 * The sign-in's 2FA step, found by its field: the password and e-mail verification steps share
 * its URL and have no `#user_otp_attempt`. Mode `unknown`, as the generic detector names this
 * field (src/sites/generic/DESIGN.md): it takes the authenticator's code as well as a recovery
 * code, so Sparekey offers a code in the chip and fills it on the person's click, but never
 * auto-fills or auto-submits it. Behind WebAuthn the form is hidden until the person presses
 * "Sign in via 2FA code"; the chip comes when it shows.
 */
function detectChallenge(doc: Document, url: URL): Challenge | null {
  if (!isSignInPage(url)) return null;
  const form = collectOtpForm(doc);
  if (!form || form.disabled) return null;
  return { mode: 'unknown', input: form.input, submit: form.submit, container: form.container, switchMethod: null };
}

/** GitLab has no choice screen: one field takes every kind of code. */
function detectMethodChoice(): MethodChoice | null {
  return null;
}

/** The new set of 10, shown once after enabling 2FA or regenerating, with the signed-in username. */
function detectCodeScreen(doc: Document, url: URL): CodeScreen | null {
  if (!isCodesPage(url)) return null;
  const found = collectCodes(doc);
  return codeScreenIn(found, gitlabFormat, gitlab.capture.perScreen, usernameFrom(found.username));
}

/** The 2FA step does not show the login typed at the password step. */
function detectLoginHint(): string | null {
  return null;
}

function outcomeBaseline(doc: Document): OutcomeBaseline {
  // The place a successful sign-in returns to is stored in GitLab's session (store_location_for),
  // never in the URL: any page of the site but the sign-in is where a taken code lands.
  return { alerts: collectAlerts(doc), successPaths: ['/'] };
}

/**
 * In the filled document. A new alert with the 2FA field still there: rejected. Off the sign-in
 * with no 2FA field: accepted. GitLab answers the form with a new document, though (see
 * verdictAfterLoad), so this mostly says pending until the page goes.
 */
function detectOutcome(doc: Document, url: URL, baseline: OutcomeBaseline): OutcomeVerdict {
  if (!onGitlab(url)) return 'left';
  if (isSignInPage(url)) return newAlerts(baseline.alerts, collectAlerts(doc)).length && hasCodeInput(doc) ? 'rejected' : 'pending';
  return hasCodeInput(doc) ? 'pending' : 'accepted';
}

/**
 * GitLab posts the 2FA form to /users/sign_in and answers with a new document: a refused code
 * renders the same form again there ("Invalid two-factor code."), a taken one redirects to the
 * stored location or the dashboard, which the URL cannot name (see outcomeBaseline). So landing
 * on /users/sign_in again is a rejection, and any other gitlab.com page acceptance. The code was
 * filled into GitLab's own OTP field, which checks it as the authenticator's code and then as a
 * recovery code: a refusal there is about this code, whatever the step's mode.
 */
function verdictAfterLoad(url: URL): OutcomeVerdict {
  if (!onGitlab(url)) return 'left';
  return isSignInPage(url) ? 'rejected' : 'accepted';
}

export const gitlabAdapter: SiteAdapter = {
  site: gitlab,
  format: gitlabFormat,
  isCandidate,
  detectChallenge,
  detectMethodChoice,
  detectCodeScreen,
  detectLoginHint,
  outcomeBaseline,
  detectOutcome,
  verdictAfterLoad,
};
