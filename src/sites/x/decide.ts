// X adapter, step 2 of 2: decisions over the plain records collect.ts gathered. No DOM access
// here beyond carrying the element references through.
import type { StepMode } from '../types';
import type { InputRecord, LinkRecord, LoginDialogRecord, RadioRecord } from './collect';
import { KEYS, isEmailBody, textKey } from './strings';

/** What one enter-text step is. `other` = not a code step (e.g. the unusual-activity check). */
export type EnterTextKind = StepMode | 'other';

function any(texts: readonly string[], keys: ReadonlySet<string>): boolean {
  return texts.some((t) => keys.has(textKey(t)));
}

/**
 * Classifies a dialog holding X's enter-text input. The heading (and the line under it) tells the
 * steps apart, in the six languages we know; structure decides when the words are unknown:
 * - "Contact X Support" (a link off x.com, help.twitter.com) appears under the 2FA input only;
 * - inputmode="numeric" marks code steps (X's keyboard_type "number": 2FA and e-mailed code);
 *   the unusual-activity check asks for a phone number or username as plain text.
 * A code step we cannot name is 'unknown': offered, never auto-submitted.
 */
export function classifyEnterText(d: Pick<LoginDialogRecord, 'heading' | 'texts' | 'links'>, input: InputRecord): EnterTextKind {
  const heading = [d.heading];
  if (any(heading, KEYS.emailTitle) || d.texts.some(isEmailBody)) return 'email';
  if (any(heading, KEYS.unusualTitle)) return 'other';
  if (any(heading, KEYS.backupTitle) || any(d.texts, KEYS.backupBody)) return 'backup';
  if (any(heading, KEYS.appTitle) || any(d.texts, KEYS.appBody)) return 'app';
  const supportLink = d.links.some((l) => l.external);
  if (supportLink || input.inputMode === 'numeric') return 'unknown';
  return 'other';
}

/**
 * The link that leads to X's choice screen: by its words in a known language, else the in-app
 * link that sits with the external "Contact X Support" link (the 2FA step has exactly that pair).
 */
export function switchMethodLink(links: readonly LinkRecord[]): LinkRecord | null {
  const named = links.find((l) => !l.external && KEYS.chooseMethod.has(textKey(l.text)));
  if (named) return named;
  const internal = links.filter((l) => !l.external);
  return internal.length === 1 && links.some((l) => l.external) ? internal[0]! : null;
}

/** The "Use a backup code" radio. Values vary per account (issue 4), so only labels count. */
export function backupChoice(radios: readonly RadioRecord[]): RadioRecord | null {
  return radios.find((r) => KEYS.choiceBackup.has(textKey(r.label))) ?? null;
}

/** X handles: 1–15 letters, digits or underscores, written "@handle" in the account switcher. */
export function handleFrom(text: string): string | undefined {
  return /@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])/.exec(text)?.[1];
}



