// Sparekey on GitHub, end to end, in Chromium and Firefox: the built extension, the GitHub replica
// served at https://github.com (test/replica/github) and its referee as the independent judge.
// GitHub is read only once the person allows it: the journeys start with that grant in the popup,
// then capture the 16 recovery codes, fill one at the login's recovery step (GitHub accepts it),
// fill one GitHub no longer takes (rejected), and end by removing the access with the last account.
//
// The browsers show automation no permission prompt: acceptHostPermission answers it for the
// person (Firefox: its test pref; Chromium: the grant chrome://extensions makes, see harness/types.ts).
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/messages/protocol';
import { createGithubReplica } from '../replica/github/handler.mjs';
import { formatViolations, runAxe } from './harness/axe';
import { BROWSER_NAMES } from './harness/config';
import { callFromPage } from './harness/messaging';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { codesOf, PASSWORD, unlockedPopup, waitForOurText } from './helpers';

const GITHUB = ['https://github.com/*'];

async function accountByLabel(popup: TestPage, label: string): Promise<AccountSummary | undefined> {
  const list = await callFromPage<AccountSummary[]>(popup, 'accounts/list');
  return list.find((a) => a.label === label);
}

/** GitHub's sign-in, up to the authenticator step (plain form fields: no framework watches them). */
async function signInToTwoFactor(page: TestPage, login: string): Promise<void> {
  await page.goto('https://github.com/login');
  await page.evaluate(
    (l: string, p: string) => {
      (document.getElementById('login_field') as HTMLInputElement).value = l;
      (document.getElementById('password') as HTMLInputElement).value = p;
    },
    login,
    PASSWORD,
  );
  await page.clickByRole('button', 'Sign in');
  await page.waitFor(() => location.pathname === '/sessions/two-factor/app', { message: 'the authenticator step' });
}

const recoveryInput = (page: TestPage) => page.evaluate(() => (document.getElementById('recovery_code') as HTMLInputElement | null)?.value ?? null);

