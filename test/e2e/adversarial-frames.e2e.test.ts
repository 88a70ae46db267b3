// Issue 7, item 2: origins and frames, in Chromium and Firefox. X's 2FA step (a snapshot from
// test/fixtures/x, the same DOM the adapter is tested on) is served where Sparekey must offer
// nothing: lookalike hosts, plain http, a CSP-sandboxed x.com page (opaque origin), and frames of
// every kind. Each case checks that no chip appears (top document and frames), that the content
// script did not even run in frames (its mark on <html>), and that a fill asked for from the
// popup reserves nothing and fills nothing. The positive control is the same snapshot at
// https://x.com, where the chip appears and fills on a real click.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/messages/protocol';
import { createReplica } from '../replica/handler.mjs';
import {
  centre,
  chipButton,
  codeInputValue,
  ourRoots,
  seedAccount,
  send,
  sleep,
  statusesOf,
  unlockedPopup,
} from './adversarial-helpers';
import { adversarialHandler, FRAME_KINDS, type FrameKind } from './adversarial-pages';
import { BROWSER_NAMES } from './harness/config';
import type { TestPage } from './harness/types';
import { useBrowser } from './harness/vitest';

/** The origin each frame's document really has (so the case is what it says it is). */
const FRAME_ORIGIN: Record<FrameKind, string> = {
  cross: 'https://evil.test',
  'same-origin': 'https://x.com',
  sandboxed: 'null',
  srcdoc: 'https://x.com',
  'about-blank': 'https://x.com',
};

const CODES = ['aaaa1111bbbb', 'cccc2222dddd', 'eeee3333ffff', 'gggg4444hhhh'];
const FIXTURE = '/i/flow/login?fixture=login-2fa-backup';

/** What Sparekey did in a frame, as the frame's own script sees it (adversarial-pages.ts). */
interface FrameReport {
  href: string;
  origin: string;
  mark: string | null;
  hosts: string[];
  input: string | null;
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

describe.each(BROWSER_NAMES)('origins and frames in %s', (name) => {
  const replica = createReplica({ seed: `sparekey-frames-${name}` });
  const env = useBrowser(name, { handler: adversarialHandler(replica.handle) });
  /** Page loaded → chip shown, at https://x.com (the first test measures it). */
  let chipMs = 0;
  let popup: TestPage;
  let accountId = '';
  /** Several times what presence took, before calling something absent. */
  const absenceMs = () => Math.max(1_000, 4 * chipMs);
  /** Pages close after each test: each case opens the popup first, so its page is the active tab. */
  const open = async (url: string) => {
    popup = await unlockedPopup(env.browser);
    return env.browser.openPage(url);
  };

  /**
   * A fill asked for from outside the page ("Fill" in Sparekey's popup; the keyboard command and
   * the context menu take the same path): refused, and every code's status as it was.
   */
  async function expectPopupFillRefused(page: TestPage): Promise<string> {
    const before = await statusesOf(popup, accountId);
    const reply = await send<{ seq: number }>(popup, 'fill/active-tab', { accountId });
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
    expect(await page.evaluate(() => document.documentElement.dataset.sparekey)).toBe('present');
    const { x, y } = centre(box);
    await page.mouseClick(x, y);
    await page.waitFor((v: string) => (document.querySelector('[data-testid="ocfEnterTextTextInput"]') as HTMLInputElement).value === v, { message: 'the first code in the input' }, CODES[0]!);
    expect((await statusesOf(popup, accountId))[0]).toBe('reserved');
  });

  const lookalikes: [string, string][] = [
    ['https://x.com.evil.test', 'a lookalike host ending in evil.test'],
    ['https://twitter.com.evil.test', 'twitter.com as a subdomain of evil.test'],
    // The harness maps no punycode lookalike of x.com itself (x.com with a Cyrillic "х" would be
    // xn--u1a.com); this IDN host under x.com is one it maps: a different origin that reads like x.com.
    ['https://xn--j1a.x.com', 'an IDN (punycode) host that displays like x.com'],
    ['http://x.com', 'plain http (not upgraded by these browsers here: the manifest matches https only)'],
    ['http://x.com.evil.test', 'a plain-http lookalike'],
  ];

  it.each(lookalikes)('%s (%s): no chip, the content script never runs, a popup fill is refused', async (origin) => {
    expect(chipMs, 'the positive control ran first').toBeGreaterThan(0);
    const page = await open(`${origin}${FIXTURE}`);
    expect(await page.url()).toBe(`${origin}${FIXTURE}`);
    expect(await page.textContent('[role="dialog"] h1')).toBe('Enter your backup code');
    await sleep(absenceMs());
    expect(await topFootprint(page)).toEqual({ roots: [], hosts: [] });
    expect(await page.evaluate(() => document.documentElement.dataset.sparekey ?? null)).toBeNull();
    expect(await expectPopupFillRefused(page)).toBe('not-allowed');
    expect(await codeInputValue(page)).toBe('');
  });

  it('a CSP-sandboxed page at https://x.com (opaque origin): the script runs, offers nothing, fills nothing', async () => {
    const page = await open(`https://x.com${FIXTURE}&sandbox=1`);
    expect(await page.evaluate(() => String(window.origin))).toBe('null');
    expect(await page.textContent('[role="dialog"] h1')).toBe('Enter your backup code');
    await sleep(absenceMs());
    expect(await page.evaluate(() => document.documentElement.dataset.sparekey ?? null)).toBe('present');
    expect(await topFootprint(page)).toEqual({ roots: [], hosts: [] });
    await expectPopupFillRefused(page);
    expect(await codeInputValue(page)).toBe('');
  });

  it.each(Object.keys(FRAME_KINDS) as FrameKind[])('frame "%s": no chip in the frame or the page, no script in the frame, a popup fill is refused', async (kind) => {
    const page = await open(`https://x.com/i/flow/login?frames=${kind}`);
    const first = await frameReport(page);
    expect(first.input).toBe('');
    expect(first.origin).toBe(FRAME_ORIGIN[kind]);
    await sleep(absenceMs());
    const report = await frameReport(page);
    expect({ mark: report.mark, hosts: report.hosts, input: report.input }).toEqual({ mark: null, hosts: [], input: '' });
    // The top page is x.com's login path: the script runs there, and finds no 2FA step of its own.
    expect(await page.evaluate(() => document.documentElement.dataset.sparekey ?? null)).toBe('present');
    expect(await topFootprint(page)).toEqual({ roots: [], hosts: [] });
    expect(await expectPopupFillRefused(page)).toBe('not-found');
    expect((await frameReport(page)).input).toBe('');
  });

  it('X\'s real origin framed by https://evil.test: no chip and no script in the x.com frame, a popup fill is refused', async () => {
    const page = await open('https://evil.test/i/flow/login?frames=same-origin');
    const first = await frameReport(page);
    expect(first.origin).toBe('https://x.com');
    await sleep(absenceMs());
    const report = await frameReport(page);
    expect({ mark: report.mark, hosts: report.hosts, input: report.input }).toEqual({ mark: null, hosts: [], input: '' });
    expect(await topFootprint(page)).toEqual({ roots: [], hosts: [] });
    expect(await expectPopupFillRefused(page)).toBe('not-allowed');
  });
});
