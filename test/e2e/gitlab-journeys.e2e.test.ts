// Sparekey on GitLab, end to end, in Chromium and Firefox: the built extension, the GitLab replica
// served at https://gitlab.com (test/replica/gitlab, built from gitlabhq's markup and strings) and
// its referee as the independent judge. GitLab is read only once the person allows it: the
// journeys start with that grant in the popup, then capture the 10 codes on the page that answers
// "Regenerate recovery codes", show nothing at the password and e-mail verification steps (same
// URL as the 2FA step) nor behind WebAuthn, fill one at the 2FA step (GitLab takes it and returns
// to the stored location), fill one of an old set (rejected, the next offered), and end by
// removing the access with the last account.
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/messages/protocol';
import { createGitlabReplica } from '../replica/gitlab/handler.mjs';
import { formatViolations, runAxe } from './harness/axe';
import { BROWSER_NAMES } from './harness/config';
import { callFromPage } from './harness/messaging';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { codesOf, PASSWORD, unlockedPopup, waitForOurText } from './helpers';

const GITLAB = ['https://gitlab.com/*'];
const SIGN_IN = 'https://gitlab.com/users/sign_in';
/** The replica's sign-out (the browser's one GitLab session is shared by its tabs), then the sign-in. */
const SIGNED_OUT = 'https://gitlab.com/__replica/sign_out?next=/users/sign_in';

async function accountByLabel(popup: TestPage, label: string): Promise<AccountSummary | undefined> {
  const list = await callFromPage<AccountSummary[]>(popup, 'accounts/list');
  return list.find((a) => a.label === label);
}

/** GitLab's password step (plain form fields), up to whatever step comes next at the same URL. */
async function signIn(page: TestPage, login: string): Promise<void> {
  await page.waitFor(() => document.getElementById('user_login') !== null, { message: 'the password step' });
  await page.evaluate(
    (l: string, p: string) => {
      (document.getElementById('user_login') as HTMLInputElement).value = l;
      (document.getElementById('user_password') as HTMLInputElement).value = p;
    },
    login,
    PASSWORD,
  );
  await page.clickByRole('button', 'Sign in');
}

async function signInToTwoFactor(page: TestPage, login: string): Promise<void> {
  await signIn(page, login);
  await page.waitFor(() => document.getElementById('user_otp_attempt') !== null, { message: 'the 2FA step' });
}

const otpInput = (page: TestPage) => page.evaluate(() => (document.getElementById('user_otp_attempt') as HTMLInputElement | null)?.value ?? null);
const ourText = async (page: TestPage) => (await page.closedShadowRoots()).map((r) => r.text).join(' | ');

