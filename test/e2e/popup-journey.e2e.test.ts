// The popup in real Chromium and Firefox, driven as a person would: first run → create → paste
// codes → lock → unlock → export → wipe → restore → the identical vault. axe-core checks every
// screen on the way (0 violations) in the light and the dark colour scheme, and each screen is
// saved as a screenshot in test/artifacts/popup (dark ones with a -dark suffix).
import { describe, expect, it } from 'vitest';
import { checkPayload, openBackup, parseBackup } from '../../src/backup/index';
import { BROWSER_NAMES } from './harness/config';
import type { TestPage } from './harness/types';
import { useBrowser } from './harness/vitest';
import { checkScreen, chooseFile, openPopupPage, typeInto } from './popup-screens';

const PASS = 'violet harbour pencil thunder';
const PASTED = `Your X backup codes (keep them safe):
abcd efgh 2345
wxyz 9876 mnop
k3v8 p2q9 r4s7`;

/** The text of the backup file behind the "Save …" link (a blob: URL of the popup's). */
async function savedBackup(page: TestPage): Promise<{ name: string; text: string }> {
  return page.evaluate(async () => {
    const link = document.querySelector<HTMLAnchorElement>('a[download]')!;
    return { name: link.download, text: await (await fetch(link.href)).text() };
  });
}

async function decrypt(text: string) {
  const { accounts, codes } = checkPayload(await openBackup(parseBackup(text), PASS));
  return { accounts, codes };
}

