// The popup's accessibility beyond the main journey, in real Chromium and Firefox:
// - a journey driven by the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape as real key
//   presses): every stop has an accessible name and a visible focus ring, focus lands on what
//   each action brings, and no screen scrolls sideways at 360×600;
// - axe-core (0 violations, no rule turned off) in the light and the dark colour scheme on the
//   states popup-journey never reaches: a revealed code, the unlock screen plain and counting down
//   after too many wrong passphrases, codes waiting to be saved (captured on the X replica), a
//   fill nobody confirmed ("Did this code work?"), the export under its own passphrase, a restore
//   into a vault that has it all, and the notice for records that no longer open.
// State is made through the real extension: its pages, the popup's own messages, X's replica.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createReplica } from '../replica/handler.mjs';
import { BROWSER_NAMES } from './harness/config';
import { callFromPage, sendFromPage } from './harness/messaging';
import type { BrowserUnderTest, TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { loginToCodeStep, PASSWORD, seedAccount, unlockVault, waitForCodeInput, waitForOurText } from './helpers';
import { checkScreen, chooseFile, horizontalOverflow, openPopupPage, typeInto } from './popup-screens';

const PASS = 'violet harbour pencil thunder';
const CODES = ['abcd efgh 2345', 'wxyz 9876 mnop', 'k3v8 p2q9 r4s7'];

// ---- the keyboard, as a person uses it -----------------------------------------------------

/** What has focus: its accessible name as axe-core computes it, and whether a focus ring shows. */
interface Focused {
  tag: string;
  name: string;
  ring: boolean;
}

let axeSource: string | undefined;

async function focused(page: TestPage): Promise<Focused> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluateScript(`${axeSource};void 0`);
  return page.evaluate(() => {
    type Axe = { setup(node: Node): void; teardown(): void; commons: { text: { accessibleText(el: Element): string } } };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', ring: false };
    axe.setup(document);
    let name: string;
    try {
      name = axe.commons.text.accessibleText(el).trim();
    } finally {
      axe.teardown();
    }
    const style = getComputedStyle(el);
    const ring =
      el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return { tag: el.tagName.toLowerCase(), name, ring };
  });
}

