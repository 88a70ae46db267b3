// GitHub adapter, step 1 of 2: read the DOM into plain records. Nothing here decides anything; the
// decisions live in decide.ts and work on these records alone.
//
// What GitHub's pages look like (issue 13; /work/shared/SITES.md; GitHub's docs "Recovering your
// account if you lose your 2FA credentials"; selectors seen in public extensions and automation —
// GitHub's markup is closed source, so the replica in test/replica/github models these facts):
// - Recovery codes: https://github.com/settings/auth/recovery-codes lists 16 codes `xxxxx-xxxxx`,
//   one per `.two-factor-recovery-code` element, with the Download/Print/Copy actions in
//   `.recovery-codes-saving-options`. The signed-in login is in `<meta name="user-login">`.
// - Login, authenticator step: /sessions/two-factor/app, `input#app_totp`, which submits its form
//   by itself as soon as its value matches its pattern (and that pattern takes a recovery code too).
//   Under it, `a[data-test-selector="recovery-code-link"]` ("Use a recovery code or request a
//   reset") leads to the recovery step, sometimes by swapping the form in the same document while
//   the URL becomes /sessions/two-factor/recovery.
// - Login, recovery step: /sessions/two-factor/recovery, `input#recovery_code` (name recovery_code)
//   in a form with a submit button ("Verify").
// - A rejected code: the recovery form again, with a `.flash-error`. Success: github.com (or the
//   return_to path), no 2FA form.

export const SELECTOR = {
  recoveryCode: '.two-factor-recovery-code',
  savingOptions: '.recovery-codes-saving-options',
  userLogin: 'meta[name="user-login"]',
  recoveryInput: 'input#recovery_code',
  appInput: 'input#app_totp',
  recoveryLink: 'a[data-test-selector="recovery-code-link"]',
  alerts: '.flash-error, [role="alert"]',
} as const;

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isInput(el: Element | null): el is HTMLInputElement {
  return el !== null && el.tagName.toLowerCase() === 'input';
}

/** Hidden by the page (the `hidden` attribute on it or an ancestor): a form GitHub has not shown yet. */
function isHidden(el: Element): boolean {
  return el.closest('[hidden]') !== null;
}

export interface StepRecord {
  kind: 'recovery' | 'app';
  input: HTMLInputElement;
  disabled: boolean;
  /** The form holding the input, or its parent when there is no form. */
  container: Element;
  /** The form's submit button, when there is one. */
  submit: HTMLElement | null;
  /** The link to the recovery step (app step only). */
  recoveryLink: HTMLElement | null;
}

/** The visible 2FA inputs of the page, recovery first. */
export function collectSteps(doc: Document): StepRecord[] {
  const steps: StepRecord[] = [];
  for (const [kind, selector] of [
    ['recovery', SELECTOR.recoveryInput],
    ['app', SELECTOR.appInput],
  ] as const) {
    const input = doc.querySelector(selector);
    if (!isInput(input) || isHidden(input)) continue;
    const form = input.form ?? input.closest('form');
    const container = form ?? input.parentElement ?? input;
    const submit = form?.querySelector<HTMLElement>('button[type="submit"], input[type="submit"], button:not([type])') ?? null;
    const link = kind === 'app' ? doc.querySelector<HTMLElement>(SELECTOR.recoveryLink) : null;
    steps.push({ kind, input, disabled: input.disabled, container, submit, recoveryLink: link && !isHidden(link) ? link : null });
  }
  return steps;
}

export interface CodesRecord {
  /** Each `.two-factor-recovery-code` element with its text. */
  items: { el: Element; text: string }[];
  /** The list holding them (the codes' common parent). */
  container: Element | null;
  /** The signed-in login, from the page's meta tag. */
  login: string;
}

export function collectCodes(doc: Document): CodesRecord {
  const items = Array.from(doc.querySelectorAll(SELECTOR.recoveryCode)).map((el) => ({ el, text: clean(el.textContent) }));
  return {
    items,
    container: items[0]?.el.parentElement ?? null,
    login: clean(doc.querySelector(SELECTOR.userLogin)?.getAttribute('content')),
  };
}

/** Every visible error flash or alert, with its text. */
export function collectAlerts(doc: Document): Map<Element, string> {
  const alerts = new Map<Element, string>();
  for (const el of Array.from(doc.querySelectorAll(SELECTOR.alerts))) if (!isHidden(el)) alerts.set(el, clean(el.textContent));
  return alerts;
}

/** Whether the page still shows a 2FA input (the step is still up). */
export function hasCodeInput(doc: Document): boolean {
  return collectSteps(doc).length > 0;
}
