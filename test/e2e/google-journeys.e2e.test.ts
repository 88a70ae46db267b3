// Sparekey on Google, end to end, in Chromium and Firefox: the built extension, the Google replica
// served at https://accounts.google.com and https://myaccount.google.com (test/replica/google) and
// its referee as the independent judge. Google is read only once the person allows both origins:
// the journeys start with that grant in the popup, capture the 10 backup codes on
// myaccount.google.com, offer nothing at the authenticator and SMS challenges, fill one code at the
// sign-in's backup-code challenge (Google takes it and continues to myaccount.google.com), fill one
// Google no longer takes (rejected in place, the next one offered), and end by removing the access
// with the last account.
//
// The browsers show automation no permission prompt: acceptHostPermission answers it for the
// person (Firefox: its test pref; Chromium: the grant chrome://extensions makes, see harness/types.ts).
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/messages/protocol';
import { createGoogleReplica } from '../replica/google/handler.mjs';
import { BROWSER_NAMES } from './harness/config';
import { callFromPage } from './harness/messaging';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { codesOf, PASSWORD, unlockedPopup, waitForOurText } from './helpers';

const GOOGLE = ['https://accounts.google.com/*', 'https://myaccount.google.com/*'];
const HOSTS = 'accounts.google.com, myaccount.google.com';
const CODES_PAGE = 'https://myaccount.google.com/two-step-verification/backup-codes';
const CONTINUE = encodeURIComponent('https://myaccount.google.com/');
const BACKUP_CHALLENGE = `https://accounts.google.com/v3/signin/challenge/bc?continue=${CONTINUE}`;

async function accountByLabel(popup: TestPage, label: string): Promise<AccountSummary | undefined> {
  const list = await callFromPage<AccountSummary[]>(popup, 'accounts/list');
  return list.find((a) => a.label === label);
}

/** Google's sign-in, up to the account's first challenge (plain form fields: no framework watches them). */
async function signInToChallenge(page: TestPage, email: string, path: string): Promise<void> {
  await page.goto(`https://accounts.google.com/v3/signin/identifier?continue=${CONTINUE}`);
  await page.evaluate(
    (e: string, p: string) => {
      (document.getElementById('identifierId') as HTMLInputElement).value = e;
      (document.getElementById('password') as HTMLInputElement).value = p;
    },
    email,
    PASSWORD,
  );
  await page.clickByRole('button', 'Next');
  await page.waitFor((p: string) => location.pathname === p, { message: `the challenge ${path}` }, path);
}

const inputValue = (page: TestPage, id: string) => page.evaluate((i: string) => (document.getElementById(i) as HTMLInputElement | null)?.value ?? null, id);
const digits = (value: string | null) => (value ?? '').replace(/\s/g, '');