describe.each(BROWSER_NAMES)('Sparekey on GitHub in %s', (name) => {
  const replica = createGithubReplica({ seed: `sparekey-github-e2e-${name}` });
  const referee = replica.referee;
  const env = useBrowser(name, { handler: replica.handle });
  const login = 'sk-octo';
  const label = `@${login}`;

  it('(grant) reads nothing on github.com until the person allows it in the popup, then registers its watcher', async () => {
    referee.createAccount({ login, password: PASSWORD });
    expect(await env.browser.hasHostPermission(GITHUB)).toBe(false);
    // Before the grant: the recovery-codes page gets nothing from Sparekey.
    const before = await env.browser.openPage(`https://github.com/__replica/session?login=${login}&next=/settings/auth/recovery-codes`);
    await before.waitFor(() => document.querySelectorAll('.two-factor-recovery-code').length === 16, { message: 'the codes page' });
    expect(await before.closedShadowRoots()).toEqual([]);
    await before.close();

    const popup = await unlockedPopup(env.browser);
    // The vault was created or unlocked by message: the popup shows it after a reload.
    await popup.reload();
    await popup.clickByRole('button', 'Settings');
    await popup.waitForText('Allow on github.com');
    const violations = await runAxe(popup);
    expect(violations, formatViolations(violations)).toEqual([]);
    await env.browser.acceptHostPermission(GITHUB);
    await popup.clickByRole('button', 'Allow on github.com');
    await popup.waitForText('Sparekey can now read github.com.');
    expect(await env.browser.hasHostPermission(GITHUB)).toBe(true);
    expect(await popup.hasRole('button', 'Remove access to github.com')).toBe(true);
  });

  it('(capture) offers to save the 16 recovery codes shown at /settings/auth/recovery-codes, and saves them in order', async () => {
    const popup = await unlockedPopup(env.browser);
    const page = await env.browser.openPage(`https://github.com/__replica/session?login=${login}&next=/settings/auth/recovery-codes`);
    await waitForOurText(page, `Save these 16 backup codes for ${label} to Sparekey?`);
    await page.clickInClosedShadow('Save');
    await waitForOurText(page, `Saved to Sparekey for ${label}.`);
    const account = await accountByLabel(popup, label);
    expect(account?.site).toBe('github');
    const codes = await codesOf(popup, account!.id);
    expect(codes.map((c) => c.value)).toEqual(referee.activeCodes(login));
    expect(codes.every((c) => c.status === 'unused' && c.source === 'page')).toBe(true);
  });

  it('(fill, accepted) from the authenticator step goes to the recovery step, fills the first code, and GitHub takes it', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, label))!.id;
    const first = referee.activeCodes(login)[0]!;
    const page = await env.browser.openPage('https://github.com/');
    await signInToTwoFactor(page, login);
    // Never typed into #app_totp (it submits itself): the chip offers GitHub's own way to the recovery step.
    await waitForOurText(page, 'Use a backup code instead');
    await page.clickInClosedShadow('Use a backup code instead');
    await page.waitFor(() => location.pathname === '/sessions/two-factor/recovery', { message: 'the recovery step' });
    expect(await page.evaluate(() => (document.getElementById('app_totp') as HTMLInputElement | null)?.value ?? null)).toBeNull();
    await waitForOurText(page, 'Use backup code (16 left)');
    await page.clickInClosedShadow('Use backup code (16 left)');
    await page.waitFor((v: string) => (document.getElementById('recovery_code') as HTMLInputElement).value === v, { message: 'the code in the input' }, first);
    // Auto-submit is off: nothing reached GitHub yet.
    expect(referee.state(login).attempts).toEqual([]);

    await page.clickByRole('button', 'Verify');
    await page.waitFor(() => location.pathname === '/', { message: 'the dashboard' });
    await waitUntil(async () => (await codesOf(popup, accountId))[0]!.status === 'used', { message: 'the vault to mark code 1 used' });
    const codes = await codesOf(popup, accountId);
    expect(codes[0]!.usedOrigin).toBe('https://github.com');
    expect(codes.slice(1).every((c) => c.status === 'unused')).toBe(true);
    expect(referee.state(login).attempts.map((a) => [a.code, a.ok])).toEqual([[first, true]]);
  });

  it('(fill, in-page swap) fills the recovery form GitHub swaps into the authenticator page, with one click, never #app_totp', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, label))!.id;
    referee.setInPageSwap(login, true);
    const second = referee.activeCodes(login)[1]!;
    const page = await env.browser.openPage('https://github.com/');
    await signInToTwoFactor(page, login);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await waitForOurText(page, 'Use a backup code instead');
    await page.clickInClosedShadow('Use a backup code instead');
    await page.waitFor((v: string) => (document.getElementById('recovery_code') as HTMLInputElement).value === v, { message: 'the code in the swapped-in form' }, second);
    expect(
      await page.evaluate(() => ({
        same: (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
        path: location.pathname,
        totp: (document.getElementById('app_totp') as HTMLInputElement).value,
      })),
    ).toEqual({ same: true, path: '/sessions/two-factor/recovery', totp: '' });
    expect(referee.state(login).attempts).toHaveLength(1);
    await page.clickByRole('button', 'Verify');
    await page.waitFor(() => location.pathname === '/', { message: 'the dashboard' });
    await waitUntil(async () => (await codesOf(popup, accountId))[1]!.status === 'used', { message: 'the vault to mark code 2 used' });
    expect(referee.state(login).attempts.at(-1)).toMatchObject({ code: second, ok: true });
    referee.setInPageSwap(login, false);
  });

  it('(fill, rejected) marks a code GitHub no longer takes as rejected, and offers the next one on the page GitHub shows again', async () => {
    const popup = await unlockedPopup(env.browser);
    const accountId = (await accountByLabel(popup, label))!.id;
    // A new set made at GitHub without Sparekey: the vault's codes are now the old set's.
    referee.regenerate(login);
    const third = (await codesOf(popup, accountId))[2]!.value!;
    const page = await env.browser.openPage('https://github.com/');
    await signInToTwoFactor(page, login);
    await page.goto('https://github.com/sessions/two-factor/recovery');
    await waitForOurText(page, 'Use backup code (14 left)');
    await page.clickInClosedShadow('Use backup code (14 left)');
    await page.waitFor((v: string) => (document.getElementById('recovery_code') as HTMLInputElement).value === v, { message: 'the code in the input' }, third);
    await page.clickByRole('button', 'Verify');
    await page.waitFor(() => document.querySelector('.flash-error') !== null, { message: "GitHub's error flash" });
    await waitUntil(async () => (await codesOf(popup, accountId))[2]!.status === 'rejected', { message: 'the vault to mark code 3 rejected' });
    expect(referee.state(login).attempts.at(-1)).toMatchObject({ code: third, ok: false, why: 'invalidated' });
    // The form GitHub showed again gets the next code offered, not the rejected one.
    await waitForOurText(page, 'Use backup code (13 left)');
    expect(await recoveryInput(page)).toBe('');
  });

  it('(remove) offers to drop the access once the last GitHub account is deleted, and then reads github.com no more', async () => {
    const popup = await unlockedPopup(env.browser);
    const account = (await accountByLabel(popup, label))!;
    await callFromPage(popup, 'accounts/delete', { accountId: account.id, confirmLabel: account.label });
    await popup.reload();
    await popup.waitForText('No GitHub accounts are left, but Sparekey can still read github.com.');
    await popup.clickByRole('button', 'Remove access to github.com');
    await popup.waitForText('Sparekey no longer reads github.com.');
    expect(await env.browser.hasHostPermission(GITHUB)).toBe(false);
    const page = await env.browser.openPage(`https://github.com/__replica/session?login=${login}&next=/settings/auth/recovery-codes`);
    await page.waitFor(() => document.querySelectorAll('.two-factor-recovery-code').length === 16, { message: 'the codes page' });
    expect(await page.closedShadowRoots()).toEqual([]);
  });
});
