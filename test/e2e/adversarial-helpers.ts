// Shared by the adversarial e2e files: talking to the extension from its popup page, driving X's
// login on the replica, and reading our closed-shadow chip from outside.
import type { AccountDetail, AccountSummary, Result } from '../../src/messages/protocol';
import type { BrowserUnderTest, Box, ClosedShadowRoot, TestPage } from './harness/types';
import { waitUntil } from './harness/util';

export const PASSPHRASE = 'sparekey e2e: adversarial copper meadow 17';
export const PASSWORD = 'correct horse';
export const CODE_INPUT = '[data-testid="ocfEnterTextTextInput"]';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a protocol message from an extension page; the reply as a Result. */
export async function send<T>(popup: TestPage, type: string, body: unknown = {}): Promise<Result<T>> {
  return (await popup.evaluate(
    (t: string, b: unknown) => {
      type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return g.browser ? g.browser.runtime.sendMessage({ type: t, body: b }) : g.chrome!.runtime.sendMessage({ type: t, body: b });
    },
    type,
    body,
  )) as Result<T>;
}

export async function call<T>(popup: TestPage, type: string, body: unknown = {}): Promise<T> {
  const reply = await send<T>(popup, type, body);
  if (!reply || !reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

/** A popup page with the vault created (first time) or unlocked. */
export async function unlockedPopup(browser: BrowserUnderTest): Promise<TestPage> {
  const popup = await browser.openPopup();
  const status = await call<{ state: string }>(popup, 'vault/status');
  if (status.state === 'no-vault') await call(popup, 'vault/create', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
  else if (status.state === 'locked') await call(popup, 'vault/unlock', { passphrase: PASSPHRASE });
  return popup;
}

/** An account holding `values` in this order (created fresh for the test). */
export async function seedAccount(popup: TestPage, label: string, values: string[]): Promise<string> {
  const account = await call<AccountSummary>(popup, 'accounts/add', { site: 'x', label });
  await call(popup, 'codes/add', { accountId: account.id, values, source: 'import' });
  return account.id;
}

/** Each code's status, oldest first (no values: statuses are what these tests judge). */
export async function statusesOf(popup: TestPage, accountId: string): Promise<string[]> {
  const detail = await call<AccountDetail>(popup, 'accounts/get', { accountId });
  return detail.codes.sort((a, b) => a.seq - b.seq).map((c) => c.status);
}

/** Types into an input the way React sees it (native setter + input event), in the page's world. */
export async function typeInto(page: TestPage, selector: string, text: string): Promise<void> {
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

/** Identifier → password → X's 2FA step, on the page already open at a login URL. */
export async function loginToCodeStep(page: TestPage, handle: string): Promise<void> {
  await typeInto(page, 'input[autocomplete="username"]', handle);
  await page.clickByRole('button', 'Next');
  await typeInto(page, 'input[name="password"]', PASSWORD);
  await page.clickByRole('button', 'Log in');
  await page.waitFor((sel: string) => document.querySelector(sel) !== null, { message: 'the code step' }, CODE_INPUT);
}

export const codeInputValue = (page: TestPage): Promise<string | null> =>
  page.evaluate((sel: string) => (document.querySelector(sel) as HTMLInputElement | null)?.value ?? null, CODE_INPUT);

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