describe.each(BROWSER_NAMES)('Sparekey on Google in %s', (name) => {
  const replica = createGoogleReplica({ seed: `sparekey-google-e2e-${name}` });
  const referee = replica.referee;
  const env = useBrowser(name, { handler: replica.handle });
  const email = 'sk.demo@gmail.com';
  const signedInTo = (next: string) => `https://myaccount.google.com/__replica/session?email=${encodeURIComponent(email)}&next=${encodeURIComponent(next)}`;

  it('(grant) reads neither Google origin until the person allows them in the popup, then registers its watcher', async () => {
    referee.createAccount({ email, password: PASSWORD });
    expect(await env.browser.hasHostPermission(GOOGLE)).toBe(false);
    const before = await env.browser.openPage(signedInTo(CODES_PAGE));
    await before.waitFor(() => document.querySelectorAll('ul.codes li').length === 10, { message: 'the codes page' });
    expect(await before.closedShadowRoots()).toEqual([]);
    await before.close();

    const popup = await unlockedPopup(env.browser);
    await popup.reload();
    await popup.clickByRole('button', 'Settings');
    await popup.waitForText(`Allow on ${HOSTS}`);
    await env.browser.acceptHostPermission(GOOGLE);
    await popup.clickByRole('button', `Allow on ${HOSTS}`);
    await popup.waitForText(`Sparekey can now read ${HOSTS}.`);
    expect(await env.browser.hasHostPermission(GOOGLE)).toBe(true);
    expect(await popup.hasRole('button', `Remove access to ${HOSTS}`)).toBe(true);
  });

  it('(capture) offers to save the 10 backup codes shown on myaccount.google.com, and saves them in order for the account', async () => {
    const popup = await unlockedPopup(env.browser);
    const page = await env.browser.openPage(signedInTo(CODES_PAGE));
    await waitForOurText(page, `Save these 10 backup codes for ${email} to Sparekey?`);
    await page.clickInClosedShadow('Save');
    await waitForOurText(page, `Saved to Sparekey for ${email}.`);
    const account = await accountByLabel(popup, email);
    expect(account?.site).toBe('google');
    const codes = await codesOf(popup, account!.id);
    // The vault shows codes as Google writes them (`1234 5678`); the digits are the code.
    expect(codes.map((c) => digits(c.value ?? null))).toEqual(referee.activeCodes(email));
    expect(codes.every((c) => c.status === 'unused' && c.source === 'page')).toBe(true);
  });

  it('(no offer) leaves the authenticator and SMS challenges alone while the backup-code challenge gets its chip', async () => {
    const totp = await env.browser.openPage('https://accounts.google.com/');
    await signInToChallenge(totp, email, '/v3/signin/challenge/totp');
    referee.setFirstChallenge(email, 'ipp');
    const sms = await env.browser.openPage('https://accounts.google.com/');
    await signInToChallenge(sms, email, '/v3/signin/challenge/ipp/verify');
    referee.setFirstChallenge(email, 'totp');
    // The same sign-in, at the backup-code challenge: the chip there shows Sparekey is reading these pages.
    const bc = await env.browser.openPage(BACKUP_CHALLENGE);
    await waitForOurText(bc, 'Use backup code (10 left)');
    expect(await totp.closedShadowRoots()).toEqual([]);
    expect(await sms.closedShadowRoots()).toEqual([]);
    expect(await inputValue(totp, 'totpPin')).toBe('');
    expect(await inputValue(sms, 'idvPin')).toBe('');
    for (const page of [totp, sms, bc]) await page.close();
  });

  it('(fill, accepted) reaches the backup-code challenge by "Try another way", fills the first code, and Google takes it', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, email))!.id;
    const first = referee.activeCodes(email)[0]!;
    const page = await env.browser.openPage('https://accounts.google.com/');
    await signInToChallenge(page, email, '/v3/signin/challenge/totp');
    await page.clickByRole('button', 'Try another way');
    await page.waitFor(() => location.pathname === '/v3/signin/challenge/selection', { message: 'the list of challenges' });
    await page.clickByRole('link', 'Enter one of your 8-digit backup codes');
    await page.waitFor(() => location.pathname === '/v3/signin/challenge/bc', { message: 'the backup-code challenge' });
    await waitForOurText(page, 'Use backup code (10 left)');
    await page.clickInClosedShadow('Use backup code (10 left)');
    await waitUntil(async () => digits(await inputValue(page, 'backupCodePin')) === first, { message: 'the code in #backupCodePin' });
    // Auto-submit is off: nothing reached Google yet.
    expect(referee.state(email).attempts).toEqual([]);

    await page.clickByRole('button', 'Next');
    await page.waitFor(() => location.origin === 'https://myaccount.google.com' && location.pathname === '/', { message: 'the continue URL' });
    await waitUntil(async () => (await codesOf(popup, accountId))[0]!.status === 'used', { message: 'the vault to mark code 1 used' });
    const codes = await codesOf(popup, accountId);
    expect(codes[0]!.usedOrigin).toBe('https://accounts.google.com');
    expect(codes.slice(1).every((c) => c.status === 'unused')).toBe(true);
    expect(referee.state(email).attempts.map((a) => [a.code, a.ok])).toEqual([[first, true]]);
  });

  it('(fill, rejected) marks a code Google no longer takes as rejected, and offers the next one on the challenge that stayed', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, email))!.id;
    // A new set made at Google without Sparekey: the vault's codes are now the old set's.
    referee.regenerate(email);
    const second = digits((await codesOf(popup, accountId))[1]!.value ?? null);
    const page = await env.browser.openPage('https://accounts.google.com/');
    await signInToChallenge(page, email, '/v3/signin/challenge/totp');
    await page.goto(BACKUP_CHALLENGE);
    await waitForOurText(page, 'Use backup code (9 left)');
    await page.clickInClosedShadow('Use backup code (9 left)');
    await waitUntil(async () => digits(await inputValue(page, 'backupCodePin')) === second, { message: 'the code in #backupCodePin' });
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.clickByRole('button', 'Next');
    await page.waitFor(() => document.querySelector('[aria-live="assertive"]')?.textContent === 'Wrong code. Try again.', { message: "Google's inline error" });
    await waitUntil(async () => (await codesOf(popup, accountId))[1]!.status === 'rejected', { message: 'the vault to mark code 2 rejected' });
    expect(referee.state(email).attempts.at(-1)).toMatchObject({ code: second, ok: false, why: 'invalidated' });
    // The challenge stayed (no reload) and now offers the next code, not the rejected one.
    await waitForOurText(page, 'Use backup code (8 left)');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true)).toBe(true);
  });

  it('(remove) offers to drop the access once the last Google account is deleted, and then reads Google no more', async () => {
    const popup = await unlockedPopup(env.browser);
    const account = (await accountByLabel(popup, email))!;
    await callFromPage(popup, 'accounts/delete', { accountId: account.id, confirmLabel: account.label });
    await popup.reload();
    await popup.waitForText(`No Google accounts are left, but Sparekey can still read ${HOSTS}.`);
    await popup.clickByRole('button', `Remove access to ${HOSTS}`);
    await popup.waitForText(`Sparekey no longer reads ${HOSTS}.`);
    expect(await env.browser.hasHostPermission(GOOGLE)).toBe(false);
    const page = await env.browser.openPage(signedInTo(CODES_PAGE));
    await page.waitFor(() => document.querySelectorAll('ul.codes li').length === 10, { message: 'the codes page' });
    expect(await page.closedShadowRoots()).toEqual([]);
  });
});
