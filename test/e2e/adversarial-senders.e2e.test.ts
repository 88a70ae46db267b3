// Spoofed senders against the BUILT extension, in Chromium and Firefox (issue 7, item 3). The
// vault is unlocked and holds an X account whose codes the replica's referee issued, and a login
// tab waits at X's backup-code step, so anything that got through would have something to take.
//   - A web page at https://x.com (attacker script on the real origin) and one at another origin
//     send every spoofed vault and content message with runtime.sendMessage(<our id>, …), connect
//     a port to our id and post them on it, post them on window, and fetch the extension's files:
//     nothing answers, nothing loads. In Chromium the attacker extension's externally_connectable
//     (x.com and evil.test) is what gives these pages chrome.runtime at all, so the messages really
//     leave the page and Chromium turns them away (Sparekey lists no externally_connectable and has
//     no onMessageExternal); the same page reaching the attacker extension is the control. Firefox
//     has no externally_connectable for web pages: no page there gets a runtime API to try with.
//   - A second extension (test/e2e/fixtures/attacker-extension) sends our protocol's messages,
//     page and content ones, from its own page, its background and its content script in the
//     same x.com tab, and connects a port: each gets an error or nothing, never data.
//   - Afterwards the vault is exactly as it was: no reservation, no capture, no new log entry,
//     still unlocked; X saw no attempt and the code field is empty.
// Controls: our popup gets answers over the same channel, and the attacker reaches its own
// background, so the refusals above are Sparekey's, not a broken setup.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountDetail, AccountSummary } from '../../src/messages/protocol';
import type { VaultEvent } from '../../src/vault/types';
import { createReplica } from '../replica/handler.mjs';
import { BROWSER_NAMES, REPO_ROOT } from './harness/config';
import { callFromPage } from './harness/messaging';
import type { BrowserUnderTest, TestPage } from './harness/types';
import { useBrowser } from './harness/vitest';
import { codeInputValue, loginToCodeStep, PASSWORD, seedAccount, unlockedPopup, waitForOurText } from './helpers';

const ATTACKER = path.join(REPO_ROOT, 'test/e2e/fixtures/attacker-extension');
const PASSPHRASE = 'sparekey e2e: senders copper meadow 17';
const HANDLE = 'sk_victim';
/** Sparekey's gecko id (wxt.config.ts): what another Firefox extension addresses it by. */
const GECKO_ID = 'sparekey@sparekey.dev';

/** Our protocol's vault and content messages worth stealing or forging, as a page would send them. */
const SPOOFED = [
  { type: 'vault/status', body: {} },
  { type: 'accounts/list', body: {} },
  { type: 'history/list', body: {} },
  { type: 'captures/list', body: {} },
  { type: 'vault/lock', body: {} },
  { type: 'backup/export', body: { passphrase: 'guess', own: false } },
  { type: 'fill/active-tab', body: {} },
  { type: 'content/prompt-seen', body: { mode: 'backup' } },
  { type: 'content/request-fill', body: { trusted: true } },
  { type: 'content/codes-seen', body: { codes: ['aaaa1111bbbb'], handle: '@victim' } },
];
/** What Chromium says when a page addresses an extension that does not accept it. */
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

interface VaultPicture {
  status: unknown;
  accounts: AccountSummary[];
  events: VaultEvent[];
  captures: unknown[];
}

async function picture(popup: TestPage): Promise<VaultPicture> {
  return {
    status: await callFromPage(popup, 'vault/status'),
    accounts: await callFromPage<AccountSummary[]>(popup, 'accounts/list'),
    events: (await callFromPage<{ events: VaultEvent[] }>(popup, 'history/list')).events,
    captures: await callFromPage<unknown[]>(popup, 'captures/list'),
  };
}

/** A login tab at X's backup-code step, where Sparekey offers its chip. */
async function atCodeStep(browser: BrowserUnderTest, url = 'https://x.com/i/flow/login'): Promise<TestPage> {
  const page = await browser.openPage(url);
  await loginToCodeStep(page, HANDLE);
  // Our chip is up: the content script is live in this tab.
  await waitForOurText(page, 'Use backup code', 10_000);
  return page;
}

