// The session in real browsers: unlock, kill the background (Chromium's service worker, Firefox's
// event page), and find the popup still unlocked with the vault intact; auto-lock clears it all.
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES } from './harness/config';
import { useBrowser } from './harness/vitest';
import type { TestPage } from './harness/types';

const PASS = 'mauve tractor quietly bends';

/** Sends one protocol message from an extension page and returns the reply. */
function ask(page: TestPage, type: string, body: unknown = {}) {
  return page.evaluate(
    (type: string, body: unknown) => {
      type Api = {
        runtime: { sendMessage(m: unknown): Promise<unknown> };
      };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (g.browser ?? g.chrome)!.runtime.sendMessage({ type, body });
    },
    type,
    body,
  ) as Promise<{ ok: boolean; value?: any; error?: { code: string } }>;
}

/** Reads storage.session from an extension page (a trusted context may). */
function sessionKeys(page: TestPage) {
  return page.evaluate(async () => {
    type Api = { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    return Object.keys(await (g.browser ?? g.chrome)!.storage.session.get(null));
  });
}

describe.each(BROWSER_NAMES)('session in %s', (name) => {
  const env = useBrowser(name, { backgroundIdleTimeoutMs: 3_000 });

  it('stays unlocked with the vault intact after the background is killed', async () => {
    const popup = await env.browser.openPopup();
    expect((await ask(popup, 'vault/create', { passphrase: PASS, confirm: PASS })).value.state).toBe('unlocked');
    const account = await ask(popup, 'accounts/add', { site: 'x', label: '@alice' });
    await ask(popup, 'codes/add', { accountId: account.value.id, values: ['abcd efgh 2345', 'wxyz 9876 mnop'], source: 'paste' });
    await ask(popup, 'vault/lock', {});
    expect((await ask(popup, 'vault/unlock', { passphrase: PASS })).value.state).toBe('unlocked');
    await popup.close();

    await env.browser.stopBackground();
    expect(await env.browser.backgroundRunning()).toBe(false);

    const again = await env.browser.openPopup();
    expect((await ask(again, 'vault/status')).value.state).toBe('unlocked');
    const list = await ask(again, 'accounts/list');
    expect(list.value).toMatchObject([{ label: '@alice', left: 2, total: 2 }]);
    expect(await env.browser.backgroundRunning()).toBe(true);
  });

  it('refuses a wrong passphrase with a clear error and keeps the vault', async () => {
    const popup = await env.browser.openPopup();
    await ask(popup, 'vault/lock', {});
    const wrong = await ask(popup, 'vault/unlock', { passphrase: 'not it at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    await ask(popup, 'vault/unlock', { passphrase: PASS });
    expect((await ask(popup, 'accounts/list')).value).toHaveLength(1);
  });

  it('auto-locks when the idle alarm fires, leaving no key in storage.session', async () => {
    const popup = await env.browser.openPopup();
    expect((await ask(popup, 'vault/status')).value.state).toBe('unlocked');
    expect(await sessionKeys(popup)).toContain('vaultKey');
    // Bring the idle alarm forward instead of waiting the configured minutes.
    await popup.evaluate(async () => {
      type Api = { alarms: { create(n: string, i: { when: number }): Promise<void> | void } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      await (g.browser ?? g.chrome)!.alarms.create('sparekey-autolock', { when: Date.now() + 300 });
    });
    await popup.waitFor(
      async () => {
        type Api = { runtime: { sendMessage(m: unknown): Promise<{ value?: { state: string } }> } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const r = await (g.browser ?? g.chrome)!.runtime.sendMessage({ type: 'vault/status', body: {} });
        return r.value?.state === 'locked';
      },
      { timeout: 15_000, message: 'the vault to auto-lock' },
    );
    expect(await sessionKeys(popup)).not.toContain('vaultKey');
    // And a killed background does not come back unlocked.
    await popup.close();
    await env.browser.stopBackground();
    const after = await env.browser.openPopup();
    expect((await ask(after, 'vault/status')).value.state).toBe('locked');
  });
});
