import type { Challenge, CodeScreen, MethodChoice, OutcomeBaseline, OutcomeVerdict, SiteAdapter } from '../types';
import { collectAlerts, collectCodeForm, collectCodes, hasCodeInput } from './collect';
import { codeScreenIn } from '../code-screen';
import { newAlerts, samePath } from '../outcome-rules';
import { emailFrom } from './decide';
import { mozillaFormat } from './format';
import { isCandidate, isCodesPage, isRecoveryCodeStep, mozilla, onMozilla } from './site';

// ---- detectors -------------------------------------------------------------------------------
// Pure functions of (document, url); see collect.ts for the fxa facts they rely on. Each one first
// checks the exact origin and the path, so the same DOM on a lookalike host is nothing.

/**
 * The login's backup-code view, and only it: the URL says which view it is (the TOTP view's input
 * is name=code too, and a settings step that asks for one of the new codes to confirm the set-up
 * is not a login). The TOTP view gets no offer at all: from there the person takes fxa's own
 * "Trouble entering code?" link to this view, where the code is offered.
 */
function detectChallenge(doc: Document, url: URL): Challenge | null {
  if (!isRecoveryCodeStep(url)) return null;
  const form = collectCodeForm(doc);
  if (!form || form.disabled) return null;
  return { mode: 'backup', input: form.input, submit: form.submit, container: form.container, switchMethod: null };
}

/** fxa has no choice screen that Sparekey acts on. */
function detectMethodChoice(): MethodChoice | null {
  return null;
}

/** The new set of 8 codes in the set-up or replace-codes step, with the account's e-mail. */
function detectCodeScreen(doc: Document, url: URL): CodeScreen | null {
  if (!isCodesPage(url)) return null;
  const found = collectCodes(doc);
  return codeScreenIn(found, mozillaFormat, mozilla.capture.perScreen, emailFrom(found.downloadName));
}

/** The backup-code view does not show the e-mail typed earlier. */
function detectLoginHint(): string | null {
  return null;
}

function outcomeBaseline(doc: Document): OutcomeBaseline {
  return { alerts: collectAlerts(doc), successPaths: ['/settings'] };
}

/**
 * fxa is a single-page app: the backup-code form posts by script and the answer shows in the same
 * document. A new tooltip or alert with the form still there: rejected. At /settings with no code
 * form: accepted (fxa navigates there in the page; until the form is gone, pending). Anywhere else
 * (a relying party, another fxa view): left, so the code stays unconfirmed for the person to settle.
 */
function detectOutcome(doc: Document, url: URL, baseline: OutcomeBaseline): OutcomeVerdict {
  if (!onMozilla(url)) return 'left';
  if (isRecoveryCodeStep(url)) return newAlerts(baseline.alerts, collectAlerts(doc)).length && hasCodeInput(doc) ? 'rejected' : 'pending';
  // React's router changes the URL before it renders the new view: at /settings with the form
  // still in the document, the answer is on its way.
  if (baseline.successPaths.some((p) => samePath(p, url.pathname))) return hasCodeInput(doc) ? 'pending' : 'accepted';
  return 'left';
}

export const mozillaAdapter: SiteAdapter = {
  site: mozilla,
  format: mozillaFormat,
  isCandidate,
  detectChallenge,
  detectMethodChoice,
  detectCodeScreen,
  detectLoginHint,
  outcomeBaseline,
  detectOutcome,
};
