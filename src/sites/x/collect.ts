// X adapter, step 1 of 2: read the DOM into plain records. Nothing here decides anything; the
// decisions live in decide.ts and work on these records alone.
//
// What X's pages look like (issue 4, from X's 2025 web bundles and captures of its login API):
// - The whole login is one page, https://x.com/i/flow/login (/login redirects there); each step
//   replaces the previous one inside the same role="dialog" and the URL does not change.
// - Code steps use X's generic enter-text component: <input data-testid="ocfEnterTextTextInput"
//   name="text" … inputmode="numeric"> and Next data-testid="ocfEnterTextNextButton" (a <button>,
//   a <div role="button"> in older builds), disabled while the input is empty. The SAME component
//   serves the 2FA step (app or backup mode), the e-mailed code (LoginAcid) and the
//   unusual-activity check; only the heading tells them apart. Under the input: "Choose a
//   different verification method" (in-app link) and "Contact X Support" (help.twitter.com).
// - The choice screen: radios name="single-choice" (values vary per account, so labels are
//   matched) and Next data-testid="ChoiceSelectionNextButton".
// - The first step's identifier: input name="text" autocomplete="username"; the password step
//   shows it again in a disabled autocomplete="username" field.
// - The backup-code screen https://x.com/settings/account/login_verification/backup_code shows
//   ONE code in groups of 4; the @handle is in the side navigation's account switcher
//   (data-testid="SideNav_AccountSwitcher_Button").
// - A wrong code: a toast (data-testid="toast") appears and the dialog stays. Success: /home.

export const TESTID = {
  codeInput: 'ocfEnterTextTextInput',
  codeNext: 'ocfEnterTextNextButton',
  choiceNext: 'ChoiceSelectionNextButton',
  accountSwitcher: 'SideNav_AccountSwitcher_Button',
  toast: 'toast',
} as const;

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Elements whose text is never page content we classify or scan for codes. */
const NOT_CONTENT = 'button, a, [role="button"], [role="link"], [role="heading"], h1, h2, h3, script, style, noscript, input, textarea';

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isTag<K extends keyof HTMLElementTagNameMap>(el: Element | null, tag: K): el is HTMLElementTagNameMap[K] {
  return el !== null && el.tagName.toLowerCase() === tag;
}

export interface InputRecord {
  el: HTMLInputElement;
  value: string;
  inputMode: string;
  autocomplete: string;
  disabled: boolean;
}

export interface LinkRecord {
  el: HTMLElement;
  text: string;
  /** Points off x.com (e.g. "Contact X Support" → help.twitter.com). */
  external: boolean;
  href: string;
}

export interface RadioRecord {
  el: HTMLInputElement;
  label: string;
}

/** One login dialog, as plain data (plus the elements to act on). */
export interface LoginDialogRecord {
  dialog: Element;
  heading: string;
  /** Text blocks of the dialog outside headings, links, buttons and inputs, in order. */
  texts: string[];
  codeInput: InputRecord | null;
  codeNext: HTMLElement | null;
  usernameInput: InputRecord | null;
  radios: RadioRecord[];
  choiceNext: HTMLElement | null;
  links: LinkRecord[];
}

function inputRecord(el: HTMLInputElement): InputRecord {
  return {
    el,
    value: el.value,
    inputMode: (el.getAttribute('inputmode') ?? '').toLowerCase(),
    autocomplete: (el.getAttribute('autocomplete') ?? '').toLowerCase(),
    disabled: el.disabled,
  };
}

function headingOf(dialog: Element): string {
  const doc = dialog.ownerDocument;
  const labelledBy = dialog.getAttribute('aria-labelledby');
  for (const id of labelledBy ? labelledBy.split(/\s+/) : []) {
    const el = doc.getElementById(id);
    if (el && dialog.contains(el)) return clean(el.textContent);
  }
  return clean(dialog.querySelector('[role="heading"], h1, h2')?.textContent);
}

