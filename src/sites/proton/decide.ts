// Proton adapter, step 2 of 2: decisions over the plain records collect.ts gathered.
import type { Challenge, OutcomeVerdict } from '../types';
import { totpBoxCount, type StepRecord } from './collect';

/**
 * The login's second-factor form as a step Sparekey acts on. The recovery mode (input#recovery-code)
 * is where a code goes (mode backup). The TOTP mode is six one-digit boxes that submit the form by
 * themselves once full: Sparekey never types there. It is offered only when the form's own switch
 * is there, as mode 'app' with that switch, so the chip offers "use a recovery code instead",
 * follows Proton's switch to the recovery mode in the same form, and fills that input. (The 2FA
 * set-up modal's own six boxes are no login: collect.ts leaves inputs in a dialog out.)
 */
export function challengeOf(step: StepRecord | null): Challenge | null {
  if (!step || step.disabled) return null;
  if (step.kind === 'recovery') return { mode: 'backup', input: step.input, submit: step.submit, container: step.container, switchMethod: null };
  if (!step.switchMethod || totpBoxCount(step) < 2) return null;
  return { mode: 'app', input: step.input, submit: step.submit, container: step.container, switchMethod: step.switchMethod };
}

/**
 * At /login after a submit: a new error notification with the form still up is Proton refusing the
 * code (it keeps the form on a TOTPError). The form gone and no new error: the answer is on its way
 * (the account app navigates once the session is set up), unless the password step is back (the
 * login was cancelled by another error): left.
 */
export function verdictAtLogin(freshErrors: number, formUp: boolean, passwordStepBack: boolean): OutcomeVerdict {
  if (freshErrors > 0 && formUp) return 'rejected';
  if (!formUp && passwordStepBack) return 'left';
  return 'pending';
}
