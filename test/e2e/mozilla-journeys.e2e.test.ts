// Sparekey on the Mozilla account, end to end, in Chromium (and what Firefox gets): the built extension, the
// Mozilla replica served at https://accounts.firefox.com (test/replica/mozilla, built from fxa's
// own markup and strings) and its referee as the independent judge. accounts.firefox.com is read
// only once the person allows it: the journeys start with that grant in the popup, then capture
// the 8 new codes of "replace codes", show nothing at the TOTP view, fill one at the backup-code
// view (fxa accepts it and goes to /settings in the same document), and fill one fxa no longer
// takes (its tooltip: rejected), with the next one offered.
//
// The browsers show automation no permission prompt: acceptHostPermission answers it for the
// person (Firefox: its test pref; Chromium: the grant chrome://extensions makes, see harness/types.ts).
//
// Firefox keeps every extension off accounts.firefox.com (the pref
// extensions.webextensions.restrictedDomains names it by default), whatever was granted, so there
// the Mozilla account is vault-only (SiteInfo.closedIn): the Firefox build does not list the origin
// in optional_host_permissions and the popup never offers it. The last block checks that, with the
// restriction lifted as a person can in about:config, so what keeps Sparekey off is its own gate.
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/messages/protocol';
import { createMozillaReplica, INVALID_CODE } from '../replica/mozilla/handler.mjs';
import { callFromPage } from './harness/messaging';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { codesOf, PASSWORD, unlockedPopup, waitForOurText } from './helpers';

const MOZILLA = ['https://accounts.firefox.com/*'];
const ORIGIN = 'https://accounts.firefox.com';
const RECOVERY_INPUT = '[data-testid="signin-recovery-code-input-field"]';

async function accountByLabel(popup: TestPage, label: string): Promise<AccountSummary | undefined> {
  const list = await callFromPage<AccountSummary[]>(popup, 'accounts/list');
  return list.find((a) => a.label === label);
}

/** fxa's sign-in, up to the TOTP view (the replica reads the form's fields at submit). */
async function signInToTotp(page: TestPage, email: string): Promise<void> {
  await page.goto(`${ORIGIN}/signin`);
  await page.evaluate(
    (e: string, p: string) => {
      (document.querySelector('input[name=email]') as HTMLInputElement).value = e;
      (document.querySelector('input[name=password]') as HTMLInputElement).value = p;
    },
    email,
    PASSWORD,
  );
  await page.clickByRole('button', 'Sign in');
  await page.waitFor(() => location.pathname === '/signin_totp_code' && document.querySelector('[data-testid="signin-totp-code-input-field"]') !== null, {
    message: 'the TOTP view',
  });
}

/** From the TOTP view by fxa's own link, in the same document. */
async function toRecoveryView(page: TestPage): Promise<void> {
  await page.clickByRole('link', 'Trouble entering code?');
  await page.waitFor((s: string) => location.pathname === '/signin_recovery_code' && document.querySelector(s) !== null, { message: 'the backup-code view' }, RECOVERY_INPUT);
}

const recoveryValue = (page: TestPage) => page.evaluate((s: string) => (document.querySelector(s) as HTMLInputElement | null)?.value ?? null, RECOVERY_INPUT);
const ourText = async (page: TestPage) => (await page.closedShadowRoots()).map((r) => r.text).join(' | ');

