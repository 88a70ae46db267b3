// Generic recovery-code step, step 2 of 2: decisions over the plain records collect.ts gathered.
//
// Positive only. A field gets an offer when something says "backup/recovery code" about it, in
// this order of trust: its own attributes (id, name, placeholder, aria-label, test hooks), its
// label, its aria-describedby text, the visible words of its step. Then, in this order, anything
// that takes the offer away wins:
// - a field for something else: e-mail, URL, search, a login password (autocomplete
//   current-password/new-password, or type=password without a recovery name of its own), a
//   coupon/promo/gift code, a "recovery e-mail/phone";
// - a step that says a code was SENT (e-mail, SMS): a fresh code, never a saved one;
// - step words alone, when the step has more than one field left (we cannot tell which one), or
//   when no form or dialog holds the field (a help article about recovery codes with a search box
//   must not read as a recovery step);
// - a search box (type=search, role searchbox/combobox, a search landmark, name q/query/search).
// A field that also takes the authenticator app's code (GitLab's one field, Discord's
// "Auth/Backup Code") is mode 'unknown': offered, never auto-filled. autocomplete=one-time-code
// alone is a TOTP field and gets nothing.
import type { CodeInputRecord } from './collect';
import { appAttribute, attrWords, meansElsewhere, mentionsApp, recoveryIn, saysSent, type Match } from './words';

/** Where the recovery words were found, most trusted first. */
export const SIGNALS = ['attribute', 'label', 'description', 'step-text'] as const;
export type Signal = (typeof SIGNALS)[number];

/** Why a field got no offer (for tests and the closing note's counts; never shown to people). */
export const REFUSALS = [
  'not-a-code-field',
  'password',
  'something-else',
  'sent-code',
  'no-recovery-words',
  'ambiguous-step',
  'not-in-a-form',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export type Decision =
  | {
      offer: true;
      /** 'backup': the field asks for a recovery code only. 'unknown': it also takes the app's code. */
      mode: 'backup' | 'unknown';
      /** Which signal said "recovery code". */
      signal: Signal;
      /** The words that matched, and the language of the pattern that matched them. */
      matched: Match;
    }
  | { offer: false; refusal: Refusal };

/** autocomplete tokens of identity fields (the recovery code is never one of these). */
const IDENTITY_AUTOCOMPLETE = /(?:^|\s)(?:username|email|tel(?:-\S+)?|cc-\S+|name|given-name|family-name|postal-code|street-address)(?:\s|$)/;
const PASSWORD_AUTOCOMPLETE = /(?:^|\s)(?:current-password|new-password)(?:\s|$)/;
const NOT_CODE_TYPES = new Set(['email', 'url', 'search']);

function isSearchBox(r: CodeInputRecord): boolean {
  const a = r.attrs;
  return r.inSearch || a.role === 'searchbox' || a.role === 'combobox' || /^(?:q|query|search|s|keywords?)$/i.test(a.name);
}

/** The field's own words: its attributes as words, joined. */
function ownWords(r: CodeInputRecord): string {
  const a = r.attrs;
  return [a.id, a.name, a.placeholder, a.ariaLabel, a.title, ...a.hooks].map(attrWords).join(' | ');
}

/** Decides one field. `fieldsInStep` counts the step's fields that are not refused outright. */
export function decideInput(r: CodeInputRecord, fieldsInStep = 1): Decision {
  const a = r.attrs;
  if (NOT_CODE_TYPES.has(a.type) || IDENTITY_AUTOCOMPLETE.test(a.autocomplete) || isSearchBox(r))
    return { offer: false, refusal: 'not-a-code-field' };

  // A password field is the login password, unless its own name says recovery code: some sites
  // mask the recovery field (type=password, or autocomplete=current-password on name=recovery_code).
  const own = ownWords(r);
  const ownMatch = recoveryIn(own);
  if ((a.type === 'password' || PASSWORD_AUTOCOMPLETE.test(a.autocomplete)) && !ownMatch) return { offer: false, refusal: 'password' };
  if (meansElsewhere(own) || meansElsewhere(r.label)) return { offer: false, refusal: 'something-else' };

  const stepWords = [...r.step.headings, ...r.step.texts].join(' \n ');
  if (saysSent(stepWords) || saysSent(r.label) || saysSent(r.described)) return { offer: false, refusal: 'sent-code' };

  const labelMatch = recoveryIn(r.label);
  const describedMatch = recoveryIn(r.described);
  const stepMatch = recoveryIn(stepWords);
  const found: [Signal, Match | null][] = [
    ['attribute', ownMatch],
    ['label', labelMatch],
    ['description', describedMatch],
    ['step-text', stepMatch],
  ];
  const first = found.find((f): f is [Signal, Match] => f[1] !== null);
  if (!first) return { offer: false, refusal: 'no-recovery-words' };
  const [signal, matched] = first;
  if (signal === 'step-text' && r.stepKind === 'region') return { offer: false, refusal: 'not-in-a-form' };
  if (signal === 'step-text' && fieldsInStep > 1) return { offer: false, refusal: 'ambiguous-step' };

  // Does the same field also take the app's code? Its own words and label decide when they named
  // it; otherwise (only the step's words named it) anything app-like about the field or its step.
  const fieldApp = appAttribute(own) || a.autocomplete === 'one-time-code' || mentionsApp(own) || mentionsApp(r.label);
  const named = signal === 'attribute' || signal === 'label';
  const shared = named ? mentionsApp(own) || mentionsApp(r.label) : fieldApp || mentionsApp(r.described) || mentionsApp(stepWords);
  return { offer: true, mode: shared ? 'unknown' : 'backup', signal, matched };
}

/** A refusal that does not depend on the step's other fields: such fields do not count as rivals. */
function refusedAlone(r: CodeInputRecord): boolean {
  const d = decideInput(r, 1);
  return !d.offer && d.refusal !== 'no-recovery-words';
}

/**
 * Decides every field, in document order. A field's step counts its rivals: the fields of the same
 * container that are not refused on their own (e-mail, password, coupon…).
 */
export function decideAll(records: readonly CodeInputRecord[]): { record: CodeInputRecord; decision: Decision }[] {
  const rivals = new Map<Element, number>();
  for (const r of records) if (!refusedAlone(r)) rivals.set(r.container, (rivals.get(r.container) ?? 0) + 1);
  return records.map((record) => ({ record, decision: decideInput(record, rivals.get(record.container) ?? 1) }));
}
