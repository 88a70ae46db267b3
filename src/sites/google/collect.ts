// Google adapter, step 1 of 2: read the DOM into plain records. Nothing here decides anything; the
// decisions live in decide.ts and work on these records alone.
//
// What Google's pages look like (issue 13; /work/shared/SITES.md; selectors used by public
// automation against accounts.google.com — Google's markup is closed source and its class names
// are generated, so only ids and ARIA are relied on; test/replica/google models these facts):
// - Backup codes: https://myaccount.google.com/two-step-verification/backup-codes shows 10 codes of
//   8 digits, written `1234 5678`. No stable class marks them (GUESS: we read every element whose
//   whole text is one code, the deepest such element). The signed-in account is named in the
//   account button's aria-label "Google Account: <name> (<email>)" (GUESS, from Google's bar).
// - Login, backup-code challenge: /v3/signin/challenge/bc, `input#backupCodePin` (type tel, name
//   backupCodePin), reached from another challenge by "Try another way". Its Next button sits in
//   `#backupCodeNext` (GUESS, after Google's real `#identifierNext` / `#passwordNext`), else the
//   step's button whose text is "Next". The email being signed in shows in `[data-email]` (GUESS).
// - The TOTP (`#totpPin`) and SMS (`#idvPin`) challenges are not ours: nothing here reads them.
// - A rejected code: the challenge stays, with an inline error (GUESS: in an aria-live region).

export const SELECTOR = {
  backupInput: 'input#backupCodePin',
  next: '#backupCodeNext',
  alerts: '[aria-live="assertive"], [role="alert"]',
  accountButton: '[aria-label^="Google Account:"]',
  email: '[data-email]',
} as const;

export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isInput(el: Element | null): el is HTMLInputElement {
  return el !== null && el.tagName.toLowerCase() === 'input';
}

/** Hidden by the page (the `hidden` attribute or aria-hidden on it or an ancestor). */
function isHidden(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"]') !== null;
}

export interface ChallengeRecord {
  input: HTMLInputElement;
  disabled: boolean;
  /** The form holding the input, or its parent when there is none. */
  container: Element;
  /** The step's Next button, when there is one. */
  submit: HTMLElement | null;
}

function nextButton(doc: Document, scope: Element): HTMLElement | null {
  const marked = doc.querySelector<HTMLElement>(SELECTOR.next);
  if (marked) return marked.matches('button') ? marked : (marked.querySelector<HTMLElement>('button') ?? marked);
  for (const root of [scope, doc.body]) {
    const byText = Array.from(root?.querySelectorAll<HTMLElement>('button') ?? []).find((b) => clean(b.textContent) === 'Next' && !isHidden(b));
    if (byText) return byText;
  }
  return null;
}

/** The visible backup-code input of the page, or null. */
export function collectChallenge(doc: Document): ChallengeRecord | null {
  const input = doc.querySelector(SELECTOR.backupInput);
  if (!isInput(input) || isHidden(input)) return null;
  const container = input.form ?? input.closest('form') ?? input.parentElement ?? input;
  return { input, disabled: input.disabled, container, submit: nextButton(doc, container) };
}

export interface CodesRecord {
  /** Each element whose whole text is one code (the deepest such element), with its text. */
  items: { el: Element; text: string }[];
  /** The codes' common parent of the first code. */
  container: Element | null;
  /** The account button's label, naming the signed-in account. */
  accountLabel: string;
}

const ONE_CODE = /^\d{4} ?\d{4}$/;

export function collectCodes(doc: Document): CodesRecord {
  const root = doc.querySelector('main, [role="main"]') ?? doc.body;
  const items: { el: Element; text: string }[] = [];
  for (const el of Array.from(root?.querySelectorAll('*') ?? [])) {
    const text = clean(el.textContent);
    if (!ONE_CODE.test(text) || isHidden(el)) continue;
    if (Array.from(el.children).some((c) => ONE_CODE.test(clean(c.textContent)))) continue;
    items.push({ el, text });
  }
  return {
    items,
    container: items[0]?.el.parentElement ?? null,
    accountLabel: clean(doc.querySelector(SELECTOR.accountButton)?.getAttribute('aria-label')),
  };
}

/** The email the sign-in shows at the challenge, as written. */
export function collectEmail(doc: Document): string {
  return clean(doc.querySelector(SELECTOR.email)?.getAttribute('data-email'));
}

/** Every visible inline error or alert with text. */
export function collectAlerts(doc: Document): Map<Element, string> {
  const alerts = new Map<Element, string>();
  for (const el of Array.from(doc.querySelectorAll(SELECTOR.alerts))) if (!isHidden(el)) alerts.set(el, clean(el.textContent));
  return alerts;
}
