import { xFormat } from './format';
import type { Challenge, CodeScreen, MethodChoice, OutcomeBaseline, OutcomeVerdict, SiteAdapter } from '../types';
import { collectAlerts, collectCodeScreen, collectLoginDialogs, hasCodeInput } from './collect';
import { newAlerts, samePath, successPaths } from '../outcome-rules';
import { backupChoice, classifyEnterText, handleFrom, switchMethodLink } from './decide';
import { isBackupCodePage, isCandidate, isLoginPage, onX, pageKind, x } from './site';

// ---- detectors -------------------------------------------------------------------------------
// Pure functions of (document, url); see collect.ts for the X facts they rely on. Each one
// first checks the exact origin and the path, so the same DOM on a lookalike host is nothing.

/** The 2FA step of X's login (/i/flow/login): the enter-text input in a role="dialog". */
function detectChallenge(doc: Document, url: URL): Challenge | null {
  if (!isLoginPage(url)) return null;
  for (const d of collectLoginDialogs(doc, url)) {
    if (!d.codeInput || d.codeInput.disabled) continue;
    const kind = classifyEnterText(d, d.codeInput);
    if (kind === 'other') return null;
    return {
      mode: kind,
      input: d.codeInput.el,
      submit: d.codeNext,
      container: d.dialog,
      switchMethod: kind === 'email' ? null : (switchMethodLink(d.links)?.el ?? null),
    };
  }
  return null;
}

/** X's "Choose a different verification method" screen (LoginTwoFactorAuthChooseMethod). */
function detectMethodChoice(doc: Document, url: URL): MethodChoice | null {
  if (!isLoginPage(url)) return null;
  for (const d of collectLoginDialogs(doc, url)) {
    if (d.radios.length === 0 || !d.choiceNext) continue;
    return { backup: backupChoice(d.radios)?.el ?? null, submit: d.choiceNext, container: d.dialog };
  }
  return null;
}

/** The backup-code screen: one code in groups of 4 (spaces stripped by the format). */
function detectCodeScreen(doc: Document, url: URL): CodeScreen | null {
  if (!isBackupCodePage(url)) return null;
  for (const screen of collectCodeScreen(doc)) {
    const codes: string[] = [];
    let anchor: Element | null = null;
    for (const block of screen.blocks) {
      const found = xFormat.findAll(block.text);
      if (found.length && !anchor) anchor = block.el;
      for (const c of found) if (!codes.includes(c)) codes.push(c);
    }
    if (!anchor || codes.length === 0) continue;
    const handle = handleFrom(screen.switcherText);
    const result: CodeScreen = { codes: codes.slice(0, 20), anchor, container: screen.container };
    if (handle) result.handle = handle;
    return result;
  }
  return null;
}

/** The identifier typed at the login's first step (or shown again, disabled, at the password step). */
function detectLoginHint(doc: Document, url: URL): string | null {
  if (!isLoginPage(url)) return null;
  for (const d of collectLoginDialogs(doc, url)) {
    const value = d.usernameInput?.value.trim();
    if (value) return value.slice(0, 200);
  }
  return null;
}

function outcomeBaseline(doc: Document, url: URL): OutcomeBaseline {
  // A login started from a protected page returns there (?redirect_after_login=/path).
  return { alerts: collectAlerts(doc), successPaths: successPaths(url, '/home', 'redirect_after_login') };
}

/**
 * After a submit at the 2FA step. X answers a wrong code with error 399 and a toast
 * (data-testid="toast") while the dialog stays: rejected. A right code ends the flow and the app
 * navigates to /home (or the redirect target): accepted. Leaving for anywhere else: left.
 */
function detectOutcome(doc: Document, url: URL, baseline: OutcomeBaseline): OutcomeVerdict {
  if (!onX(url)) return 'left';
  if (pageKind(url) === 'login') return newAlerts(baseline.alerts, collectAlerts(doc)).length ? 'rejected' : 'pending';
  if (baseline.successPaths.some((p) => samePath(p, url.pathname)) && !hasCodeInput(doc)) return 'accepted';
  return 'left';
}

export const xAdapter: SiteAdapter = {
  site: x,
  format: xFormat,
  isCandidate,
  detectChallenge,
  detectMethodChoice,
  detectCodeScreen,
  detectLoginHint,
  outcomeBaseline,
  detectOutcome,
};