describe.each(BROWSER_NAMES)('Sparekey on GitLab in %s', (name) => {
  const replica = createGitlabReplica({ seed: `sparekey-gitlab-e2e-${name}` });
  const referee = replica.referee;
  const env = useBrowser(name, { handler: replica.handle });
  const login = 'sk-tanuki';
  const label = `@${login}`;

  it('(grant) reads nothing on gitlab.com until the person allows it in the popup, then registers its watcher', async () => {
    referee.createAccount({ login, password: PASSWORD });
    referee.createAccount({ login: 'sk-mailed', password: PASSWORD, emailCode: '424242' });
    referee.createAccount({ login: 'sk-key', password: PASSWORD, webauthn: true });
    expect(await env.browser.hasHostPermission(GITLAB)).toBe(false);
    // Before the grant: the 2FA step gets nothing from Sparekey.
    const before = await env.browser.openPage(SIGN_IN);
    await signInToTwoFactor(before, login);
    expect(await before.closedShadowRoots()).toEqual([]);
    await before.close();

    const popup = await unlockedPopup(env.browser);
    // The vault was created or unlocked by message: the popup shows it after a reload.
    await popup.reload();
    await popup.clickByRole('button', 'Settings');
    await popup.waitForText('Allow on gitlab.com');
    const violations = await runAxe(popup);
    expect(violations, formatViolations(violations)).toEqual([]);
    await env.browser.acceptHostPermission(GITLAB);
    await popup.clickByRole('button', 'Allow on gitlab.com');
    await popup.waitForText('Sparekey can now read gitlab.com.');
    expect(await env.browser.hasHostPermission(GITLAB)).toBe(true);
    expect(await popup.hasRole('button', 'Remove access to gitlab.com')).toBe(true);
  });

  it('(capture) offers to save the 10 codes GitLab shows once, on the page answering "Regenerate recovery codes", and saves them in order', async () => {
    const popup = await unlockedPopup(env.browser);
    const page = await env.browser.openPage(`https://gitlab.com/__replica/session?login=${login}&next=/-/profile/two_factor_auth`);
    await page.waitFor(() => document.getElementById('current-password') !== null, { message: 'the 2FA settings' });
    await page.evaluate((p: string) => ((document.getElementById('current-password') as HTMLInputElement).value = p), PASSWORD);
    await page.clickByRole('button', 'Regenerate recovery codes');
    await page.waitFor(() => location.pathname === '/-/profile/two_factor_auth/codes', { message: 'the new codes' });
    await waitForOurText(page, `Save these 10 backup codes for ${label} to Sparekey?`);
    await page.clickInClosedShadow('Save');
    await waitForOurText(page, `Saved to Sparekey for ${label}.`);
    const account = await accountByLabel(popup, label);
    expect(account?.site).toBe('gitlab');
    const codes = await codesOf(popup, account!.id);
    expect(codes.map((c) => c.value)).toEqual(referee.activeCodes(login));
    expect(referee.state(login).set).toBe(2);
    expect(codes.every((c) => c.status === 'unused' && c.source === 'page')).toBe(true);
  });

  it('(no offer) leaves the password and e-mail verification steps alone (same URL), and the 2FA form hidden behind WebAuthn until it shows', async () => {
    const password = await env.browser.openPage(SIGNED_OUT);
    await password.waitFor(() => document.getElementById('user_password') !== null, { message: 'the password step' });
    const mailed = await env.browser.openPage(SIGN_IN);
    await signIn(mailed, 'sk-mailed');
    await mailed.waitFor(() => document.getElementById('verification-code') !== null, { message: 'the e-mail verification step' });
    // A later sign-in in this browser, to the 2FA step behind WebAuthn: nothing while the form is hidden.
    const key = await env.browser.openPage(SIGN_IN);
    await signInToTwoFactor(key, 'sk-key');
    expect(await key.evaluate(() => document.querySelector('.js-2fa-form')!.classList.contains('hidden'))).toBe(true);
    expect(await ourText(key)).toBe('');
    await key.clickByRole('button', 'Sign in via 2FA code');
    // The same document, once GitLab shows its form: the chip (so Sparekey was reading all along).
    await waitForOurText(key, 'Use backup code (10 left)');
    expect(await password.closedShadowRoots()).toEqual([]);
    expect(await mailed.closedShadowRoots()).toEqual([]);
    expect(await mailed.evaluate(() => (document.getElementById('verification-code') as HTMLInputElement).value)).toBe('');
    expect(await otpInput(key)).toBe('');
    expect(referee.state(login).attempts).toEqual([]);
    for (const page of [password, mailed, key]) await page.close();
  });

  it('(fill, accepted) fills the first code into the one 2FA field on a click, never submits it, and GitLab takes it and returns to the stored location', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, label))!.id;
    const first = referee.activeCodes(login)[0]!;
    // Not signed in: GitLab stores /dashboard/projects and shows the sign-in.
    const page = await env.browser.openPage(SIGNED_OUT);
    await page.goto('https://gitlab.com/dashboard/projects');
    await page.waitFor(() => location.pathname === '/users/sign_in', { message: 'the sign-in' });
    await signInToTwoFactor(page, login);
    await waitForOurText(page, 'Use backup code (10 left)');
    await page.clickInClosedShadow('Use backup code (10 left)');
    await page.waitFor((v: string) => (document.getElementById('user_otp_attempt') as HTMLInputElement).value === v, { message: 'the code in the input' }, first);
    // A field that takes the authenticator's code too is never submitted for the person.
    expect(referee.state(login).attempts).toEqual([]);
    expect(await page.evaluate(() => location.pathname)).toBe('/users/sign_in');

    await page.clickByRole('button', 'Verify code');
    await page.waitFor(() => location.pathname === '/dashboard/projects', { message: 'the stored location' });
    await waitUntil(async () => (await codesOf(popup, accountId))[0]!.status === 'used', { message: 'the vault to mark code 1 used' });
    const codes = await codesOf(popup, accountId);
    expect(codes[0]!.usedOrigin).toBe('https://gitlab.com');
    expect(codes.slice(1).every((c) => c.status === 'unused')).toBe(true);
    expect(referee.state(login).attempts.map((a) => [a.code, a.ok])).toEqual([[first, true]]);
  });

  it('(fill, rejected) marks a code GitLab no longer takes as rejected, and offers the next one on the form GitLab shows again', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, label))!.id;
    // A new set made at GitLab without Sparekey: the vault's codes are now the old set's.
    referee.regenerate(login);
    const second = (await codesOf(popup, accountId))[1]!.value!;
    const page = await env.browser.openPage(SIGNED_OUT);
    await signInToTwoFactor(page, login);
    await waitForOurText(page, 'Use backup code (9 left)');
    await page.clickInClosedShadow('Use backup code (9 left)');
    await page.waitFor((v: string) => (document.getElementById('user_otp_attempt') as HTMLInputElement).value === v, { message: 'the code in the input' }, second);
    await page.clickByRole('button', 'Verify code');
    await page.waitFor(() => document.querySelector('.flash-alert') !== null, { message: "GitLab's alert" });
    expect(await page.evaluate(() => document.querySelector('.flash-alert')!.textContent!.trim())).toBe('Invalid two-factor code.');
    await waitUntil(async () => (await codesOf(popup, accountId))[1]!.status === 'rejected', { message: 'the vault to mark code 2 rejected' });
    expect(referee.state(login).attempts.at(-1)).toMatchObject({ code: second, ok: false, why: 'invalidated' });
    // The form GitLab showed again gets the next code offered, not the rejected one.
    await waitForOurText(page, 'Use backup code (8 left)');
    expect(await otpInput(page)).toBe('');
    expect(await ourText(page)).not.toContain('9 left');
  });

  it('(remove) offers to drop the access once the last GitLab account is deleted, and then reads gitlab.com no more', async () => {
    const popup = await unlockedPopup(env.browser);
    const account = (await accountByLabel(popup, label))!;
    await callFromPage(popup, 'accounts/delete', { accountId: account.id, confirmLabel: account.label });
    await popup.reload();
    await popup.waitForText('No GitLab accounts are left, but Sparekey can still read gitlab.com.');
    await popup.clickByRole('button', 'Remove access to gitlab.com');
    await popup.waitForText('Sparekey no longer reads gitlab.com.');
    expect(await env.browser.hasHostPermission(GITLAB)).toBe(false);
    const page = await env.browser.openPage(SIGNED_OUT);
    await signInToTwoFactor(page, login);
    expect(await page.closedShadowRoots()).toEqual([]);
  });
});
