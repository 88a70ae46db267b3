// Proton adapter, step 1 of 2: read the DOM into plain records. Nothing here decides anything;
// the decisions live in adapter.ts and decide.ts and work on these records alone.
//
// What Proton's pages look like (ProtonMail/WebClients; /work/shared/SITES.md):
// - Login, second step (applications/account/src/app/login/LoginTOTPForm.tsx, form name
//   "totpForm", still at /login): TotpInputs (packages/components/containers/account/totp) in
//   'totp' mode is TotpInput with id "totp": SIX inputs `#totp`, `#totp-1` … `#totp-5` (type tel,
//   autocomplete one-time-code on the first only), and the form submits itself once six digits
//   are in. A ghost button (type button) "Use recovery code" switches the same form, without
//   navigation, to 'recovery-code' mode: ONE `input#recovery-code` (type text, autocomplete off);
//   the form strips spaces from it (`code.replaceAll(/\s+/g, '')`) and "Authenticate" submits it.
// - A refused code: handleTotp throws a TOTPError with the API's message (fallback "Incorrect login
//   credentials. Please try again."), shown by the error handler as a notification, `[role=alert]`
//   `.notification--error` in `.notifications-container`; the form stays (LoginContainer cancels
//   the login on any other error, which shows the password step again).
// - New codes (EnableTOTPModal, last step RECOVERY_CODES): one `code[data-testid="totp:recovery-code"]`
//   per code, a Download button (proton_recovery_codes.txt) and Close, inside ModalTwo's
//   `<dialog class="modal-two-dialog">` (no `open` attribute: CSS shows it). The modal's step before it
//   asks for the authenticator's six digits in the same six-input TotpInput (#totp …): not a login.
//   Nothing in the modal names the account.

export const SELECTOR = {
  recovery: 'input#recovery-code',
  totp: 'input#totp',
  totpBoxes: 'input[id^="totp"]',
  codes: 'code[data-testid="totp:recovery-code"]',
  alerts: '.notifications-container [role="alert"], [role="alert"].notification',
  errors: '.notification--error',
} as const;

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isInput(el: Element | null): el is HTMLInputElement {
  return el !== null && el.tagName.toLowerCase() === 'input';
}

/**
 * Hidden by the page (the `hidden` attribute on it or an ancestor). Not a <dialog> without `open`:
 * ModalTwo renders its `<dialog class="modal-two-dialog">` without it and shows it by CSS, and
 * takes it out of the document when it closes.
 */
function isHidden(el: Element): boolean {
  return el.closest('[hidden]') !== null;
}

export interface StepRecord {
  kind: 'recovery' | 'totp';
  /** input#recovery-code, or the first of the six TOTP boxes (never filled: see adapter.ts). */
  input: HTMLInputElement;
  disabled: boolean;
  /** The form holding the input, or its parent when there is no form. */
  container: Element;
  submit: HTMLElement | null;
  /** The form's own method switch ("Use recovery code"), at the TOTP mode; null when none. */
  switchMethod: HTMLElement | null;
}

/** The first visible input matching `selector` outside any dialog (the set-up modal has its own #totp boxes). */
function pageInput(doc: Document, selector: string): HTMLInputElement | null {
  return Array.from(doc.querySelectorAll(selector)).find((el): el is HTMLInputElement => isInput(el) && !isHidden(el) && !inDialog(el)) ?? null;
}

/** The login's second-factor form the page shows (one mode at a time), or null. */
export function collectStep(doc: Document): StepRecord | null {
  const recovery = pageInput(doc, SELECTOR.recovery);
  const input = recovery ?? pageInput(doc, SELECTOR.totp);
  if (!input) return null;
  const kind = input === recovery ? 'recovery' : 'totp';
  const form = input.form ?? input.closest('form');
  const container = form ?? input.parentElement ?? input;
  const buttons = Array.from(container.querySelectorAll<HTMLButtonElement>('button'));
  const submit = buttons.find((b) => b.type === 'submit') ?? null;
  // LoginTOTPForm's only type=button control at the TOTP mode is the method switch (Proton's
  // Button renders type="button" unless told otherwise: packages/atoms/Button/Button.tsx).
  const switches = buttons.filter((b) => b.type === 'button' && !b.disabled && !isHidden(b));
  return {
    kind,
    input,
    disabled: input.disabled,
    container,
    submit,
    switchMethod: kind === 'totp' ? (switches.at(-1) ?? null) : null,
  };
}

/** How many TOTP boxes the step's form holds (the login's TotpInput has six). */
export function totpBoxCount(step: StepRecord): number {
  return step.container.querySelectorAll(SELECTOR.totpBoxes).length;
}

/** Whether the node is inside a modal dialog (the set-up modal's confirm step is one). */
export function inDialog(el: Element): boolean {
  return el.closest('dialog, [role="dialog"], .modal-two') !== null;
}

export interface CodesRecord {
  /** Each code element of the set-up modal's last step with its text. */
  items: { el: Element; text: string }[];
  /** The element around them. */
  container: Element | null;
}

export function collectCodes(doc: Document): CodesRecord {
  const items = Array.from(doc.querySelectorAll(SELECTOR.codes))
    .filter((el) => !isHidden(el))
    .map((el) => ({ el, text: clean(el.textContent) }));
  return { items, container: items[0]?.el.parentElement ?? null };
}

/** Every visible notification, with its text. */
export function collectAlerts(doc: Document): Map<Element, string> {
  const alerts = new Map<Element, string>();
  for (const el of Array.from(doc.querySelectorAll(SELECTOR.alerts))) if (!isHidden(el) && el.matches(SELECTOR.errors)) alerts.set(el, clean(el.textContent));
  return alerts;
}

/** Whether the page still shows the second-factor form (either mode). */
export function hasCodeInput(doc: Document): boolean {
  return collectStep(doc) !== null;
}

/** Whether the login's first step (username and password) is showing: the login started over. */
export function hasPasswordStep(doc: Document): boolean {
  return pageInput(doc, 'input#password') !== null;
}
