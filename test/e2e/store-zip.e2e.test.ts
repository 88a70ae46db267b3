// The store packages (`npm run zip`), not the build folder: each browser loads its zip as a person
// gets it (Firefox installs the zip itself; Chromium, which loads only unpacked extensions from
// the command line, its extracted contents), opens the popup, and gets the chip on X's 2FA step,
// so the zip holds every file the extension needs. The Firefox zip also passes web-ext lint with
// no error and no warning.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReplica } from '../replica/handler.mjs';
import { ensureZips } from './harness/build';
import { BROWSER_NAMES, REPO_ROOT } from './harness/config';
import { isHealthyAnswer, pingBackground } from './harness/extension';
import { useBrowser } from './harness/vitest';
import { loginToCodeStep, PASSWORD, seedAccount, unlockedPopup, waitForCodeInput, waitForOurText } from './helpers';
import { wordsIn } from './locale-words';

const t = wordsIn('en');

describe.each(BROWSER_NAMES)('the store zip in %s', (name) => {
  const replica = createReplica({ seed: `sparekey-e2e-zip-${name}`, latencyMs: 20, stepDelayMs: 10 });
  const env = useBrowser(name, { handler: replica.handle, extensionZip: () => ensureZips()[name] });

  it('opens the popup on first run, with a background that answers', async () => {
    const popup = await env.browser.openPopup();
    await popup.waitForText(t('createTitle'));
    expect(isHealthyAnswer(await pingBackground(popup))).toBe(true);
  });

  it('offers and fills a backup code on X’s 2FA step', async () => {
    const handle = 'sk_zip';
    replica.referee.createAccount({ handle, password: PASSWORD, mode: 'backup', codes: 1 });
    const issued = replica.referee.state(handle).codes.map((c) => c.code);
    const popup = await unlockedPopup(env.browser);
    await seedAccount(popup, `@${handle}`, issued);
    const page = await env.browser.openPage('https://x.com/i/flow/login');
    await loginToCodeStep(page, handle);
    const offer = t('inlineUseCode', { count: 1 });
    await waitForOurText(page, offer);
    await page.clickInClosedShadow(offer);
    await waitForCodeInput(page, issued[0]!, 'the code in X’s input');
    await waitForOurText(page, t('inlineFilled'));
  });
});

describe('the Firefox store zip', () => {
  it('passes web-ext lint with no error and no warning', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sparekey-lint-'));
    try {
      execFileSync('unzip', ['-q', ensureZips().firefox, '-d', dir]);
      const run = () =>
        execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dir, '--self-hosted', '--output', 'json'], {
          encoding: 'utf8',
          cwd: REPO_ROOT,
        });
      let out: string;
      try {
        out = run();
      } catch (error) {
        out = String((error as { stdout?: string }).stdout ?? error);
      }
      const report = JSON.parse(out.slice(out.indexOf('{'))) as { count: number; errors: unknown[]; warnings: unknown[]; notices: unknown[] };
      expect({ errors: report.errors, warnings: report.warnings }).toEqual({ errors: [], warnings: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
