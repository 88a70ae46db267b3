// Smoke: the built extension in real headless Chromium and Firefox ESR, pages at their real URLs.
// Also checks the harness features later journeys rely on (closed shadow roots, trusted clicks,
// axe, screenshots), so a broken harness fails here first, not in the middle of a journey.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatViolations, runAxe } from './harness/axe';
import { ARTIFACTS_DIR, BROWSER_NAMES, CHROME_BUILD, MAPPED_HOSTS } from './harness/config';
import { contentScriptPresent, isHealthyAnswer, pingBackground, waitForContentScript } from './harness/extension';
import { useBrowser } from './harness/vitest';

/** The https hosts the built manifest injects the content script into (from its match patterns). */
function contentScriptHosts(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(CHROME_BUILD, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[] }[];
  };
  const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
  return [...new Set(matches.map((m) => /^https:\/\/([^/*]+)\/\*$/.exec(m)?.[1] ?? `unsupported pattern ${m}`))].sort();
}

const SHOTS = path.join(ARTIFACTS_DIR, 'e2e');

describe.each(BROWSER_NAMES)('in %s', (name) => {
  // Firefox's event page idles out after 3 s here, so stopBackground() exercises the real path.
  const env = useBrowser(name, { backgroundIdleTimeoutMs: 3_000 });

  describe('the built extension', () => {
    it('answers its popup through the background', async () => {
      const popup = await env.browser.openPopup();
      expect(await pingBackground(popup)).toSatisfy(isHealthyAnswer);
    });

    it('renders the popup with the heading "Sparekey"', async () => {
      const popup = await env.browser.openPopup();
      await popup.waitFor(() => document.querySelector('h1') !== null, { message: 'the popup to render' });
      expect(await popup.hasRole('heading', 'Sparekey')).toBe(true);
      mkdirSync(SHOTS, { recursive: true });
      await popup.screenshot(path.join(SHOTS, `${name}-popup.png`));
    });

    it('runs its content script on every https host its manifest names, x.com first among them', async () => {
      const hosts = contentScriptHosts();
      expect(hosts).toContain('x.com');
      for (const host of hosts) {
        // A host the browsers do not map would load nothing and prove nothing.
        expect(MAPPED_HOSTS as readonly string[], `add ${host} to MAPPED_HOSTS in harness/config.ts`).toContain(host);
        const page = await env.browser.openPage(`https://${host}/`);
        expect(await page.textContent('#served-host')).toBe(host);
        await waitForContentScript(env.browser, page);
        await page.close();
      }
    });

    it('does not run its content script on the lookalike https://x.com.evil.test/', async () => {
      // Positive control first, in the same browser: how long the script takes where it belongs.
      const real = await env.browser.openPage('https://x.com/');
      const latency = await waitForContentScript(env.browser, real);
      const lookalike = await env.browser.openPage('https://x.com.evil.test/');
      expect(await lookalike.textContent('#served-host')).toBe('x.com.evil.test');
      await new Promise((resolve) => setTimeout(resolve, Math.max(1_500, 3 * latency)));
      expect(await contentScriptPresent(env.browser, lookalike)).toBe(false);
      expect(await contentScriptPresent(env.browser, real)).toBe(true);
    });

    it('answers again after its background was stopped', async () => {
      const before = await env.browser.openPopup();
      expect(await pingBackground(before)).toSatisfy(isHealthyAnswer);
      await before.close();
      const started = Date.now();
      await env.browser.stopBackground();
      console.log(`[e2e] ${name}: background stopped in ${Date.now() - started} ms`);
      expect(await env.browser.backgroundRunning()).toBe(false);
      const after = await env.browser.openPopup();
      expect(await pingBackground(after)).toSatisfy(isHealthyAnswer);
      expect(await env.browser.backgroundRunning()).toBe(true);
    });
  });

  describe('the harness', () => {
    it('reads a closed shadow root from outside and clicks in it with trusted input', async () => {
      const page = await env.browser.openPage('https://evil.test/harness/closed-shadow');
      // The page itself cannot see into the root: it really is closed.
      expect(await page.evaluate(() => Array.from(document.querySelectorAll('*')).some((el) => el.shadowRoot))).toBe(false);
      const roots = await page.closedShadowRoots();
      expect(roots).toHaveLength(1);
      expect(roots[0]?.hostTag).toMatch(/^sk-[a-z0-9]+$/);
      expect(roots[0]?.text).toContain('2 codes left');
      const clicked = await page.clickInClosedShadow('Use backup code');
      expect(clicked).toMatchObject({ tag: 'button', role: 'button', text: 'Use', visible: true });
      expect(await page.waitFor(() => document.body.dataset.clicked, { message: 'the click to land' })).toBe('true');
    });

    it('fills and clicks by role and name, and types with the keyboard', async () => {
      const page = await env.browser.openPage('https://evil.test/harness/form');
      await page.fillByRole('textbox', 'Passphrase', 'mauve tractor');
      await page.clickByRole('button', 'Show');
      await page.waitForText('You typed: mauve tractor (with input events)');
      await page.fillByRole('textbox', 'Passphrase', 'x');
      await page.press('Tab'); // from the field to the button (tabbing past the last one leaves the page in Firefox)
      await page.press('Enter'); // Enter on the focused button clicks it
      await page.waitForText('You typed: x (with input events)');
    });

    it('follows in-page navigation in url()', async () => {
      const page = await env.browser.openPage('https://x.com/i/flow/login');
      await page.evaluate(() => history.pushState({}, '', '/home'));
      expect(await page.url()).toBe('https://x.com/home');
    });

    it('runs axe: reports planted violations, none on a clean page, and works on a CSP-locked extension page', async () => {
      const broken = await env.browser.openPage('https://evil.test/harness/a11y-broken');
      const found = (await runAxe(broken)).map((v) => v.id);
      expect(found).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
      const clean = await env.browser.openPage('https://evil.test/');
      const none = await runAxe(clean);
      expect(none, formatViolations(none)).toEqual([]);
      const popup = await env.browser.openPopup();
      await runAxe(popup);
      expect(await popup.evaluate(() => typeof (globalThis as { axe?: { version?: string } }).axe?.version)).toBe('string');
    });

    it('sends cookies set with addCookie to that host only', async () => {
      await env.browser.addCookie({ name: 'auth_token', value: 'smoke-1', host: 'x.com' });
      const page = await env.browser.openPage('https://x.com/harness/cookies');
      expect(await page.textContent('#cookies')).toBe('auth_token=smoke-1');
      await page.goto('https://x.com.evil.test/harness/cookies');
      expect(await page.textContent('#cookies')).toBe('');
    });

    it('saves a PNG screenshot', async () => {
      const page = await env.browser.openPage('https://x.com/');
      mkdirSync(SHOTS, { recursive: true });
      const file = path.join(SHOTS, `${name}-x.com.png`);
      await page.screenshot(file);
      expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(statSync(file).size).toBeGreaterThan(1_000);
    });
  });
});