interface PageAttack {
  api: Record<string, string>;
  /** The same page pinging the attacker extension, which accepts it (Chromium): the control. */
  control: unknown;
  /** Each spoofed message sent to each of our ids: the reply or the error. */
  attempts: { id: string; type?: string; absent?: string; reply?: unknown; error?: string; timeout?: boolean }[];
  /** A port to each of our ids, every spoofed message posted on it: what arrived, how it ended. */
  ports: { id: string; absent?: string; received?: unknown[]; disconnected?: string | null; error?: string }[];
  echoes: unknown[];
  fetches: unknown[];
}

/** Runs in a web page's main world: every way a page could try to reach the extension. */
async function pageAttack(page: TestPage, ids: string[], origin: string, controlId: string | null): Promise<PageAttack> {
  return page.evaluate(
    async (targets: string[], messages: { type: string }[], extensionOrigin: string, control: string | null) => {
      type Port = {
        onMessage: { addListener(l: (m: unknown) => void): void };
        onDisconnect: { addListener(l: () => void): void };
        postMessage(m: unknown): void;
      };
      type Runtime = { sendMessage?: (...a: unknown[]) => Promise<unknown>; connect?: (...a: unknown[]) => Port; lastError?: { message?: string } };
      const g = globalThis as unknown as { chrome?: { runtime?: Runtime }; browser?: unknown };
      const runtime = g.chrome?.runtime;
      const api = {
        chrome: typeof g.chrome,
        'chrome.runtime': typeof runtime,
        'chrome.runtime.sendMessage': typeof runtime?.sendMessage,
        'chrome.runtime.connect': typeof runtime?.connect,
        browser: typeof g.browser,
      };
      const timeout = (ms: number) => new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), ms));
      const send = async (id: string, m: unknown) => {
        if (!runtime?.sendMessage) return { absent: 'chrome.runtime.sendMessage' };
        try {
          const reply = await Promise.race([runtime.sendMessage(id, m).then((r) => ({ reply: r ?? null })), timeout(3_000)]);
          return reply as { reply?: unknown; timeout?: boolean };
        } catch (e) {
          return { error: String((e as Error).message ?? e) };
        }
      };
      const controlReply = control ? await send(control, { cmd: 'ping' }) : null;
      const attempts: PageAttack['attempts'] = [];
      const ports: PageAttack['ports'] = [];
      for (const id of targets) {
        for (const m of messages) attempts.push({ id, type: m.type, ...(await send(id, m)) });
        if (!runtime?.connect) {
          ports.push({ id, absent: 'chrome.runtime.connect' });
          continue;
        }
        try {
          const port = runtime.connect(id);
          const received: unknown[] = [];
          let disconnected: string | null = null;
          port.onMessage.addListener((m) => received.push(m));
          port.onDisconnect.addListener(() => {
            disconnected = String(runtime.lastError?.message ?? 'disconnected');
          });
          for (const m of messages) port.postMessage(m);
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          ports.push({ id, received, disconnected });
        } catch (e) {
          ports.push({ id, error: String((e as Error).message ?? e) });
        }
      }
      // Our protocol's messages (and the background's own page/* ones) posted on the window, as if
      // a content script relayed window messages: nothing of ours listens there.
      const posted = [
        ...messages,
        { type: 'page/fill', body: { value: 'aaaa1111bbbb', reservationId: 'r', accountId: 'a', seq: 1, autoSubmit: true } },
        { type: 'page/refresh', body: {} },
        { source: 'sparekey', type: 'content/request-fill', body: { trusted: true } },
      ];
      const heard: unknown[] = [];
      addEventListener('message', (e) => heard.push(e.data));
      for (const m of posted) postMessage(m, '*');
      document.dispatchEvent(new CustomEvent('sparekey:fill', { detail: posted[0] }));
      dispatchEvent(new Event('wxt:locationchange'));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const mine = new Set(posted.map((m) => JSON.stringify(m)));
      const echoes = heard.filter((d) => !mine.has(JSON.stringify(d)));
      // The extension's own files: none is web-accessible.
      const fetches: unknown[] = [];
      for (const file of ['popup.html', 'manifest.json', 'background.js', 'content-scripts/sites.js']) {
        try {
          const r = await fetch(`${extensionOrigin}/${file}`);
          fetches.push({ file, status: r.status, text: (await r.text()).slice(0, 60) });
        } catch (e) {
          fetches.push({ file, error: String((e as Error).name) });
        }
      }
      return { api, control: controlReply, attempts, ports, echoes, fetches };
    },
    ids,
    SPOOFED,
    origin,
    controlId,
  );
}

