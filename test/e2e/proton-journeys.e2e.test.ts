// Sparekey on Proton, end to end, in Chromium and Firefox: the built extension, the Proton replica
// served at https://account.proton.me (test/replica/proton, built from WebClients' own markup and
// strings) and its referee as the independent judge. account.proton.me is read only once the
// person allows it: the journeys start with that grant in the popup, then capture the codes the
// 2FA set-up modal shows (however many Proton's server made), type nothing into the login's six
// TOTP boxes but offer Proton's own "Use recovery code" switch, fill one code at the recovery-code
// mode (Proton takes it and the app shows a signed-in page in the same document), fill one of a
// set Proton no longer takes (its error notification: rejected, the next offered), and end by
// removing the access with the last account.
//
// The browsers show automation no permission prompt: acceptHostPermission answers it for the
// person (Firefox: its test pref; Chromium: the grant chrome://extensions makes, see harness/types.ts).
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/messages/protocol';
import { createProtonReplica, INVALID_CODE } from '../replica/proton/handler.mjs';
import { BROWSER_NAMES } from './harness/config';
import { callFromPage } from './harness/messaging';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { codesOf, PASSWORD, unlockedPopup, waitForOurText } from './helpers';

const PROTON = ['https://account.proton.me/*'];
const HOST = 'account.proton.me';
const ORIGIN = 'https://account.proton.me';
const SETTINGS = '/u/0/mail/account-password';
const BOXES = ['#totp', '#totp-1', '#totp-2', '#totp-3', '#totp-4', '#totp-5'];
// The replica's set size: not Proton's (its server decides), and Sparekey is never told it.
const SET_SIZE = 7;

async function accountByLabel(popup: TestPage, label: string): Promise<AccountSummary | undefined> {
  const list = await callFromPage<AccountSummary[]>(popup, 'accounts/list');
  return list.find((a) => a.label === label);
}

/** Proton's login up to the TOTP mode of its second step, all at /login (plain fields: the replica reads them at submit). */
async function signInToTotp(page: TestPage, username: string): Promise<void> {
  await page.goto(`${ORIGIN}/login`);
  await page.evaluate(
    (u: string, p: string) => {
      (document.getElementById('username') as HTMLInputElement).value = u;
      (document.getElementById('password') as HTMLInputElement).value = p;
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    },
    username,
    PASSWORD,
  );
  await page.clickByRole('button', 'Sign in');
  await page.waitFor(() => location.pathname === '/login' && document.getElementById('totp-5') !== null, { message: 'the TOTP mode' });
}

const boxValues = (page: TestPage) => page.evaluate((ids: string[]) => ids.map((s) => (document.querySelector(s) as HTMLInputElement | null)?.value ?? null), BOXES);
const recoveryValue = (page: TestPage) => page.evaluate(() => (document.getElementById('recovery-code') as HTMLInputElement | null)?.value ?? null);
const sameDocument = (page: TestPage) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

