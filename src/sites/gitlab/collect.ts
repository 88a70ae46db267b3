// GitLab adapter, step 1 of 2: read the DOM into plain records. Nothing here decides anything; the
// decisions live in decide.ts and work on these records alone.
//
// What GitLab's pages look like (gitlabhq; /work/shared/SITES.md):
// - Login, 2FA step (app/views/devise/shared/_totp_recovery_code_or_webauthn.html.haml, rendered
//   at /users/sign_in after the password): `form.js-2fa-form` with ONE field for the authenticator
//   code and recovery codes alike, `input#user_otp_attempt` (name `user[otp_attempt]`,
//   data-testid two-fa-code-field, autocomplete off, inputmode numeric although recovery codes
//   hold letters), and the submit button "Verify code" (data-testid verify-code-button). With
//   WebAuthn registered the form carries the `hidden` class until "Sign in via 2FA code" is pressed.
// - The password step (`#user_login`, `#user_password`) and the e-mail verification step (a Vue
//   form for the e-mailed code) are at the same URL and have no `#user_otp_attempt`.
// - A refused code (AuthenticatesWithTwoFactor): `flash.now[:alert] = _('Invalid two-factor
//   code.')` and the same form again, rendered by layouts/_flash as a `.flash-alert` in
//   `.flash-container`.
// - New codes (authentication/two_factor_auth/components/recovery_codes.vue, mounted on
//   `.js-2fa-recovery-codes` by the `create` and `codes` views): a card `[data-testid=recovery-codes]`
//   with one `span[data-testid=code-content]` per code (before the rename:
//   `data-qa-selector=code_content`). The signed-in username is in the page's gon script
//   (`gon.current_username="…"`, lib/gitlab/gon_helper.rb).

export const SELECTOR = {
  otpInput: 'input#user_otp_attempt, input[name="user[otp_attempt]"]',
  codesCard: '[data-testid="recovery-codes"]',
  codeItems: '[data-testid="code-content"], [data-qa-selector="code_content"]',
  alerts: '.flash-alert, [role="alert"]',
  scripts: 'script:not([src])',
} as const;

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isInput(el: Element | null): el is HTMLInputElement {
  return el !== null && el.tagName.toLowerCase() === 'input';
}

/** Hidden by the page: the `hidden` attribute, or GitLab's `hidden`/`gl-hidden` class, on it or an ancestor. */
function isHidden(el: Element): boolean {
  return el.closest('[hidden], .hidden, .gl-hidden') !== null;
}

export interface OtpFormRecord {
  input: HTMLInputElement;
  disabled: boolean;
  /** The form holding the input, or its parent when there is no form. */
  container: Element;
  submit: HTMLElement | null;
}

/** The shown OTP field of the 2FA step, or null (another step, or the form still hidden behind WebAuthn). */
export function collectOtpForm(doc: Document): OtpFormRecord | null {
  const input = doc.querySelector(SELECTOR.otpInput);
  if (!isInput(input) || isHidden(input)) return null;
  const form = input.form ?? input.closest('form');
  return {
    input,
    disabled: input.disabled,
    container: form ?? input.parentElement ?? input,
    submit: form?.querySelector<HTMLElement>('button[type="submit"], input[type="submit"], button:not([type])') ?? null,
  };
}

export interface CodesRecord {
  /** Each code element in the shown recovery-codes card, with its text. */
  items: { el: Element; text: string }[];
  container: Element | null;
  /** What the page's gon script says the signed-in username is, or ''. */
  username: string;
}

export function collectCodes(doc: Document): CodesRecord {
  const card = Array.from(doc.querySelectorAll(SELECTOR.codesCard)).find((c) => !isHidden(c)) ?? null;
  const items = card ? Array.from(card.querySelectorAll(SELECTOR.codeItems)).map((el) => ({ el, text: clean(el.textContent) })) : [];
  let username = '';
  for (const script of Array.from(doc.querySelectorAll(SELECTOR.scripts))) {
    const m = /\bgon\.current_username\s*=\s*"([^"\\]{1,255})"/.exec(script.textContent ?? '');
    if (m) {
      username = m[1]!;
      break;
    }
  }
  return { items, container: card, username };
}

/** Every visible flash alert, with its text. */
export function collectAlerts(doc: Document): Map<Element, string> {
  const alerts = new Map<Element, string>();
  for (const el of Array.from(doc.querySelectorAll(SELECTOR.alerts))) if (!isHidden(el)) alerts.set(el, clean(el.textContent));
  return alerts;
}

/** Whether the page still shows the 2FA field (the step is still up). */
export function hasCodeInput(doc: Document): boolean {
  return collectOtpForm(doc) !== null;
}
