// Auto-fill on the page's side (issue 14): whether a backup-code step that just appeared may be
// filled with no click. Collect, then decide: facts() reads the page into a plain record and
// blocker() decides on the record alone. Every condition must hold; blocker() names the first that
// does not. The background checks again what it can see (background/auto-fill.ts) and decides.
import type { ChallengeMode, Offer } from '../messages/protocol';
import { documentOrigin } from './origin';

/** The conditions, in the order they are checked; each has its own test. */
export const AUTO_FILL_CONDITIONS = [
  /** The person turned auto-fill on for the account the offer names (the background says so). */
  'turned-on',
  /** Exactly one account fits: the offer is ready for one account, not a choice. */
  'one-account',
  /** The adapter positively named a backup-code step: never unknown, app or e-mail. */
  'backup-step',
  /** Our script runs in the tab's top frame... */
  'top-frame',
  /** ...on one of the site's exact origins (not an opaque sandboxed copy of its URL). */
  'exact-origin',
  /** The tab is visible... */
  'visible',
  /** ...and focused: the person is looking at it. */
  'focused',
  /** Nothing covers or hides X's input or our chip, nothing of the page's in the top layer (guard.ts). */
  'guard',
  /** Once per appearance of the step. */
  'first-for-step',
  /** After a rejection (or a fill with no outcome) on this page, the next code is only offered. */
  'no-failure-before',
] as const;
export type AutoFillCondition = (typeof AUTO_FILL_CONDITIONS)[number];

export interface AutoFillFacts {
  offer: Offer | undefined;
  mode: ChallengeMode;
  topFrame: boolean;
  exactOrigin: boolean;
  visible: boolean;
  focused: boolean;
  guard: boolean;
  firstForStep: boolean;
  failedBefore: boolean;
}

/** The first condition that does not hold, or null: fill. */
export function blocker(f: AutoFillFacts): AutoFillCondition | null {
  const holds: Record<AutoFillCondition, () => boolean> = {
    'turned-on': () => f.offer?.autoFill === true,
    'one-account': () => f.offer?.state === 'ready' && !!f.offer.accountId && !f.offer.waitMs,
    'backup-step': () => f.mode === 'backup',
    'top-frame': () => f.topFrame,
    'exact-origin': () => f.exactOrigin,
    visible: () => f.visible,
    focused: () => f.focused,
    guard: () => f.guard,
    'first-for-step': () => f.firstForStep,
    'no-failure-before': () => !f.failedBefore,
  };
  return AUTO_FILL_CONDITIONS.find((c) => !holds[c]()) ?? null;
}

/** The page's side of the facts: frame, origin, visibility and focus of `doc`. */
export function pageFacts(doc: Document, origins: readonly string[]): Pick<AutoFillFacts, 'topFrame' | 'exactOrigin' | 'visible' | 'focused'> {
  const win = doc.defaultView;
  const origin = win ? documentOrigin(win) : null;
  return {
    topFrame: !!win && win.top === win,
    exactOrigin: origin !== null && origins.includes(origin),
    visible: doc.visibilityState === 'visible',
    focused: doc.hasFocus(),
  };
}
