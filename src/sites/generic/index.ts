// The generic recovery-code step (issue 13, item 3): for an account of a site Sparekey has no
// adapter for, find the login step's field that asks for a backup/recovery code. Not a site:
// it is the detector for every site outside the registry, so it is not listed in
// src/sites/index.ts (the registry meta-test knows this folder by name). Pure, like every
// detector: (document, url) plus the account's granted origins in, a plain record out.
// See collect.ts (what is read) and decide.ts (what counts); words.ts holds the languages.
import { collectCodeInputs } from './collect';
import { decideAll, type Decision, type Signal } from './decide';

export { collectCodeInputs, type CodeInputRecord } from './collect';
export { decideAll, decideInput, REFUSALS, SIGNALS, type Decision, type Refusal, type Signal } from './decide';
export { RECOVERY, REQUIRED_LANGUAGES, recoveryIn } from './words';

/** The step's recovery-code field, as the content script will act on it. */
export interface RecoveryStep {
  /** 'backup' only when the field asks for a recovery code alone: the only mode auto-fill may act on. */
  mode: 'backup' | 'unknown';
  /** Which signal said "recovery code": the field's attributes, its label, its description or its step's words. */
  signal: Signal;
  /** The matched words and the language of the pattern (for the closing note, never for people). */
  matched: { lang: string; words: string };
  input: HTMLInputElement;
  /** The step's submit control; null when none was found. */
  submit: HTMLElement | null;
  /** The form or dialog holding the field: the chip anchors to it. */
  container: Element;
  /** The page's language where the field is ('' when the page says none). */
  lang: string;
}

/**
 * The recovery-code field of this page, or null. `origins` are the exact origins (scheme://host)
 * of the account the person granted: on any other origin the page is not read at all, so a site
 * with its own adapter (X at https://x.com) is left to it by never being passed here.
 */
export function detectRecoveryStep(doc: Document, url: URL, origins: readonly string[]): RecoveryStep | null {
  if (!origins.includes(url.origin)) return null;
  for (const { record, decision } of decideAll(collectCodeInputs(doc))) {
    if (!decision.offer) continue;
    return {
      mode: decision.mode,
      signal: decision.signal,
      matched: decision.matched,
      input: record.el,
      submit: record.submit,
      container: record.container,
      lang: record.lang,
    };
  }
  return null;
}

/** Every field of the page with its decision (tests and diagnostics; same origin rule). */
export function explainRecoveryStep(
  doc: Document,
  url: URL,
  origins: readonly string[],
): { input: HTMLInputElement; decision: Decision }[] {
  if (!origins.includes(url.origin)) return [];
  return decideAll(collectCodeInputs(doc)).map(({ record, decision }) => ({ input: record.el, decision }));
}
