// A copied code leaves the clipboard after the chosen delay even once the popup is closed:
// Chrome through its offscreen document, Firefox from its event page — here with the event page
// unloaded after 3 s idle, so only the alarm can wake it to clear.
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES } from './harness/config';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { typeInto } from './popup-screens';

const PASS = 'violet harbour pencil thunder';

describe.each(BROWSER_NAMES)('clipboard in %s', (name) => {
  const env = useBrowser(name, { backgroundIdleTimeoutMs: 3_000 });

  it('clears a copied code after the chosen delay, with the popup closed', async () => {
    const page = await env.browser.openPopup();
    await typeInto(page, 'New passphrase', PASS);
    await typeInto(page, 'Type it again', PASS);
    await page.clickByRole('button', 'Create vault');
    await page.waitForText('No backup codes yet', { timeout: 20_000 });
    await page.clickByRole('button', 'Settings');
    await typeInto(page, 'Clear a copied code after', '10');
    await page.waitForText('Saved.');
    await page.clickByRole('button', 'Add');
    await typeInto(page, 'Account name', '@alice');
    await page.fillByRole('textbox', 'Text with your codes', 'abcd efgh 2345');
    await page.clickByRole('button', 'Save 1 code');
    await page.clickByRole('button', 'Open @alice');
    await page.clickByRole('button', 'Copy code #1');
    await page.waitForText('Code #1 copied. The clipboard clears in 10 s.');
    const copiedAt = Date.now();
    expect(await env.browser.readClipboard()).toBe('abcdefgh2345');
    await page.close();

    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await env.browser.readClipboard(), 'cleared too early').toBe('abcdefgh2345');
    await waitUntil(async () => (await env.browser.readClipboard()) === '', {
      timeout: 40_000,
      interval: 500,
      message: 'the clipboard to be cleared',
    });
    console.log(`[e2e] ${name}: clipboard cleared ${Math.round((Date.now() - copiedAt) / 1000)} s after the copy`);
  }, 90_000);
});
