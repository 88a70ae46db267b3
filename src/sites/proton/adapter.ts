import type { CodeFormat } from '../../vault/formats/format';
import type { Challenge, CodeScreen, MethodChoice, OutcomeBaseline, OutcomeVerdict, SiteAdapter } from '../types';
import { codeScreenIn } from '../code-screen';
import { newAlerts } from '../outcome-rules';
import { collectAlerts, collectCodes, collectStep, hasCodeInput, hasPasswordStep } from './collect';
import { challengeOf, verdictAtLogin } from './decide';
import { protonFormat } from './format';
import { isCandidate, isLoginPage, isSettingsPage, onProton, proton, signedIn } from './site';

// ---- detectors -------------------------------------------------------------------------------
// Pure functions of (document, url); see collect.ts for the WebClients facts they rely on. Each
// one first checks the exact origin and the path, so the same DOM on a lookalike host is nothing.

/**
 * A bound on one screen, not Proton's count: the server decides how many codes a set holds and the
 * client never says. Far above any set a person is shown, it only stops a page full of look-alike
 * words from becoming "codes".
 */
const MOST_CODES_SHOWN = 32;

/**
 * Each code element holds exactly one code, so it is read whole with the format's normalize (what
 * import and paste accept: 6–32 letters and digits), not scanned like free text, which leaves out
 * a word of digits alone (a phone number in a pasted note, a code here).
 */
const oneCodePerElement: CodeFormat = {
  ...protonFormat,
  findAll: (text) => {
    const whole = protonFormat.normalize(text);
    return whole ? [whole] : protonFormat.findAll(text);
  },
};

/** The login's recovery-code mode (fill), or its TOTP mode with the switch to it (offer to switch, never fill). */
function detectChallenge(doc: Document, url: URL): Challenge | null {
  if (!isLoginPage(url)) return null;
  return challengeOf(collectStep(doc));
}

/** Proton has no choice screen: its switch goes straight to the recovery mode. */
function detectMethodChoice(): MethodChoice | null {
  return null;
}

/** The set-up modal's last step: the codes as Proton's server made them. The modal names no account. */
function detectCodeScreen(doc: Document, url: URL): CodeScreen | null {
  if (!isSettingsPage(url)) return null;
  return codeScreenIn(collectCodes(doc), oneCodePerElement, MOST_CODES_SHOWN, undefined);
}

/** The second step does not show the username typed at the first. */
function detectLoginHint(): string | null {
  return null;
}

function outcomeBaseline(doc: Document): OutcomeBaseline {
  // Signed-in pages are a pattern (/u/<session>/…), not a list: see signedIn in site.ts.
  return { alerts: collectAlerts(doc), successPaths: [] };
}

/**
 * Proton's login is a single-page app: the code goes to the API by script and a refusal shows as a
 * notification in the same document, the form still there. A signed-in page of the account app
 * (/u/<session>/…) without the form: accepted. Anywhere else (another Proton app's origin, a
 * lookalike): left, so the code stays unconfirmed for the person to settle.
 */
function detectOutcome(doc: Document, url: URL, baseline: OutcomeBaseline): OutcomeVerdict {
  if (!onProton(url)) return 'left';
  if (isLoginPage(url)) return verdictAtLogin(newAlerts(baseline.alerts, collectAlerts(doc)).length, hasCodeInput(doc), hasPasswordStep(doc));
  // The router may change the URL before it renders the new view: wait for the form to go.
  if (signedIn(url)) return hasCodeInput(doc) ? 'pending' : 'accepted';
  return 'left';
}

/**
 * When the account app continues with a new document instead (a full load of a signed-in page),
 * the background judges that load: a signed-in page of account.proton.me is accepted; /login
 * again (a reload, an expired login) or anywhere else tells nothing.
 */
function verdictAfterLoad(url: URL): OutcomeVerdict {
  return signedIn(url) ? 'accepted' : 'left';
}

export const protonAdapter: SiteAdapter = {
  site: proton,
  format: protonFormat,
  isCandidate,
  detectChallenge,
  detectMethodChoice,
  detectCodeScreen,
  detectLoginHint,
  outcomeBaseline,
  detectOutcome,
  verdictAfterLoad,
};