/** Focus is on an element named `name` (and of that tag, when given), with its ring showing. */
async function expectFocusOn(page: TestPage, name: string, tag?: string): Promise<void> {
  const matches = (f: Focused) => f.name === name && (tag === undefined || f.tag === tag);
  let last: Focused | undefined;
  try {
    await waitUntil(async () => matches((last = await focused(page))), { timeout: 10_000, message: `focus on ${String(name)}` });
  } catch (error) {
    throw new Error(`${(error as Error).message}; focus is on <${last?.tag}> "${last?.name}"`);
  }
  expect(last!.ring, `no visible focus ring on <${last!.tag}> "${last!.name}"`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `name` has focus. Every stop on the way must have an
 * accessible name and a visible focus ring: that is what a keyboard user goes through.
 */
async function tabTo(page: TestPage, name: string | RegExp, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < (options.max ?? 30); i++) {
    await page.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    stops.push(`<${f.tag}> "${f.name}"`);
    expect(f.name, `a focus stop without an accessible name after ${stops.join(' → ')}`).not.toBe('');
    expect(f.ring, `no visible focus ring on ${stops.at(-1)}`).toBe(true);
    if (typeof name === 'string' ? f.name === name : name.test(f.name)) return;
  }
  throw new Error(`${String(name)} never took focus; the stops were ${stops.join(' → ')}`);
}

/** Types text as key presses into whatever has focus ('\n' is Enter). */
async function typeKeys(page: TestPage, text: string): Promise<void> {
  for (const ch of text) await page.press(ch === ' ' ? 'Space' : ch === '\n' ? 'Enter' : ch);
}

async function expectNoSidewaysScroll(page: TestPage, screen: string): Promise<void> {
  expect(await horizontalOverflow(page), `${screen} is wider than the popup`).toBe(0);
}

/**
 * The popup at its real size with the vault unlocked (helpers.ts's unlockedPopup opens a bare
 * tab): reloaded after unlocking, so the screen shows the vault, not the unlock form.
 */
async function unlockedPopup(browser: BrowserUnderTest): Promise<TestPage> {
  const page = await openPopupPage(browser);
  if (await unlockVault(page, PASS)) {
    await page.reload();
    await page.waitFor(() => document.querySelector('nav') !== null, { message: 'the unlocked popup' });
  }
  return page;
}

describe.each(BROWSER_NAMES)('popup accessibility in %s', (name) => {
  const replica = createReplica({ seed: `sparekey-a11y-${name}`, latencyMs: 20, stepDelayMs: 20 });
  const env = useBrowser(name, { handler: replica.handle });
  let backupFile: { name: string; text: string } | undefined;

  it('takes a person from an empty popup to a copied code and back through lock and unlock with the keyboard alone', async () => {
    const page = await openPopupPage(env.browser);
    await page.waitForText('Create your vault');
    await expectNoSidewaysScroll(page, 'create');
    // The passphrase field has focus from the start.
    await expectFocusOn(page, 'New passphrase');
    await typeKeys(page, PASS);
    await tabTo(page, 'Type it again');
    await typeKeys(page, PASS);
    await page.waitForText('Strong passphrase.');
    await page.press('Enter');
    await page.waitForText('No backup codes yet', { timeout: 20_000 });
    // The form is gone: focus is on the heading of what replaced it, not lost to the page.
    await expectFocusOn(page, 'Your backup codes', 'h2');
    await expectNoSidewaysScroll(page, 'accounts (empty)');

    await tabTo(page, 'Paste codes');
    await page.press('Enter');
    await page.waitForText('Add backup codes');
    await expectFocusOn(page, 'Add backup codes', 'h2');
    await expectNoSidewaysScroll(page, 'add');
    await tabTo(page, 'Account name');
    await typeKeys(page, 'kim');
    await tabTo(page, 'Text with your codes');
    await typeKeys(page, `My X codes:\n${CODES.join('\n')}`);
    await page.waitForText('Found 3 (“X backup code”):');
    await tabTo(page, 'Save 3 codes');
    await page.press('Enter');
    await page.waitForText('Codes added to kim: 3.', { timeout: 20_000 });
    await tabTo(page, 'Open kim');
    await page.press('Enter');
    await page.waitForText('3 of 3 left');
    await expectFocusOn(page, 'kim', 'h2');
    await expectNoSidewaysScroll(page, 'account');

    // Space reveals; the same button now hides.
    await tabTo(page, 'Show code #1');
    await page.press('Space');
    await page.waitForText(CODES[0]!);
    await expectFocusOn(page, 'Hide code #1');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
    await expectNoSidewaysScroll(page, 'account with a revealed code');
    await checkScreen(page, 'a11y-revealed-code');
    await expectFocusOn(page, 'Hide code #1');
    await tabTo(page, 'Copy code #1');
    await page.press('Enter');
    await page.waitForText(/Code #1 copied\./);

    // A pick out of order asks first; Escape says no, and focus goes back where it was.
    await tabTo(page, 'More for code #2');
    await page.press('Enter');
    await tabTo(page, 'Mark used');
    await page.press('Enter');
    await page.waitForText('This invalidates #1');
    await expectFocusOn(page, 'Mark #2 used');
    await page.press('Escape');
    await page.waitFor(() => !document.body.innerText.includes('This invalidates #1'), { message: 'the confirmation to close' });
    await expectFocusOn(page, 'Mark used');
    expect(await page.textContent()).toContain('3 of 3 left');

    await tabTo(page, 'Back', { back: true, max: 40 });
    await page.press('Enter');
    await page.waitForText('3 of 3 left');
    await expectFocusOn(page, 'Your backup codes', 'h2');

    for (const section of ['Backup', 'Settings']) {
      await tabTo(page, section, { back: true });
      await page.press('Enter');
      await expectFocusOn(page, section, 'h2');
      await expectNoSidewaysScroll(page, section);
    }

    await tabTo(page, 'Lock', { back: true });
    await page.press('Enter');
    await page.waitForText('Unlock Sparekey');
    await expectFocusOn(page, 'Passphrase');
    await expectNoSidewaysScroll(page, 'unlock');
    await typeKeys(page, PASS);
    await page.press('Enter');
    await page.waitForText('3 of 3 left', { timeout: 20_000 });
    await expectFocusOn(page, 'Your backup codes', 'h2');
  }, 180_000);

  it('passes axe on the unlock screen, plain and counting down after too many wrong passphrases', async () => {
    const page = await unlockedPopup(env.browser);
    await callFromPage(page, 'vault/lock');
    await page.reload();
    await page.waitForText('Unlock Sparekey');
    await checkScreen(page, 'a11y-unlock');

    // Nine wrong tries: after the fifth each waits longer (1, 2, 4, 8 s), and the ninth asks 16 s,
    // room for both colour schemes' checks while the countdown runs.
    let wrong = 0;
    while (wrong < 9) {
      const reply = (await sendFromPage(page, 'vault/unlock', { passphrase: `not it ${wrong}` })) as {
        ok: boolean;
        error?: { code: string; retryAfterMs?: number };
      };
      expect(reply.ok).toBe(false);
      if (reply.error?.code === 'throttled') await new Promise((r) => setTimeout(r, (reply.error!.retryAfterMs ?? 0) + 50));
      else {
        expect(reply.error?.code).toBe('wrong-passphrase');
        wrong++;
      }
    }
    await typeInto(page, 'Passphrase', PASS);
    await page.press('Enter');
    await page.waitForText(/Too many wrong passphrases\. Try again in \d+ s\./);
    expect(await page.evaluate(() => (document.querySelector('button[type="submit"]') as HTMLButtonElement).disabled)).toBe(true);
    await checkScreen(page, 'a11y-unlock-throttled');
    // Still counting down: what was checked, in both schemes, was the wait.
    expect(await page.textContent()).toMatch(/Too many wrong passphrases\. Try again in \d+ s\./);

    // The wait ends by itself; then the right passphrase opens the vault (and resets the count).
    await page.waitFor(() => !(document.querySelector('button[type="submit"]') as HTMLButtonElement).disabled, {
      timeout: 30_000,
      message: 'Unlock to be enabled again',
    });
    await typeInto(page, 'Passphrase', PASS);
    await page.press('Enter');
    await page.waitForText('3 of 3 left', { timeout: 20_000 });
  }, 120_000);

  it('passes axe with codes seen on X waiting to be saved, then saves them', async () => {
    const handle = 'sk_capture';
    replica.referee.createAccount({ handle, password: PASSWORD, mode: 'backup' });
    const popup = await unlockedPopup(env.browser);
    const x = await env.browser.openPage(
      `https://x.com/__replica/session?handle=${handle}&next=${encodeURIComponent('/settings/account/login_verification/backup_code')}`,
    );
    await waitForOurText(x, `Save this backup code for @${handle} to Sparekey?`);
    await popup.reload();
    await popup.waitForText('Codes waiting to be saved');
    await popup.waitForText(new RegExp(`New codes seen on X for @?${handle}: 1`));
    await checkScreen(popup, 'a11y-captures');
    await popup.clickByRole('button', 'Save them');
    await popup.waitForText('Saved. New codes: 1. Duplicates skipped: 0.');
    expect(await popup.textContent()).not.toContain('Codes waiting to be saved');
  });

  it('passes axe when a fill was never confirmed, on the list and in the account', async () => {
    const handle = 'sk_fill';
    replica.referee.createAccount({ handle, password: PASSWORD, mode: 'backup', codes: 2 });
    const issued = replica.referee.state(handle).codes.map((c) => c.code);
    const popup = await unlockedPopup(env.browser);
    await seedAccount(popup, `@${handle}`, issued);

    // X's login up to the 2FA step; the chip fills code #1; the tab closes before any answer.
    const x = await env.browser.openPage('https://x.com/i/flow/login');
    await loginToCodeStep(x, handle);
    await waitForOurText(x, 'Use backup code (2 left)');
    await x.clickInClosedShadow('Use backup code (2 left)');
    await waitForCodeInput(x, issued[0]!, 'code #1 in X’s input');
    await x.close();

    await popup.reload();
    await popup.waitForText('Did this code work?', { timeout: 15_000 });
    await popup.waitForText(`Code #1 for @${handle} was filled, but Sparekey didn’t see whether the site accepted it.`);
    await checkScreen(popup, 'a11y-unconfirmed');
    await popup.clickByRole('button', `@${handle} X 1 of 2 left`);
    await popup.waitForText('Filled; did it work? Not confirmed yet');
    await checkScreen(popup, 'a11y-account-unconfirmed');
    await popup.clickByRole('button', 'Yes, it worked');
    await popup.waitForText('Code #1 updated.');
  });

  it('passes axe on the export under its own passphrase, before and after the file is made', async () => {
    const page = await unlockedPopup(env.browser);
    await page.clickByRole('button', 'Backup');
    await page.clickByRole('radio', 'A separate passphrase for this file');
    await typeInto(page, 'Passphrase for the file', 'amber kettle orchard falcon');
    await typeInto(page, 'Type it again', 'amber kettle orchard falcon');
    await page.waitForText('Strong passphrase.');
    await checkScreen(page, 'a11y-export-own');
    await page.clickByRole('button', 'Create backup file');
    await page.waitForText(/Backup ready: 3 accounts, \d+ codes\./, { timeout: 20_000 });
    await checkScreen(page, 'a11y-export-own-ready');
    backupFile = await page.evaluate(async () => {
      const link = document.querySelector<HTMLAnchorElement>('a[download]')!;
      return { name: link.download, text: await (await fetch(link.href)).text() };
    });
  });

  it('passes axe on the result of restoring a backup into the vault it came from', async () => {
    expect(backupFile).toBeDefined();
    const page = await unlockedPopup(env.browser);
    await page.clickByRole('button', 'Backup');
    await chooseFile(page, 'Backup file', backupFile!.name, backupFile!.text);
    await typeInto(page, 'The file’s passphrase', 'amber kettle orchard falcon');
    await page.clickByRole('button', 'Restore a backup');
    await page.waitForText('Restored. New accounts: 0. Merged accounts: 3. New codes: 0. Codes moved forward: 0.', { timeout: 20_000 });
    await checkScreen(page, 'a11y-restored');
  });

  it('passes axe on the notice about stored records that no longer open', async () => {
    const page = await unlockedPopup(env.browser);
    // Alter one sealed code record at rest, as damage or tampering would (same origin as the
    // background, so the same IndexedDB), then lock and unlock through the popup.
    const altered = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('sparekey');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = db.transaction('codes', 'readwrite').objectStore('codes');
      const rows = await new Promise<Array<{ id: string; sealed: { c: string } }>>((resolve, reject) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const row = rows[0]!;
      const at = Math.floor(row.sealed.c.length / 2);
      const swap = row.sealed.c[at] === 'A' ? 'B' : 'A';
      row.sealed.c = row.sealed.c.slice(0, at) + swap + row.sealed.c.slice(at + 1);
      await new Promise<void>((resolve, reject) => {
        const request = store.put(row);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
      db.close();
      return row.id;
    });
    expect(altered).toBeTruthy();
    await page.clickByRole('button', 'Lock');
    await typeInto(page, 'Passphrase', PASS);
    await page.press('Enter');
    await page.waitForText('Sparekey could not open 1 stored record: it may be damaged or altered. The rest of your vault is open.', {
      timeout: 20_000,
    });
    await page.waitForText('Your backup codes');
    await checkScreen(page, 'a11y-damaged');
  });
});