describe.each(['chromium'] as const)('Sparekey on the Mozilla account in %s', (name) => {
  const replica = createMozillaReplica({ seed: `sparekey-mozilla-e2e-${name}` });
  const referee = replica.referee;
  const env = useBrowser(name, { handler: replica.handle });
  const email = 'sk-fox@example.com';
  const replaceCodes = `${ORIGIN}/__replica/session?email=${encodeURIComponent(email)}&next=/settings/two_step_authentication/replace_codes`;

  it('(grant) reads nothing on accounts.firefox.com until the person allows it in the popup', async () => {
    referee.createAccount({ email, password: PASSWORD });
    expect(await env.browser.hasHostPermission(MOZILLA)).toBe(false);
    const before = await env.browser.openPage(replaceCodes);
    await before.waitFor(() => document.querySelectorAll('[data-testid="datablock"] li').length === 8, { message: 'the new codes' });
    expect(await before.closedShadowRoots()).toEqual([]);
    await before.close();

    const popup = await unlockedPopup(env.browser);
    await popup.reload();
    await popup.clickByRole('button', 'Settings');
    await popup.waitForText('Allow on accounts.firefox.com');
    await env.browser.acceptHostPermission(MOZILLA);
    await popup.clickByRole('button', 'Allow on accounts.firefox.com');
    await popup.waitForText('Sparekey can now read accounts.firefox.com.');
    expect(await env.browser.hasHostPermission(MOZILLA)).toBe(true);
  });

  it('(capture) offers to save the 8 new codes of "replace codes" for the e-mail in their download name, and fxa takes the set once one confirms it', async () => {
    const popup = await unlockedPopup(env.browser);
    const page = await env.browser.openPage(replaceCodes);
    await waitForOurText(page, `Save these 8 backup codes for ${email} to Sparekey?`);
    const shown = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="datablock"] li'), (li) => li.textContent!.trim()));
    await page.clickInClosedShadow('Save');
    await waitForOurText(page, `Saved to Sparekey for ${email}.`);
    const account = await accountByLabel(popup, email);
    expect(account?.site).toBe('mozilla');
    const codes = await codesOf(popup, account!.id);
    expect(codes.map((c) => c.value)).toEqual(shown);
    expect(codes.every((c) => c.status === 'unused' && c.source === 'page')).toBe(true);
    // fxa's next step asks for one of the new codes (not a login: the person types it), then the set is active.
    await page.clickByRole('button', 'Continue');
    await page.fillByRole('textbox', 'Enter 10-character code', shown[7]!);
    await page.clickByRole('button', 'Finish');
    await page.waitFor(() => location.pathname === '/settings', { message: 'settings after the new codes' });
    expect(referee.activeCodes(email)).toEqual(shown);
  });

  it('(TOTP view) offers nothing at /signin_totp_code; the offer comes at the backup-code view and goes when the person goes back', async () => {
    const page = await env.browser.openPage(`${ORIGIN}/signin`);
    await signInToTotp(page, email);
    await toRecoveryView(page);
    await waitForOurText(page, 'Use backup code (8 left)');
    await page.evaluate(() => history.back());
    await page.waitFor(() => location.pathname === '/signin_totp_code' && document.querySelector('[data-testid="signin-totp-code-input-field"]') !== null, {
      message: 'the TOTP view again',
    });
    await waitUntil(async () => !(await ourText(page)).includes('Use backup code'), { message: 'the chip to leave the TOTP view' });
    expect(referee.state(email).attempts).toEqual([]);
  });

  it('(fill, accepted) fills the first code at /signin_recovery_code, and fxa takes it and shows settings', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, email))!.id;
    const first = referee.activeCodes(email)[0]!;
    const page = await env.browser.openPage(`${ORIGIN}/signin`);
    await signInToTotp(page, email);
    await toRecoveryView(page);
    await waitForOurText(page, 'Use backup code (8 left)');
    await page.clickInClosedShadow('Use backup code (8 left)');
    await page.waitFor((args: string[]) => (document.querySelector(args[0]!) as HTMLInputElement).value === args[1], { message: 'the code in the input' }, [RECOVERY_INPUT, first]);
    // Auto-submit is off: nothing reached fxa yet.
    expect(referee.state(email).attempts).toEqual([]);
    await page.clickByRole('button', 'Confirm');
    await page.waitFor(() => location.pathname === '/settings', { message: 'settings' });
    await waitUntil(async () => (await codesOf(popup, accountId))[0]!.status === 'used', { message: 'the vault to mark code 1 used' });
    const codes = await codesOf(popup, accountId);
    expect(codes[0]!.usedOrigin).toBe(ORIGIN);
    expect(codes.slice(1).every((c) => c.status === 'unused')).toBe(true);
    expect(referee.state(email).attempts.map((a) => [a.code, a.ok])).toEqual([[first, true]]);
  });

  it("(fill, rejected) marks a code fxa no longer takes as rejected on its tooltip, and offers the next one", async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, email))!.id;
    // New codes made at fxa without Sparekey: the vault's codes are now the old set's.
    referee.regenerate(email);
    const second = (await codesOf(popup, accountId))[1]!.value!;
    const page = await env.browser.openPage(`${ORIGIN}/signin`);
    await signInToTotp(page, email);
    await toRecoveryView(page);
    await waitForOurText(page, 'Use backup code (7 left)');
    await page.clickInClosedShadow('Use backup code (7 left)');
    await page.waitFor((args: string[]) => (document.querySelector(args[0]!) as HTMLInputElement).value === args[1], { message: 'the code in the input' }, [RECOVERY_INPUT, second]);
    await page.clickByRole('button', 'Confirm');
    await page.waitFor((t: string) => document.querySelector('[data-testid="tooltip"]')?.textContent === t, { message: "fxa's tooltip" }, INVALID_CODE);
    await waitUntil(async () => (await codesOf(popup, accountId))[1]!.status === 'rejected', { message: 'the vault to mark code 2 rejected' });
    expect(referee.state(email).attempts.at(-1)).toMatchObject({ code: second, ok: false, why: 'invalidated' });
    // The same view, still up, gets the next code offered, not the rejected one.
    await waitForOurText(page, 'Use backup code (6 left)');
    expect(await recoveryValue(page)).toBe(second);
  });
});

describe('Sparekey on the Mozilla account in firefox', () => {
  const replica = createMozillaReplica({ seed: 'sparekey-mozilla-e2e-firefox' });
  // Firefox's own restriction lifted: what keeps Sparekey off below is that it never asks.
  const env = useBrowser('firefox', { handler: replica.handle, firefoxRestrictedDomains: '' });
  const email = 'sk-fox@example.com';

  it('never offers access to accounts.firefox.com (Firefox keeps extensions off it) and reads nothing there, while GitHub and Google are offered', async () => {
    replica.referee.createAccount({ email, password: PASSWORD });
    const popup = await unlockedPopup(env.browser);
    await popup.reload();
    await popup.clickByRole('button', 'Settings');
    await popup.waitForText('Allow on github.com');
    expect(await popup.textContent()).not.toContain('accounts.firefox.com');
    expect(await env.browser.hasHostPermission(MOZILLA)).toBe(false);
    const codes = await env.browser.openPage(`${ORIGIN}/__replica/session?email=${encodeURIComponent(email)}&next=/settings/two_step_authentication/replace_codes`);
    await codes.waitFor(() => document.readyState === 'complete' && document.querySelectorAll('[data-testid="datablock"] li').length === 8, { message: 'the new codes' });
    expect(await codes.closedShadowRoots()).toEqual([]);
    const login = await env.browser.openPage(`${ORIGIN}/signin`);
    await signInToTotp(login, email);
    await toRecoveryView(login);
    expect(await login.closedShadowRoots()).toEqual([]);
  });
});
