// The way from the authenticator-app step to the backup-code step (X's; GitHub's is its first half), driven when a person (or the
// background) asks for a backup code at the app step: the step's "Choose a different verification
// method" link → X's choice screen (LoginTwoFactorAuthChooseMethod) → the backup-code radio →
// Next, which X enables only once a radio is chosen → the backup-code step. Nothing is reserved
// until the backup-code step is there. The live page comes in as parameters (the adapter's
// detectors over the current document, the caller's timers), so this runs against fakes too.
import type { Challenge, MethodChoice } from '../types';

/** How long each screen of the switch may take to appear. */
export const STEP_MS = 10_000;
/** How long X may take to enable Next once the backup radio is chosen. */
const NEXT_MS = 3_000;

export interface MethodChoicePage {
  /** X's choice screen as the page shows it now (adapter.detectMethodChoice). */
  methodChoice(): MethodChoice | null;
  /** The 2FA step as the page shows it now (adapter.detectChallenge). */
  challenge(): Challenge | null;
  /** fn()'s first truthy value, polled; null after timeoutMs or when the caller's scope ends. */
  until<T>(fn: () => T | null | undefined | false, timeoutMs: number): Promise<T | null>;
  /** Clicks once the button is enabled; false when it was not within timeoutMs. */
  clickWhenEnabled(button: HTMLElement, timeoutMs: number): Promise<boolean>;
}

/** The step the switch is waiting for: a new input asking for a backup code (or a code we cannot name). */
export function isBackupStep(next: Challenge | null, from: Challenge): next is Challenge {
  return next !== null && next.input !== from.input && (next.mode === 'backup' || next.mode === 'unknown');
}

/** The backup-code step reached from `from` (the app step), or null when any part did not appear in time. */
export async function switchToBackup(from: Challenge, page: MethodChoicePage): Promise<Challenge | null> {
  const link = from.switchMethod;
  if (!link) return null;
  link.click();
  // X shows its choice screen first; a site without one (GitHub) shows the backup step itself,
  // sometimes in the same document (its recovery form swapped in): that is the step we wanted.
  const next = await page.until(() => {
    const direct = page.challenge();
    return isBackupStep(direct, from) ? { direct } : page.methodChoice();
  }, STEP_MS);
  if (next && 'direct' in next) return next.direct;
  const choice = next;
  if (!choice?.backup || !choice.submit) return null;
  if (!choice.backup.checked) choice.backup.click();
  if (!(await page.clickWhenEnabled(choice.submit, NEXT_MS))) return null;
  return page.until(() => {
    const next = page.challenge();
    return isBackupStep(next, from) ? next : null;
  }, STEP_MS);
}
