// Argon2id runs off the background's thread (src/background/kdf-host.ts: a Worker from Firefox's
// event page; the offscreen document's Worker for Chrome's service worker), so the background
// keeps answering while an unlock derives its key. On the background's own thread, every status
// sent during the derivation waits for it: the longest wait is then most of the unlock.
import { describe, expect, it } from 'vitest';
import { fromBase64, parseVaultHeader, rewrapVault, type VaultHeader } from '../../src/crypto';
import { BROWSER_NAMES } from './harness/config';
import type { TestPage } from './harness/types';
import { useBrowser } from './harness/vitest';

const PASS = 'mauve tractor quietly bends';
// The most passes KDF_LIMITS allow: about three times the default unlock, so the derivation is
// by far the longest part of it.
const SLOW_KDF = { alg: 'argon2id', m: 65536, t: 10, p: 1, dkLen: 32 } as const;

function ask(page: TestPage, type: string, body: unknown = {}) {
  return page.evaluate(
    (type: string, body: unknown) => {
      type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (g.browser ?? g.chrome)!.runtime.sendMessage({ type, body });
    },
    type,
    body,
  ) as Promise<{ ok: boolean; value?: any; error?: { code: string } }>;
}

/** The stored header and the vault key in storage.session (an extension page may read both). */
function headerAndKey(page: TestPage) {
  return page.evaluate(async () => {
    type Api = { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const { vaultKey } = await (g.browser ?? g.chrome)!.storage.session.get('vaultKey');
    const header = await new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open('sparekey');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('meta').objectStore('meta').get('header');
        get.onsuccess = () => {
          open.result.close();
          resolve(get.result);
        };
        get.onerror = () => reject(get.error);
      };
    });
    return { header, vaultKey: vaultKey as string };
  });
}

function putHeader(page: TestPage, header: VaultHeader) {
  return page.evaluate(
    (header: unknown) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sparekey');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put(header, 'header');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    header as unknown,
  );
}

/** Sends vault/unlock and, until its reply, one vault/status after another; times each. */
function unlockWhilePinging(page: TestPage, passphrase: string) {
  return page.evaluate(async (passphrase: string) => {
    type Api = { runtime: { sendMessage(m: unknown): Promise<any> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const send = (type: string, body: unknown = {}) => (g.browser ?? g.chrome)!.runtime.sendMessage({ type, body });
    const started = performance.now();
    let pending = true;
    const unlock = send('vault/unlock', { passphrase }).finally(() => (pending = false));
    const waits: number[] = [];
    const states: string[] = [];
    while (pending) {
      const sent = performance.now();
      const status = await send('vault/status');
      if (!pending) break;
      waits.push(performance.now() - sent);
      states.push(status?.value?.state);
    }
    const reply = await unlock;
    return { reply, unlockMs: performance.now() - started, waits, states };
  }, passphrase);
}

describe.each(BROWSER_NAMES)('the KDF thread in %s', (name) => {
  const env = useBrowser(name, { backgroundIdleTimeoutMs: 3_000 });

  // First, at the default parameters: Firefox unloads an event page idle for backgroundIdleTimeoutMs
  // (3 s here) even while it owes a reply, and t = 10 on a busy machine comes close to that.
  it('unlocks after the background restarts, with the thread it warmed or a new one', async () => {
    const popup = await env.browser.openPopup();
    expect((await ask(popup, 'vault/create', { passphrase: PASS, confirm: PASS })).value.state).toBe('unlocked');
    await ask(popup, 'vault/lock');
    await env.browser.stopBackground();
    // As a person would: a new popup wakes it (a page open across the restart may meet it unloading).
    const again = await env.browser.openPopup();
    expect((await ask(again, 'vault/status')).value.state).toBe('locked');
    expect((await ask(again, 'vault/unlock', { passphrase: PASS })).value.state).toBe('unlocked');
    await ask(again, 'vault/lock');
    expect(await ask(again, 'vault/unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
  });

  it('answers vault/status while an unlock derives its key', async () => {
    const popup = await env.browser.openPopup();
    // Runs alone too (-t): then it makes the vault itself.
    const first = (await ask(popup, 'vault/status')).value.state === 'no-vault' ? 'vault/create' : 'vault/unlock';
    const opened = await ask(popup, first, first === 'vault/create' ? { passphrase: PASS, confirm: PASS } : { passphrase: PASS });
    expect(opened, JSON.stringify(opened)).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    // The same vault key wrapped at the slow parameters (made here in Node, as a later Sparekey
    // with raised parameters would store it).
    const { header, vaultKey } = await headerAndKey(popup);
    await putHeader(popup, await rewrapVault(parseVaultHeader(header), fromBase64(vaultKey), PASS, SLOW_KDF));
    await ask(popup, 'vault/lock');

    const run = await unlockWhilePinging(popup, PASS);
    expect(run.reply).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    // Statuses were answered while the unlock ran, as 'locked' until it had opened the vault...
    expect(run.states[0]).toBe('locked');
    expect(run.states.filter((s) => s !== 'locked' && s !== 'unlocked')).toEqual([]);
    // ...and none of them waited for the derivation: on the background's thread one would have
    // waited for nearly all of it. (A ratio of the run's own figures, not a time budget.)
    expect(Math.max(...run.waits)).toBeLessThan(run.unlockMs / 3);
  });
});