interface AttackerResult {
  how: 'sendMessage' | 'connect';
  type?: string;
  result: { reply?: unknown; error?: string; timeout?: boolean; received?: unknown[]; how?: string };
}

/** What came back to the attacker must be an error or nothing: never a reply, never a port message. */
function leaks(results: AttackerResult[]): AttackerResult[] {
  return results.filter((r) =>
    r.how === 'connect' ? (r.result.received ?? []).some((m) => !(m as { postError?: string }).postError) : r.result.reply !== undefined && r.result.reply !== null,
  );
}

describe.each(BROWSER_NAMES)('spoofed senders against the built extension in %s', (name) => {
  const replica = createReplica({ seed: `sparekey-senders-${name}`, latencyMs: 20, stepDelayMs: 10 });
  const env = useBrowser(name, { handler: replica.handle, extraExtensions: [ATTACKER] });
  let before: VaultPicture;
  let codes: string[];
  /** Ids another party could address Sparekey by. */
  let ids: string[];

  beforeAll(async () => {
    replica.referee.createAccount({ handle: HANDLE, password: PASSWORD, mode: 'backup', codes: 2 });
    codes = replica.referee.state(HANDLE).codes.map((c) => c.code);
    const popup = await unlockedPopup(env.browser, PASSPHRASE);
    await seedAccount(popup, `@${HANDLE}`, codes);
    before = await picture(popup);
    ids = name === 'chromium' ? [env.browser.extensionId] : [GECKO_ID, env.browser.extensionId];
    await popup.close();
  }, 60_000);

  /** Nothing in what an attacker got may name the account or hold a code, in any spelling. */
  const expectNoData = (got: unknown) => {
    const text = JSON.stringify(got).toLowerCase();
    expect(text).not.toContain(HANDLE);
    for (const c of codes) {
      expect(text).not.toContain(c);
      expect(text.replace(/[\s"\\,]+/g, '')).not.toContain(c);
    }
    expect(text).not.toContain('"ok":true');
  };

  it('answers its own popup (the control: the channel works and the vault has something to take)', async () => {
    expect(before.status).toMatchObject({ state: 'unlocked', damaged: [] });
    expect(before.accounts).toMatchObject([{ label: `@${HANDLE}`, left: 2 }]);
    const popup = await env.browser.openPopup();
    const detail = await callFromPage<AccountDetail>(popup, 'accounts/get', { accountId: before.accounts[0]!.id, reveal: [] });
    expect(detail.codes).toHaveLength(2);
  });

  /** The attacker extension's id, which pages on x.com and evil.test may message in Chromium. */
  const attackerId = () => new URL(env.browser.extraExtensionOrigins[0]!).host;

  /**
   * Chromium: the page has chrome.runtime (the attacker's externally_connectable), reaches the
   * attacker (control), and every message and port to us fails with no receiver, no reply.
   * Firefox: no runtime API in the page at all (no externally_connectable for pages there).
   */
  function expectNoAnswer(got: PageAttack) {
    expect(got.attempts).toHaveLength(ids.length * SPOOFED.length);
    if (name === 'chromium') {
      expect(got.api['chrome.runtime.sendMessage']).toBe('function');
      expect(got.api['chrome.runtime.connect']).toBe('function');
      expect(got.control, 'control: the page reaches an extension that accepts it').toMatchObject({ reply: { pong: true, from: 'attacker background (external)' } });
      for (const a of got.attempts) expect(a, JSON.stringify(a)).toEqual({ id: a.id, type: a.type, error: NO_RECEIVER });
      for (const p of got.ports) expect(p, JSON.stringify(p)).toEqual({ id: p.id, received: [], disconnected: NO_RECEIVER });
    } else {
      expect(got.api).toEqual({ chrome: 'undefined', 'chrome.runtime': 'undefined', 'chrome.runtime.sendMessage': 'undefined', 'chrome.runtime.connect': 'undefined', browser: 'undefined' });
      for (const a of got.attempts) expect(a.absent).toBe('chrome.runtime.sendMessage');
      for (const p of got.ports) expect(p.absent).toBe('chrome.runtime.connect');
    }
    expect(got.echoes).toEqual([]);
    expect(got.fetches).toHaveLength(4);
    for (const f of got.fetches) expect(f, JSON.stringify(f)).toHaveProperty('error');
    expectNoData(got);
  }

  it('answers a page at https://x.com nothing: every spoofed message to our id fails, no port, no echo on window, no file', async () => {
    const page = await atCodeStep(env.browser);
    const got = await pageAttack(page, ids, env.browser.extensionOrigin, name === 'chromium' ? attackerId() : null);
    expectNoAnswer(got);
    console.log(`[e2e] ${name}: page at x.com → Sparekey: ${[...new Set(got.attempts.map((a) => a.error ?? a.absent ?? 'a reply'))].join(' | ')}`);
    // Nothing was filled and X saw nothing.
    expect(await codeInputValue(page)).toBe('');
    expect(replica.referee.state(HANDLE).attempts).toEqual([]);
  });

  it('answers a page at another origin (https://evil.test) nothing either', async () => {
    const page = await env.browser.openPage('https://evil.test/');
    expectNoAnswer(await pageAttack(page, ids, env.browser.extensionOrigin, name === 'chromium' ? attackerId() : null));
  });

  it('refuses a second extension’s page and background: an error or nothing for every message and port', async () => {
    const [attackerOrigin] = env.browser.extraExtensionOrigins;
    expect(attackerOrigin).toBeDefined();
    const page = await env.browser.openPage(`${attackerOrigin}/attacker.html`);
    await page.waitFor(() => typeof (globalThis as unknown as { attack?: unknown }).attack === 'function', { message: 'the attacker page' });
    // Control: the attacker's own messaging works.
    expect(await page.evaluate(() => (globalThis as unknown as { api: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).api.runtime.sendMessage({ cmd: 'ping' }))).toEqual({
      pong: true,
      from: 'attacker background',
    });
    for (const id of ids) {
      const fromPage = (await page.evaluate((target: string) => (globalThis as unknown as { attack(t: string): Promise<unknown> }).attack(target), id)) as AttackerResult[];
      const fromBackground = (await page.evaluate(
        (target: string) =>
          (globalThis as unknown as { api: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).api.runtime.sendMessage({ cmd: 'attack', target }),
        id,
      )) as AttackerResult[];
      for (const [where, results] of [['page', fromPage], ['background', fromBackground]] as const) {
        expect(results.length, `${where} → ${id}`).toBe(11);
        expect(leaks(results), `${where} → ${id}`).toEqual([]);
        // Each message was turned away by the browser: no listener of ours takes external messages.
        for (const r of results.filter((x) => x.how === 'sendMessage'))
          expect(r.result.error ?? (r.result.timeout ? 'timeout' : 'no error'), `${where} → ${id} ${r.type}`).toMatch(/receiving end does not exist|could not establish connection|invalid extension id|no such extension|timeout/i);
        expectNoData(results);
      }
      console.log(`[e2e] ${name}: attacker → ${id}: ${[...new Set(fromPage.map((r) => r.result.error ?? r.result.how ?? 'nothing'))].join(' | ')}`);
    }
  });

  it('refuses a second extension’s content script in the same x.com tab as ours', async () => {
    for (const id of ids) {
      const page = await atCodeStep(env.browser, `https://x.com/i/flow/login#target=${encodeURIComponent(id)}`);
      const got = (await page.waitFor(
        () => {
          const raw = document.documentElement.getAttribute('data-attacker');
          return raw ? (JSON.parse(raw) as { ownBackground: unknown; results: AttackerResult[] }) : null;
        },
        { timeout: 40_000, message: 'the attacker content script’s report' },
      ))!;
      expect(got.ownBackground, 'control: the attacker content script reaches its own background').toEqual({ reply: { pong: true, from: 'attacker background' } });
      expect(got.results).toHaveLength(11);
      expect(leaks(got.results)).toEqual([]);
      expectNoData(got);
      expect(await codeInputValue(page)).toBe('');
      await page.close();
    }
    expect(replica.referee.state(HANDLE).attempts).toEqual([]);
  });

  it('is exactly as it was after every attempt: unlocked, no reservation, no capture, no new log entry', async () => {
    const after = await picture(await env.browser.openPopup());
    expect(after).toEqual(before);
    expect(after.accounts[0]!.counts).toMatchObject({ unused: 2, reserved: 0, used: 0 });
  });
});