describe.each(BROWSER_NAMES)('popup in %s', (name) => {
  const env = useBrowser(name);
  let firstBackup = '';

  const popup = (pathname = 'popup.html') => openPopupPage(env.browser, pathname);

  it('first run: creates the vault with a strong passphrase and explains how codes arrive', async () => {
    const page = await popup();
    await page.waitForText('Create your vault');
    await page.waitForText('don’t keep in your password manager');
    await checkScreen(page, '01-create');
    await typeInto(page, 'New passphrase', 'password1');
    await page.waitForText('This is one of the first passphrases attackers try.');
    await typeInto(page, 'New passphrase', PASS);
    await typeInto(page, 'Type it again', PASS);
    await page.waitForText('Strong passphrase.');
    await checkScreen(page, '02-create-filled');
    await page.clickByRole('button', 'Create vault');
    await page.waitForText('No backup codes yet', { timeout: 20_000 });
    for (const way of ['Visit the site’s backup-code page.', 'Paste them.', 'Import a file.']) await page.waitForText(way);
    expect(await page.hasRole('link', 'X backup codes')).toBe(true);
    await checkScreen(page, '03-empty');
  });

  it('pastes codes into a new account, showing the codes it found before saving', async () => {
    const page = await popup();
    await page.clickByRole('button', 'Paste codes');
    await page.waitForText('Add backup codes');
    await typeInto(page, 'Account name', '@alice');
    await page.fillByRole('textbox', 'Text with your codes', PASTED);
    await page.waitForText('Found 3 (“X backup code”):');
    await page.waitForText('k3v8 p2q9 r4s7');
    await checkScreen(page, '04-paste');
    await page.clickByRole('button', 'Save 3 codes');
    await page.waitForText('Codes added to @alice: 3.');
    await page.clickByRole('button', 'Codes');
    await page.waitForText('3 of 3 left');
    await checkScreen(page, '05-accounts');
  });

  it('imports a file of codes into the account, skipping and counting the one it already has', async () => {
    const page = await popup();
    await page.clickByRole('button', 'Import a file');
    await page.waitForText('Add backup codes');
    await chooseFile(page, 'Backup-code file', 'x-backup-codes.txt', 'abcd efgh 2345\nq7w8 e9r0 t1y2\n');
    await page.waitForText('backup codes: 2 codes found.');
    await page.waitForText('q7w8 e9r0 t1y2');
    await checkScreen(page, '05b-import');
    await page.clickByRole('button', 'Save 2 codes');
    await page.waitForText('Codes added to @alice: 1.');
    await page.waitForText('Duplicates skipped: 1.');
  });

  it('locks, refuses a wrong passphrase clearly, and unlocks', async () => {
    const page = await popup();
    await page.clickByRole('button', 'Lock');
    await page.waitForText('Unlock Sparekey');
    await typeInto(page, 'Passphrase', 'violet harbour pencil');
    await page.press('Enter');
    await page.waitForText('Wrong passphrase.', { timeout: 20_000 });
    await checkScreen(page, '06-unlock-wrong');
    await typeInto(page, 'Passphrase', PASS);
    await page.press('Enter');
    await page.waitForText('4 of 4 left', { timeout: 20_000 });
  });

  it('shows an account’s codes masked, reveals one, and warns before a pick that skips codes', async () => {
    const page = await popup();
    await page.clickByRole('button', '@alice X 4 of 4 left');
    await page.waitForText('#4');
    expect(await page.textContent()).not.toContain('abcd efgh 2345');
    await checkScreen(page, '07-account');
    await page.clickByRole('button', 'Show code #1');
    await page.waitForText('abcd efgh 2345');
    await page.clickByRole('button', 'Hide code #1');
    await page.waitFor(() => !document.body.innerText.includes('abcd efgh 2345'), { message: 'the code to be masked again' });
    // Marking #2 used skips #1: X's order rule invalidates it, so the popup says so first.
    await page.evaluate(() => document.querySelectorAll('details')[1]!.setAttribute('open', ''));
    await page.clickByRole('button', 'Mark used');
    await page.waitForText('This invalidates #1: X accepts backup codes only in the order they were made.');
    await checkScreen(page, '08-confirm-invalidation');
    await page.clickByRole('button', 'Mark #2 used');
    await page.waitForText('Code #2 updated.');
    await page.waitForText('Invalidated by #2');
    await page.waitForText('2 of 4 left');
  });

  it('saves settings as they change, and keeps the passphrase form on the same screen', async () => {
    const page = await popup();
    await page.clickByRole('button', 'Settings');
    await page.waitForText('Lock automatically after');
    await page.evaluate(() => {
      const select = document.querySelector('select')!;
      select.value = '30';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForText('Saved.');
    await checkScreen(page, '09-settings');
  });

  it('exports a backup, wipes the vault, restores it, and gets the identical vault back', async () => {
    const page = await popup();
    await page.clickByRole('button', 'Backup');
    await typeInto(page, 'Passphrase', PASS);
    await page.clickByRole('button', 'Create backup file');
    await page.waitForText('Backup ready: 1 account, 4 codes.', { timeout: 20_000 });
    await checkScreen(page, '10-backup');
    const backup = await savedBackup(page);
    expect(backup.name).toMatch(/^sparekey-backup-\d{4}-\d\d-\d\d\.json$/);
    expect(backup.text).not.toContain('abcd');
    firstBackup = backup.text;
    const before = await decrypt(backup.text);
    expect(before.codes.map((c) => c.status)).toEqual(['invalidated', 'used', 'unused', 'unused']);

    // Wipe: delete the account, as a person would.
    await page.clickByRole('button', 'Codes');
    await page.clickByRole('button', '@alice X 2 of 4 left');
    await page.clickByRole('button', 'Delete this account…');
    await typeInto(page, 'Type @alice to confirm', '@alice');
    await checkScreen(page, '11-delete');
    await page.clickByRole('button', 'Delete account');
    await page.waitForText('No backup codes yet');

    await page.clickByRole('button', 'Restore a backup');
    await chooseFile(page, 'Backup file', backup.name, backup.text);
    await typeInto(page, 'The file’s passphrase', PASS);
    await page.clickByRole('button', 'Restore a backup');
    await page.waitForText('Restored. New accounts: 1. Merged accounts: 0. New codes: 4. Codes moved forward: 0.', { timeout: 20_000 });
    await checkScreen(page, '10b-restored');

    // Identical: a second export decrypts to exactly the accounts and codes of the first.
    await typeInto(page, 'Passphrase', PASS);
    await page.clickByRole('button', 'Create backup file');
    await page.waitForText('Backup ready: 1 account, 4 codes.', { timeout: 20_000 });
    const after = await decrypt((await savedBackup(page)).text);
    expect(after).toEqual(before);
    await page.clickByRole('button', 'Codes');
    await page.waitForText('2 of 4 left');
  });

  it('warns on the list when one code is left, linking to X’s backup-code page', async () => {
    const page = await popup();
    await page.clickByRole('button', '@alice X 2 of 4 left');
    await page.waitForText('#4');
    await page.evaluate(() => document.querySelectorAll('details')[2]!.setAttribute('open', ''));
    await page.clickByRole('button', 'Mark used');
    await page.waitForText('Code #3 updated.');
    await page.clickByRole('button', 'Back');
    await page.waitForText('One code left. Generate new backup codes on X while you can still log in.');
    expect(await page.hasRole('link', 'Open X’s backup-code page')).toBe(true);
    await checkScreen(page, '13-accounts-one-left');
  });

  it('prints a sheet of the unused codes in its own tab', async () => {
    expect(firstBackup).not.toBe('');
    const page = await popup('popup.html#sheet');
    await page.setViewport(800, 600);
    await page.waitForText('Sparekey: unused backup codes');
    await page.waitForText('q7w8 e9r0 t1y2');
    const sheet = await page.textContent();
    for (const gone of ['abcd efgh 2345', 'wxyz 9876 mnop', 'k3v8 p2q9 r4s7']) expect(sheet).not.toContain(gone);
    await checkScreen(page, '12-sheet', { popup: false });
  });
});
