// Mozilla account adapter, step 1 of 2: read the DOM into plain records. Nothing here decides
// anything; the decisions live in decide.ts and work on these records alone.
//
// What fxa's pages look like (mozilla/fxa, packages/fxa-settings; /work/shared/SITES.md):
// - Login, backup-code view (pages/Signin/SigninRecoveryCode, viewName signin-recovery-code) at
//   /signin_recovery_code: FormVerifyCode's `<form>` with InputText `name="code"`, type text,
//   maxlength 10, autocomplete off, `data-testid="signin-recovery-code-input-field"` (InputText's
//   prefixDataTestId + "-input-field"), and a submit button "Confirm".
// - The TOTP view /signin_totp_code uses the same FormVerifyCode, so `name=code` alone decides
//   nothing: the URL does (site.ts), and the test id says which view's input it is.
// - A refused code: InputText shows its error as a tooltip, `[data-testid="tooltip"]`,
//   "Invalid backup authentication code" (lib/auth-errors INVALID_RECOVERY_CODE, errno 1056);
//   other failures show a Banner. The form stays.
// - New codes (components/Settings/FlowSetup2faBackupCodeDownload, in the 2FA set-up and at
//   /settings/two_step_authentication/replace_codes): DataBlock `[data-testid="datablock"]`, one
//   code per `<li>` (older DataBlocks: per `<span>`), and the Download link whose `download` name
//   is "<email> Backup authentication codes.txt" (GetDataTrio).

export const SELECTOR = {
  recoveryInput: 'input[data-testid="signin-recovery-code-input-field"]',
  codeInput: 'form input[name="code"]',
  datablock: '[data-testid="datablock"]',
  codeItems: 'li, span',
  download: 'a[download]',
  alerts: '[data-testid="tooltip"], [role="alert"]',
} as const;

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isInput(el: Element | null): el is HTMLInputElement {
  return el !== null && el.tagName.toLowerCase() === 'input';
}

/** Hidden by the page (the `hidden` attribute on it or an ancestor). */
function isHidden(el: Element): boolean {
  return el.closest('[hidden]') !== null;
}

export interface CodeFormRecord {
  input: HTMLInputElement;
  /** Whether the input carries the backup-code view's own test id (else it was found by name). */
  byTestId: boolean;
  disabled: boolean;
  /** The form holding the input, or its parent when there is no form. */
  container: Element;
  submit: HTMLElement | null;
}

/** The visible code input of the page (fxa shows one form at a time), or null. */
export function collectCodeForm(doc: Document): CodeFormRecord | null {
  const byTestId = doc.querySelector(SELECTOR.recoveryInput);
  const input = isInput(byTestId) && !isHidden(byTestId) ? byTestId : doc.querySelector(SELECTOR.codeInput);
  if (!isInput(input) || isHidden(input)) return null;
  const form = input.form ?? input.closest('form');
  return {
    input,
    byTestId: input === byTestId,
    disabled: input.disabled,
    container: form ?? input.parentElement ?? input,
    submit: form?.querySelector<HTMLElement>('button[type="submit"], input[type="submit"], button:not([type])') ?? null,
  };
}

export interface CodesRecord {
  /** Each code item in the DataBlock with its text. */
  items: { el: Element; text: string }[];
  container: Element | null;
  /** The Download link's file name ("<email> Backup authentication codes.txt"), or ''. */
  downloadName: string;
}

export function collectCodes(doc: Document): CodesRecord {
  const block = Array.from(doc.querySelectorAll(SELECTOR.datablock)).find((b) => !isHidden(b)) ?? null;
  const items = block ? Array.from(block.querySelectorAll(SELECTOR.codeItems)).map((el) => ({ el, text: clean(el.textContent) })) : [];
  const links = Array.from(doc.querySelectorAll<HTMLAnchorElement>(SELECTOR.download));
  return {
    items,
    container: block,
    downloadName: clean(links.map((a) => a.getAttribute('download')).find((n) => n && /backup authentication codes/i.test(n))),
  };
}

/** Every visible tooltip or alert, with its text. */
export function collectAlerts(doc: Document): Map<Element, string> {
  const alerts = new Map<Element, string>();
  for (const el of Array.from(doc.querySelectorAll(SELECTOR.alerts))) if (!isHidden(el)) alerts.set(el, clean(el.textContent));
  return alerts;
}

/** Whether the page still shows a code input (the step is still up). */
export function hasCodeInput(doc: Document): boolean {
  return collectCodeForm(doc) !== null;
}
