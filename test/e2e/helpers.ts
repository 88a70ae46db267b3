// Shared by the e2e files (and test/bench/detection.ts) that drive X's replica pages and
// Sparekey's background: a vault made or unlocked and accounts seeded through the popup's own
// messages (harness/messaging.ts), X's React inputs typed into, X's login walked to its code step,
// and our closed-shadow UI read from outside.
import type { AccountDetail, AccountSummary } from '../../src/messages/protocol';
import { callFromPage } from './harness/messaging';
import type { BrowserUnderTest, Box, ClosedShadowRoot, TestPage } from './harness/types';
import { waitUntil } from './harness/util';

export const PASSPHRASE = 'sparekey e2e: adversarial copper meadow 17';
/** The password the tests give the replica's accounts. */
export const PASSWORD = 'correct horse';
/** X's code input, at the 2FA step and the e-mailed-code step alike. */
export const CODE_INPUT = '[data-testid="ocfEnterTextTextInput"]';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Sparekey's background, from its popup page ----------------------------------------------------

/**
 * Creates the vault (first time) or unlocks it with `passphrase`, from an extension page.
 * Whether it had to: a popup showing the vault's old state needs a reload.
 */
export async function unlockVault(page: TestPage, passphrase = PASSPHRASE): Promise<boolean> {
  const status = await callFromPage<{ state: string }>(page, 'vault/status');
  if (status.state === 'no-vault') await callFromPage(page, 'vault/create', { passphrase, confirm: passphrase });
  else if (status.state === 'locked') await callFromPage(page, 'vault/unlock', { passphrase });
  else return false;
  return true;
}

/** A popup page with the vault created (first time) or unlocked. */
export async function unlockedPopup(browser: BrowserUnderTest, passphrase = PASSPHRASE): Promise<TestPage> {
  const popup = await browser.openPopup();
  await unlockVault(popup, passphrase);
  return popup;
}

/** An account holding `values` in this order (created fresh for the test). */
export async function seedAccount(popup: TestPage, label: string, values: string[]): Promise<string> {
  const account = await callFromPage<AccountSummary>(popup, 'accounts/add', { site: 'x', label });
  await callFromPage(popup, 'codes/add', { accountId: account.id, values, source: 'import' });
  return account.id;
}

/** Each code's status, oldest first (no values: statuses are what these tests judge). */
export async function statusesOf(popup: TestPage, accountId: string): Promise<string[]> {
  const detail = await callFromPage<AccountDetail>(popup, 'accounts/get', { accountId });
  return detail.codes.sort((a, b) => a.seq - b.seq).map((c) => c.status);
}

/** Each code, oldest first, with its value revealed. */
export async function codesOf(popup: TestPage, accountId: string): Promise<AccountDetail['codes']> {
  const first = await callFromPage<AccountDetail>(popup, 'accounts/get', { accountId });
  const all = await callFromPage<AccountDetail>(popup, 'accounts/get', { accountId, reveal: first.codes.map((c) => c.id) });
  return all.codes.sort((a, b) => a.seq - b.seq);
}

// ---- X's pages -----------------------------------------------------------------------------------

/** Types into an input of X's the way React sees it (native setter + input event), in the page's world. */
export async function typeIntoX(page: TestPage, selector: string, text: string): Promise<void> {
  await page.waitFor((sel: string) => document.querySelector(sel) !== null, { message: selector }, selector);
  await page.evaluate(
    (sel: string, value: string) => {
      const input = document.querySelector(sel) as HTMLInputElement;
      input.focus();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    text,
  );
}

export interface LoginOptions {
  /** The account's password on the replica (default PASSWORD). */
  password?: string;
  /** Runs just before 'Log in' is clicked (e.g. a probe that must see the code step arrive). */
  beforeLogIn?: (page: TestPage) => Promise<void>;
}

/** Identifier → password → the step after it (2FA, or the e-mailed code), on the page already open at a login URL. */
export async function loginToCodeStep(page: TestPage, handle: string, options: LoginOptions = {}): Promise<void> {
  await typeIntoX(page, 'input[autocomplete="username"]', handle);
  await page.clickByRole('button', 'Next');
  await typeIntoX(page, 'input[name="password"]', options.password ?? PASSWORD);
  await options.beforeLogIn?.(page);
  await page.clickByRole('button', 'Log in');
  await page.waitFor((sel: string) => document.querySelector(sel) !== null, { message: 'the code step' }, CODE_INPUT);
}

export const codeInputValue = (page: TestPage): Promise<string | null> =>
  page.evaluate((sel: string) => (document.querySelector(sel) as HTMLInputElement | null)?.value ?? null, CODE_INPUT);

/** Waits until X's code input holds `value`; `what` names it in the timeout's message. */
export async function waitForCodeInput(page: TestPage, value: string, what: string): Promise<void> {
  await page.waitFor(
    (sel: string, v: string) => (document.querySelector(sel) as HTMLInputElement | null)?.value === v,
    { message: what },
    CODE_INPUT,
    value,
  );
}

// ---- our UI, read from outside -------------------------------------------------------------------

/** Waits until the page's closed shadow roots (ours) show `text`; those roots. */
export async function waitForOurText(page: TestPage, text: string | RegExp, timeout = 15_000): Promise<ClosedShadowRoot[]> {
  let last: ClosedShadowRoot[] = [];
  const shown = () => last.map((r) => r.text).join(' | ');
  try {
    return await waitUntil(
      async () => {
        last = await page.closedShadowRoots();
        return (typeof text === 'string' ? shown().includes(text) : text.test(shown())) ? last : undefined;
      },
      { timeout, interval: 50, message: `Sparekey's UI to show ${String(text)}` },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; it shows: "${shown()}"`);
  }
}

/** Our roots: closed shadow roots whose text is Sparekey's (a page may have closed roots too). */
export async function ourRoots(page: TestPage): Promise<ClosedShadowRoot[]> {
  return (await page.closedShadowRoots()).filter((r) => /backup code|Sparekey/.test(r.text));
}

/**
 * The box of our button named `name`, read from outside, visible or not (an attack may have made
 * it invisible: that is the point). Waits until it is there.
 */
export async function chipButton(page: TestPage, name: string | RegExp, timeout = 10_000): Promise<Box> {
  let seen = '';
  try {
    return await waitUntil(
      async () => {
        const roots = await ourRoots(page);
        seen = roots.map((r) => r.text).join(' | ');
        const el = roots
          .flatMap((r) => r.elements)
          .find((e) => e.role === 'button' && (typeof name === 'string' ? e.name === name : name.test(e.name)) && e.box.width > 0);
        return el?.box;
      },
      { timeout, interval: 50, message: `our button ${String(name)}` },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; our UI shows: "${seen}"`);
  }
}

export const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Moves the pointer off our UI with a click on X's dialog heading (harmless on X). */
export async function pointerToHeading(page: TestPage): Promise<void> {
  const box = await page.evaluate(() => {
    const r = document.querySelector('[role="dialog"] h1')!.getBoundingClientRect();
    return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
  });
  await page.mouseClick(box.x, box.y);
}