/** The text of each element that directly holds text, skipping controls and headings. */
function textBlocks(container: Element): { el: Element; text: string }[] {
  const doc = container.ownerDocument;
  const seen = new Set<Element>();
  const blocks: { el: Element; text: string }[] = [];
  const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || seen.has(parent) || !clean(node.nodeValue)) continue;
    seen.add(parent);
    if (parent.closest(NOT_CONTENT)) continue;
    const text = clean(parent.textContent);
    if (text) blocks.push({ el: parent, text });
  }
  return blocks;
}

function linksOf(dialog: Element, origin: string): LinkRecord[] {
  return Array.from(dialog.querySelectorAll<HTMLElement>('a[href]')).map((el) => {
    const href = el.getAttribute('href') ?? '';
    let external = false;
    try {
      external = new URL(href, origin).origin !== origin;
    } catch {
      external = false;
    }
    return { el, text: clean(el.textContent), external, href };
  });
}

function radioLabel(radio: HTMLInputElement): string {
  const label =
    radio.closest('label') ??
    (radio.id ? Array.from(radio.ownerDocument.querySelectorAll('label')).find((l) => l.htmlFor === radio.id) : null);
  const aria = radio.getAttribute('aria-label');
  return clean(aria ?? label?.textContent);
}

/**
 * Every role="dialog" of a login page, topmost (last in document order) first. X renders the
 * login in one dialog; a second one would be a page's own overlay.
 */
export function collectLoginDialogs(doc: Document, url: URL): LoginDialogRecord[] {
  const dialogs = Array.from(doc.querySelectorAll('[role="dialog"]')).reverse();
  return dialogs.map((dialog) => {
    const code = dialog.querySelector(`input${byTestId(TESTID.codeInput)}`);
    const username = dialog.querySelector('input[autocomplete="username"]');
    return {
      dialog,
      heading: headingOf(dialog),
      texts: textBlocks(dialog).map((b) => b.text),
      codeInput: isTag(code, 'input') ? inputRecord(code) : null,
      codeNext: dialog.querySelector<HTMLElement>(byTestId(TESTID.codeNext)),
      usernameInput: isTag(username, 'input') ? inputRecord(username) : null,
      radios: Array.from(dialog.querySelectorAll<HTMLInputElement>('input[type="radio"][name="single-choice"]')).map(
        (el) => ({ el, label: radioLabel(el) }),
      ),
      choiceNext: dialog.querySelector<HTMLElement>(byTestId(TESTID.choiceNext)),
      links: linksOf(dialog, url.origin),
    };
  });
}

export interface CodeScreenRecord {
  container: Element;
  blocks: { el: Element; text: string }[];
  /** The account switcher's text, where X writes "@handle". */
  switcherText: string;
}

/**
 * The backup-code screen's content: the dialog X shows it in (topmost first), else the primary
 * column, else <main>.
 */
export function collectCodeScreen(doc: Document): CodeScreenRecord[] {
  const containers = [
    ...Array.from(doc.querySelectorAll('[role="dialog"]')).reverse(),
    ...Array.from(doc.querySelectorAll('[data-testid="primaryColumn"], main')),
  ];
  const switcherText = clean(doc.querySelector(byTestId(TESTID.accountSwitcher))?.textContent);
  return containers.map((container) => ({ container, blocks: textBlocks(container), switcherText }));
}

/** Toasts and alerts on the page now, with their texts. */
export function collectAlerts(doc: Document): Map<Element, string> {
  const alerts = new Map<Element, string>();
  for (const el of Array.from(doc.querySelectorAll(`${byTestId(TESTID.toast)}, [role="alert"]`))) {
    alerts.set(el, clean(el.textContent));
  }
  return alerts;
}

/** Whether the page still shows a code input anywhere (the 2FA step is still up). */
export function hasCodeInput(doc: Document): boolean {
  return doc.querySelector(`input${byTestId(TESTID.codeInput)}`) !== null;
}

export function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}
