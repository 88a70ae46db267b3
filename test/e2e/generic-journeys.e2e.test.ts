// Another site's recovery step, end to end, in Chromium and Firefox (issue 13, item 3): the built
// extension and PyPI's login steps as the generic detector's fixtures model them
// (test/fixtures/generic/pypi-*.html, built from pypi/warehouse's templates), served at
// https://pypi.org and at a sibling, https://test.pypi.org. Sparekey has no adapter for PyPI: the
// person pastes its codes in the popup for the address they name, and the popup asks for that
// exact origin inside the Save click. Then the recovery step gets the chip and a click fills the
// next code; PyPI's TOTP step gets nothing, nor does the same recovery page on the sibling origin;
// and deleting the account offers to drop the access.
//
// The browsers show automation no permission prompt: acceptHostPermission answers it for the
// person (Firefox: its test pref; Chromium: the grant chrome://extensions makes, see harness/types.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/messages/protocol';
import { BROWSER_NAMES } from './harness/config';
import { contentScriptPresent, waitForContentScript } from './harness/extension';
import { callFromPage } from './harness/messaging';
import type { RequestHandler } from './harness/server';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { codesOf, unlockedPopup, waitForOurText } from './helpers';
import { typeInto } from './popup-screens';

const PYPI = ['https://pypi.org/*'];
const FIXTURES = path.resolve('test/fixtures/generic');
/** PyPI's two login steps, at their paths (the fixture files say which page each models). */
const PAGES: Record<string, string> = {
  '/account/recovery-code/': 'pypi-recovery-code.html',
  '/account/two-factor/': 'pypi-two-factor.html',
};
/** PyPI recovery codes: 16 lower-case hex characters. */
const CODES = ['0a1b2c3d4e5f6071', '8293a4b5c6d7e8f9', 'fedcba9876543210', '0123456789abcdef'];

/** PyPI's pages, served the same on every mapped host (so the sibling origin shows the very same step). */
const pypiSite: RequestHandler = (req, res) => {
  const file = PAGES[new URL(req.url ?? '/', 'https://pypi.org').pathname];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(path.join(FIXTURES, file), 'utf8'));
};

const recoveryValue = (page: TestPage) => page.evaluate(() => (document.getElementById('recovery_code_value') as HTMLInputElement).value);

async function pypiAccount(popup: TestPage): Promise<AccountSummary | undefined> {
  return (await callFromPage<AccountSummary[]>(popup, 'accounts/list')).find((a) => a.site === 'other');
}

describe.each(BROWSER_NAMES)('Sparekey on another site (PyPI) in %s', (name) => {
  const env = useBrowser(name, { handler: pypiSite });
  const label = 'sk-pypi';

  it('(paste) saves codes for the address the person names, and asks for that exact origin in the Save click', async () => {
    expect(await env.browser.hasHostPermission(PYPI)).toBe(false);
    const popup = await unlockedPopup(env.browser);
    await popup.reload();
    await popup.clickByRole('button', 'Paste codes');
    await popup.waitForText('Add backup codes');
    await typeInto(popup, 'Site', 'other');
    // What the person types is shown back as the exact origin Sparekey will use.
    await typeInto(popup, 'Site address', 'http://pypi.org');
    await popup.waitForText('Sparekey only works on https:// sites.');
    await typeInto(popup, 'Site address', 'PyPI.org/account/login/');
    await popup.waitForText('Sparekey will use https://pypi.org.');
    await typeInto(popup, 'Account name', label);
    await popup.fillByRole('textbox', 'Text with your codes', CODES.join('\n'));
    await popup.waitForText(`Found ${CODES.length}`);
    await env.browser.acceptHostPermission(PYPI);
    await popup.clickByRole('button', `Save ${CODES.length} codes`);
    await popup.waitForText(`Codes added to ${label}: ${CODES.length}.`);
    const account = await pypiAccount(popup);
    expect(account).toMatchObject({ label, origins: ['https://pypi.org'], left: CODES.length });
    expect(await env.browser.hasHostPermission(PYPI)).toBe(true);
    // Only that origin: not its sibling, not the pattern the manifest bounds requests with.
    expect(await env.browser.hasHostPermission(['https://test.pypi.org/*'])).toBe(false);
  });

  it('(fill) offers the next code at the recovery step and fills it on a click; the TOTP step and the sibling origin get nothing', async () => {
    const popup = await unlockedPopup(env.browser);
    const account = (await pypiAccount(popup))!;
    const totp = await env.browser.openPage('https://pypi.org/account/two-factor/');
    await waitForContentScript(env.browser, totp);
    const sibling = await env.browser.openPage('https://test.pypi.org/account/recovery-code/');
    const page = await env.browser.openPage('https://pypi.org/account/recovery-code/');
    await waitForOurText(page, `Use backup code (${CODES.length} left)`);
    await page.clickInClosedShadow(`Use backup code (${CODES.length} left)`);
    await page.waitFor((v: string) => (document.getElementById('recovery_code_value') as HTMLInputElement).value === v, { message: 'the first code in the input' }, CODES[0]!);
    // Auto-submit is off: the person presses Verify. Nothing tells Sparekey how PyPI answered, so
    // the code stays reserved for this tab until it goes (then the popup asks "Did this code work?").
    const codes = await codesOf(popup, account.id);
    expect(codes.map((c) => c.status)).toEqual(['reserved', 'unused', 'unused', 'unused']);
    expect(codes[0]!.value).toBe(CODES[0]);
    expect(await recoveryValue(page)).toBe(CODES[0]);

    // The TOTP tab had the watcher before the recovery tab's chip appeared: still nothing there.
    expect(await totp.closedShadowRoots()).toEqual([]);
    expect(await totp.evaluate(() => (document.getElementById('totp_value') as HTMLInputElement).value)).toBe('');
    // The sibling origin is not granted: our script never runs there, whatever the page says.
    expect(await contentScriptPresent(env.browser, sibling)).toBe(false);
    expect(await sibling.closedShadowRoots()).toEqual([]);
    expect(await recoveryValue(sibling)).toBe('');

    await page.close();
    await waitUntil(async () => (await codesOf(popup, account.id))[0]!.status === 'unconfirmed', { message: 'the code to be unconfirmed once its tab went' });
  });

  it('(remove) offers to drop the access once the account is deleted, and then reads pypi.org no more', async () => {
    const popup = await unlockedPopup(env.browser);
    const account = (await pypiAccount(popup))!;
    await callFromPage(popup, 'accounts/delete', { accountId: account.id, confirmLabel: account.label });
    await popup.reload();
    await popup.waitForText('No pypi.org accounts are left, but Sparekey can still read pypi.org.');
    await popup.clickByRole('button', 'Remove access to pypi.org');
    await popup.waitForText('Sparekey no longer reads pypi.org.');
    expect(await env.browser.hasHostPermission(PYPI)).toBe(false);
    const page = await env.browser.openPage('https://pypi.org/account/recovery-code/');
    await page.waitFor(() => document.getElementById('recovery_code_value') !== null, { message: 'the recovery step' });
    expect(await contentScriptPresent(env.browser, page)).toBe(false);
    expect(await page.closedShadowRoots()).toEqual([]);
  });
});