describe.each(BROWSER_NAMES)('Sparekey on Proton in %s', (name) => {
  const replica = createProtonReplica({ seed: `sparekey-proton-e2e-${name}`, setSize: SET_SIZE });
  const referee = replica.referee;
  const env = useBrowser(name, { handler: replica.handle });
  const username = 'sk-proton';
  const label = 'Proton';
  const signedInTo = (next: string) => `${ORIGIN}/__replica/session?username=${username}&next=${encodeURIComponent(next)}`;

  it('(grant) reads nothing on account.proton.me until the person allows it in the popup', async () => {
    referee.createAccount({ username, password: PASSWORD });
    expect(await env.browser.hasHostPermission(PROTON)).toBe(false);
    const before = await env.browser.openPage(`${ORIGIN}/login`);
    await before.waitFor(() => document.getElementById('password') !== null, { message: 'the login' });
    expect(await before.closedShadowRoots()).toEqual([]);
    await before.close();

    const popup = await unlockedPopup(env.browser);
    await popup.reload();
    await popup.clickByRole('button', 'Settings');
    await popup.waitForText(`Allow on ${HOST}`);
    await env.browser.acceptHostPermission(PROTON);
    await popup.clickByRole('button', `Allow on ${HOST}`);
    await popup.waitForText(`Sparekey can now read ${HOST}.`);
    expect(await env.browser.hasHostPermission(PROTON)).toBe(true);
  });

  it('(capture) offers nothing at the set-up modal\'s six boxes, then saves every code its last step shows, in order', async () => {
    const popup = await unlockedPopup(env.browser);
    const page = await env.browser.openPage(signedInTo(SETTINGS));
    await page.clickByRole('checkbox', 'Authenticator app');
    await page.waitFor(() => document.querySelector('.modal-two dialog.modal-two-dialog') !== null, { message: 'the set-up modal' });
    await page.clickByRole('button', 'Next');
    await page.waitFor(() => document.querySelector('[data-testid="totp:manual-button"]') !== null, { message: 'the QR code step' });
    await page.clickByRole('button', 'Next');
    await page.waitFor(() => document.querySelector('dialog #totp-5') !== null, { message: 'the confirm step' });
    for (const [i, digit] of [...'123456'].entries()) await page.fillByRole('textbox', `Enter verification code. Digit ${i + 1}.`, digit);
    // The modal's six boxes are not a login: no chip (the banner below proves the content script runs here).
    expect(await page.closedShadowRoots()).toEqual([]);
    await page.clickByRole('button', 'Submit');
    await waitForOurText(page, `Save these ${SET_SIZE} backup codes to Sparekey?`);
    const shown = await page.evaluate(() => Array.from(document.querySelectorAll('code[data-testid="totp:recovery-code"]'), (c) => c.textContent!.trim()));
    expect(shown).toEqual(referee.activeCodes(username));
    await page.clickInClosedShadow('Save');
    await waitForOurText(page, `Saved to Sparekey for ${label}.`);
    const account = await accountByLabel(popup, label);
    expect(account?.site).toBe('proton');
    const codes = await codesOf(popup, account!.id);
    expect(codes.map((c) => c.value)).toEqual(shown);
    expect(codes.every((c) => c.status === 'unused' && c.source === 'page')).toBe(true);
    await page.clickByRole('button', 'Close');
    await page.waitFor(() => document.querySelector('.modal-two') === null, { message: 'the modal closed' });
  });

  it('(fill, accepted) types nothing into the six TOTP boxes, follows Proton\'s "Use recovery code", fills the first code, and Proton signs in', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, label))!.id;
    const first = referee.activeCodes(username)[0]!;
    const page = await env.browser.openPage(`${ORIGIN}/login`);
    await signInToTotp(page, username);
    await waitForOurText(page, 'Use a backup code instead');
    // The boxes submit the form once full: nothing of ours went there.
    expect(await boxValues(page)).toEqual(['', '', '', '', '', '']);
    await page.clickInClosedShadow('Use a backup code instead');
    await page.waitFor((v: string) => (document.getElementById('recovery-code') as HTMLInputElement | null)?.value === v, { message: 'the code in input#recovery-code' }, first);
    expect(await boxValues(page)).toEqual([null, null, null, null, null, null]);
    // Auto-submit is off: nothing reached Proton yet.
    expect(referee.state(username).attempts).toEqual([]);
    await page.clickByRole('button', 'Authenticate');
    await page.waitFor(() => location.pathname === '/u/0/mail/dashboard', { message: 'the signed-in dashboard' });
    expect(await sameDocument(page)).toBe(true);
    await waitUntil(async () => (await codesOf(popup, accountId))[0]!.status === 'used', { message: 'the vault to mark code 1 used' });
    const codes = await codesOf(popup, accountId);
    expect(codes[0]!.usedOrigin).toBe(ORIGIN);
    expect(codes.slice(1).every((c) => c.status === 'unused')).toBe(true);
    expect(referee.state(username).attempts.map((a) => [a.code, a.ok])).toEqual([[first, true]]);
  });

  it('(fill, rejected) marks a code of a set Proton replaced as rejected on its notification, and offers the next one in the same form', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, label))!.id;
    // 2FA set up again at Proton without Sparekey: the vault's codes are now the old set's.
    referee.regenerate(username);
    const second = (await codesOf(popup, accountId))[1]!.value!;
    const page = await env.browser.openPage(`${ORIGIN}/login`);
    await signInToTotp(page, username);
    await page.clickByRole('button', 'Use recovery code');
    await page.waitFor(() => document.getElementById('recovery-code') !== null, { message: 'the recovery-code mode' });
    await waitForOurText(page, `Use backup code (${SET_SIZE - 1} left)`);
    await page.clickInClosedShadow(`Use backup code (${SET_SIZE - 1} left)`);
    await page.waitFor((v: string) => (document.getElementById('recovery-code') as HTMLInputElement).value === v, { message: 'the code in the input' }, second);
    await page.clickByRole('button', 'Authenticate');
    await page.waitFor((t: string) => document.querySelector('.notification--error')?.textContent === t, { message: "Proton's notification" }, INVALID_CODE);
    await waitUntil(async () => (await codesOf(popup, accountId))[1]!.status === 'rejected', { message: 'the vault to mark code 2 rejected' });
    expect(referee.state(username).attempts.at(-1)).toMatchObject({ code: second, ok: false, why: 'invalidated' });
    // The same form, still up in the same document, gets the next code offered, not the rejected one.
    await waitForOurText(page, `Use backup code (${SET_SIZE - 2} left)`);
    expect(await recoveryValue(page)).toBe(second);
    expect(await sameDocument(page)).toBe(true);
  });

  it('(remove) offers to drop the access once the last Proton account is deleted, and then reads Proton no more', async () => {
    const popup = await unlockedPopup(env.browser);
    const account = (await accountByLabel(popup, label))!;
    await callFromPage(popup, 'accounts/delete', { accountId: account.id, confirmLabel: account.label });
    await popup.reload();
    await popup.waitForText(`No Proton accounts are left, but Sparekey can still read ${HOST}.`);
    await popup.clickByRole('button', `Remove access to ${HOST}`);
    await popup.waitForText(`Sparekey no longer reads ${HOST}.`);
    expect(await env.browser.hasHostPermission(PROTON)).toBe(false);
    const page = await env.browser.openPage(`${ORIGIN}/login`);
    await signInToTotp(page, username);
    await page.clickByRole('button', 'Use recovery code');
    await page.waitFor(() => document.getElementById('recovery-code') !== null, { message: 'the recovery-code mode' });
    expect(await page.closedShadowRoots()).toEqual([]);
  });
});
