// Issue 7, item 2: origins and frames, in Chromium and Firefox. X's 2FA step (a snapshot from
// test/fixtures/x, the same DOM the adapter is tested on) is served where Sparekey must offer
// nothing: lookalike hosts, plain http, a CSP-sandboxed x.com page (opaque origin), and frames of
// every kind. Each case checks that no chip appears (top document and frames), that the content
// script did not even run in frames (its mark in its own world, read by the extension), and that a fill asked for from outside
// the page reserves nothing and fills nothing: "Fill" in the popup (fill/active-tab), the keyboard
// command "Fill next backup code" (BrowserUnderTest.runCommand: Firefox presses its shortcut,
// Chromium dispatches the worker's commands.onCommand, see harness/types.ts), and in Firefox the
// context-menu item, right-clicked on the code field for real (headless Chromium draws no
// context menu; test/unit/background/outside-fill.test.ts covers its listener there). The
// positive controls are the same snapshot at https://x.com, where the chip fills on a real click
// and the command (and Firefox's menu item) fill too.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/messages/protocol';
import type { VaultEvent } from '../../src/vault/types';
import { createReplica } from '../replica/handler.mjs';
import { adversarialHandler, FRAME_KINDS, type FrameKind } from './adversarial-pages';
import { BROWSER_NAMES } from './harness/config';
import { callFromPage, sendFromPage } from './harness/messaging';
import type { Box, BrowserUnderTest, TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { contentScriptPresent, watcherFrames } from './harness/extension';
import { useBrowser } from './harness/vitest';
import { centre, chipButton, CODE_INPUT, codeInputValue, ourRoots, seedAccount, sleep, statusesOf, unlockedPopup, waitForCodeInput } from './helpers';

/** src/background/outside-fill.ts: FILL_COMMAND and the menu item's title (that module needs a browser to import). */
const FILL_COMMAND = 'fill-next-code';
const FILL_ITEM = 'Fill next backup code';

/** The origin each frame's document really has (so the case is what it says it is). */
const FRAME_ORIGIN: Record<FrameKind, string> = {
  cross: 'https://evil.test',
  'same-origin': 'https://x.com',
  sandboxed: 'null',
  srcdoc: 'https://x.com',
  'about-blank': 'https://x.com',
};

/**
 * Whether Firefox offers our menu item on the frame's code field: where the frame's document
 * matches the item's documentUrlPatterns (X's https pages), the sandboxed x.com frame and the
 * about:blank frame x.com wrote into included (Firefox matches about:blank by its creator's URL);
 * not for evil.test or about:srcdoc. Where it is offered, the click must do nothing at all.
 */
const OFFERED_IN_FRAME: Record<FrameKind, boolean> = {
  cross: false,
  'same-origin': true,
  sandboxed: true,
  srcdoc: false,
  'about-blank': true,
};

const CODES = ['aaaa1111bbbb', 'cccc2222dddd', 'eeee3333ffff', 'gggg4444hhhh'];
const FIXTURE = '/i/flow/login?fixture=login-2fa-backup';

/** What Sparekey did in a frame, as the frame's own script sees it (adversarial-pages.ts). */
interface FrameReport {
  href: string;
  origin: string;
  hosts: string[];
  input: string | null;
  /** The code input's box in the frame's own viewport. */
  box: Box | null;
}

/** Subframes of the page's tab where our content script ran (it runs in top frames only). */
async function scriptedSubframes(browser: BrowserUnderTest, page: TestPage): Promise<string[]> {
  return (await watcherFrames(browser, page)).filter((f) => f.frameId !== 0 && f.present).map((f) => f.href);
}

/** Asks the frame #f for its report (postMessage works across origins and sandboxes). */
async function frameReport(page: TestPage): Promise<FrameReport> {
  const report = await page.waitFor<FrameReport | null, []>(
    () =>
      new Promise<FrameReport | null>((resolve) => {
        const frame = document.getElementById('f') as HTMLIFrameElement | null;
        if (!frame?.contentWindow) return resolve(null);
        const done = (value: FrameReport | null) => {
          removeEventListener('message', on);
          resolve(value);
        };
        const on = (e: MessageEvent) => {
          const report = (e.data as { sparekeyTest?: FrameReport } | null)?.sparekeyTest;
          if (report && e.source === frame.contentWindow) done(report);
        };
        addEventListener('message', on);
        frame.contentWindow.postMessage('sparekey-test:report', '*');
        setTimeout(() => done(null), 200);
      }),
    { message: 'the frame to report', interval: 100 },
  );
  return report!;
}

/** Our UI's footprint in the top document: closed roots of ours and host elements under <html>. */
async function topFootprint(page: TestPage) {
  return {
    roots: (await ourRoots(page)).map((r) => r.text),
    hosts: await page.evaluate(() =>
      Array.from(document.documentElement.children)
        .map((e) => e.localName)
        .filter((n) => n !== 'head' && n !== 'body'),
    ),
  };
}

/** The centre of the code input in the top document's viewport (the top page's own input). */
async function inputCentre(page: TestPage): Promise<{ x: number; y: number }> {
  return page.evaluate((sel: string) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, CODE_INPUT);
}

/** The centre of the frame #f's code input, in the top document's viewport. */
async function frameInputCentre(page: TestPage, report: FrameReport): Promise<{ x: number; y: number }> {
  const frame = await page.evaluate(() => {
    const f = document.getElementById('f')!;
    const r = f.getBoundingClientRect();
    return { x: r.x + f.clientLeft, y: r.y + f.clientTop };
  });
  const box = report.box!;
  return { x: frame.x + box.x + box.width / 2, y: frame.y + box.y + box.height / 2 };
}

describe.each(BROWSER_NAMES)('origins and frames in %s', (name) => {
  const replica = createReplica({ seed: `sparekey-frames-${name}` });
  const env = useBrowser(name, { handler: adversarialHandler(replica.handle) });
  /** Page loaded → chip shown, at https://x.com (the first test measures it). */
  let chipMs = 0;
  /** Command fired → code in X's field, at https://x.com (the second test measures it). */
  let commandMs = 0;
  let popup: TestPage;
  let accountId = '';
  /** Several times what presence took, before calling something absent. */
  const absenceMs = () => Math.max(1_000, 4 * chipMs, 4 * commandMs);
  const history = async () => (await callFromPage<{ events: VaultEvent[] }>(popup, 'history/list', { accountId })).events;
  /** Pages close after each test: each case opens the popup first, so its page is the active tab. */
  const open = async (url: string) => {
    popup = await unlockedPopup(env.browser);
    return env.browser.openPage(url);
  };

  /**
   * "Fill" in Sparekey's popup (fill/active-tab, through the same fillTab as the keyboard command
   * and the context menu, which the cases fire separately): refused, and every code's status as
   * it was.
   */
  async function expectPopupFillRefused(page: TestPage): Promise<string> {
    const before = await statusesOf(popup, accountId);
    const reply = (await sendFromPage(popup, 'fill/active-tab', { accountId })) as Result<{ seq: number }>;
    expect(reply.ok, JSON.stringify(reply)).toBe(false);
    expect(await statusesOf(popup, accountId)).toEqual(before);
    expect(before, 'a code was there to give').toContain('unused');
    return (reply as Extract<Result<unknown>, { ok: false }>).error.code;
  }

  it('offers and fills the snapshot of X\'s 2FA step at https://x.com (the positive control)', async () => {
    popup = await unlockedPopup(env.browser);
    accountId = await seedAccount(popup, '@sk_frames', CODES);
    const page = await env.browser.openPage(`https://x.com${FIXTURE}`);
    const started = Date.now();
    const box = await chipButton(page, `Use backup code (${CODES.length} left)`);
    chipMs = Date.now() - started;
    console.log(`[e2e] ${name}: page loaded → chip shown: ${chipMs} ms`);
    expect(await contentScriptPresent(env.browser, page)).toBe(true);
    const { x, y } = centre(box);
    await page.mouseClick(x, y);
    await waitForCodeInput(page, CODES[0]!, 'the first code in the input');
    expect((await statusesOf(popup, accountId))[0]).toBe('reserved');
  });

  it('fills the next code at https://x.com from the keyboard command too (and, in Firefox, from the context-menu item on X\'s field)', async () => {
    expect(chipMs, 'the chip control ran first').toBeGreaterThan(0);
    const page = await open(`https://x.com${FIXTURE}`);
    await chipButton(page, /^Use backup code/);
    const started = Date.now();
    await env.browser.runCommand(FILL_COMMAND);
    const value = await page.waitFor((sel: string) => (document.querySelector(sel) as HTMLInputElement).value || null, { message: 'a code filled by the command' }, CODE_INPUT);
    commandMs = Date.now() - started;
    console.log(`[e2e] ${name}: command → code in X's field: ${commandMs} ms`);
    expect(CODES).toContain(value);
    expect((await statusesOf(popup, accountId))[CODES.indexOf(value!)]).toBe('reserved');
    if (name !== 'firefox') return;
    await page.evaluate((sel: string) => {
      const input = document.querySelector(sel) as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, CODE_INPUT);
    const { x, y } = await inputCentre(page);
    expect(await env.browser.contextMenu(page, x, y, FILL_ITEM)).toContain(FILL_ITEM);
    // The same tab asking again gets its own reservation back.
    await waitForCodeInput(page, value!, 'the code filled by the menu item');
  });

  const lookalikes: [string, string][] = [
    ['https://x.com.evil.test', 'a lookalike host ending in evil.test'],
    ['https://twitter.com.evil.test', 'twitter.com as a subdomain of evil.test'],
    // Homographs: typed in Unicode, resolved as punycode (the case checks the URL the tab shows).
    ['https://х.com', 'x.com with a Cyrillic х (U+0445), xn--u1a.com'],
    ['https://twіtter.com', 'twitter.com with a Cyrillic і (U+0456), xn--twtter-qvf.com'],
    // An IDN label under x.com: a different origin (a subdomain), not a homograph of x.com.
    ['https://xn--j1a.x.com', 'an IDN subdomain of x.com (xn--j1a = Cyrillic й)'],
    ['http://x.com', 'plain http (not upgraded by these browsers here: the manifest matches https only)'],
    ['http://x.com.evil.test', 'a plain-http lookalike'],
  ];

  it.each(lookalikes)('%s (%s): no chip, the content script never runs, the popup, the command and the menu fill nothing', async (origin) => {
    expect(chipMs * commandMs, 'the positive controls ran first').toBeGreaterThan(0);
    const page = await open(`${origin}${FIXTURE}`);
    expect(await page.url()).toBe(new URL(`${origin}${FIXTURE}`).href);
    expect(await page.textContent('[role="dialog"] h1')).toBe('Enter your backup code');
    const before = { statuses: await statusesOf(popup, accountId), events: (await history()).length };
    await env.browser.runCommand(FILL_COMMAND);
    await sleep(absenceMs());
    expect(await topFootprint(page)).toEqual({ roots: [], hosts: [] });
    expect(await contentScriptPresent(env.browser, page)).toBe(false);
    if (name === 'firefox') {
      // The menu item is not even offered: its documentUrlPatterns are X's https pages.
      const { x, y } = await inputCentre(page);
      const offered = await env.browser.contextMenu(page, x, y);
      expect(offered, 'the editable field\'s own menu opened').toContain('Paste');
      expect(offered).not.toContain(FILL_ITEM);
    }
    expect({ statuses: await statusesOf(popup, accountId), events: (await history()).length }).toEqual(before);
    expect(await expectPopupFillRefused(page)).toBe('not-allowed');
    expect(await codeInputValue(page)).toBe('');
  });

  it('a CSP-sandboxed page at https://x.com (opaque origin): the script runs, offers nothing, fills nothing', async () => {
    const page = await open(`https://x.com${FIXTURE}&sandbox=1`);
    expect(await page.evaluate(() => String(window.origin))).toBe('null');
    expect(await page.textContent('[role="dialog"] h1')).toBe('Enter your backup code');
    const before = await statusesOf(popup, accountId);
    // The tab's URL is X's, so the command gets as far as asking the page, where no runtime runs
    // (its document is not X's): no answer, nothing reserved.
    await env.browser.runCommand(FILL_COMMAND);
    await sleep(absenceMs());
    expect(await statusesOf(popup, accountId)).toEqual(before);
    expect(await contentScriptPresent(env.browser, page)).toBe(true);
    expect(await topFootprint(page)).toEqual({ roots: [], hosts: [] });
    await expectPopupFillRefused(page);
    expect(await codeInputValue(page)).toBe('');
  });

  it.each(Object.keys(FRAME_KINDS) as FrameKind[])('frame "%s": no chip in the frame or the page, no script in the frame, the popup, the command and the menu fill nothing', async (kind) => {
    const page = await open(`https://x.com/i/flow/login?frames=${kind}`);
    const first = await frameReport(page);
    expect(first.input).toBe('');
    expect(first.origin).toBe(FRAME_ORIGIN[kind]);
    const before = { statuses: await statusesOf(popup, accountId), events: (await history()).length };
    const seen = new Set((await history()).map((e) => e.id));
    // The tab is X's login, so the command asks its top frame, which shows no 2FA step of its own
    // (the frame's is not X's page): nothing is reserved, nothing enters the log.
    await env.browser.runCommand(FILL_COMMAND);
    await sleep(absenceMs());
    expect((await history()).filter((e) => !seen.has(e.id))).toEqual([]);
    const report = await frameReport(page);
    expect({ hosts: report.hosts, input: report.input }).toEqual({ hosts: [], input: '' });
    expect(await scriptedSubframes(env.browser, page), 'our content script in a subframe').toEqual([]);
    // The probe does see into an x.com subframe (so "no script there" is not for want of looking).
    if (kind === 'same-origin') expect((await watcherFrames(env.browser, page)).filter((f) => f.frameId !== 0)).toHaveLength(1);
    // The top page is x.com's login path: the script runs there, and finds no 2FA step of its own.
    expect(await contentScriptPresent(env.browser, page)).toBe(true);
    expect(await topFootprint(page)).toEqual({ roots: [], hosts: [] });
    const afterCommand = { statuses: await statusesOf(popup, accountId), events: (await history()).length };
    expect(afterCommand.statuses).toEqual(before.statuses);
    if (name === 'firefox') {
      // A right-click on the frame's code field: the menu item is offered where the frame's URL
      // is X's, and clicking it there does nothing at all (a subframe: not even a reservation).
      const { x, y } = await frameInputCentre(page, report);
      const offered = await env.browser.contextMenu(page, x, y, FILL_ITEM);
      expect(offered, 'the editable field\'s own menu opened').toContain('Paste');
      expect(offered.includes(FILL_ITEM)).toBe(OFFERED_IN_FRAME[kind]);
      await sleep(absenceMs());
      expect({ statuses: await statusesOf(popup, accountId), events: (await history()).length }).toEqual(afterCommand);
    }
    expect(await expectPopupFillRefused(page)).toBe('not-found');
    expect((await frameReport(page)).input).toBe('');
  });

  it('X\'s real origin framed by https://evil.test: no chip and no script in the x.com frame, the popup and the command fill nothing', async () => {
    const page = await open('https://evil.test/i/flow/login?frames=same-origin');
    const first = await frameReport(page);
    expect(first.origin).toBe('https://x.com');
    await sleep(absenceMs());
    const report = await frameReport(page);
    expect({ hosts: report.hosts, input: report.input }).toEqual({ hosts: [], input: '' });
    expect(await scriptedSubframes(env.browser, page), 'our content script in a subframe').toEqual([]);
    expect(await topFootprint(page)).toEqual({ roots: [], hosts: [] });
    const before = { statuses: await statusesOf(popup, accountId), events: (await history()).length };
    await env.browser.runCommand(FILL_COMMAND);
    await sleep(absenceMs());
    expect({ statuses: await statusesOf(popup, accountId), events: (await history()).length }).toEqual(before);
    expect(await expectPopupFillRefused(page)).toBe('not-allowed');
    expect((await frameReport(page)).input).toBe('');
  });
});
