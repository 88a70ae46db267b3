// Sync in real browsers (issue 16, item 5): another device's items written into storage.sync as
// the browser's sync would deliver them (from an extension page, chrome.storage.sync.set), made by
// the same encoder (src/sync) from a second device's copy of the vault, while the vault is unlocked
// and while it is locked; then the popup, the chip's next code on the X replica and the history. A
// tampered item is skipped with a notice and the rest syncs.
import { describe, expect, it } from 'vitest';
import { fromBase64, parseVaultHeader } from '../../src/crypto';
import type { AccountSummary, SyncStatus } from '../../src/messages/protocol';
import { decodeSync, parsePartKey, planSyncWrite } from '../../src/sync';
import type { SyncVault } from '../../src/vault/sync-merge';
import type { Account, Code } from '../../src/vault/types';
import { createReplica } from '../replica/handler.mjs';
import { BROWSER_NAMES } from './harness/config';
import { callFromPage } from './harness/messaging';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { checkScreen, openPopupPage } from './popup-screens';
import {
  PASSPHRASE,
  PASSWORD,
  loginToCodeStep,
  seedAccount,
  statusesOf,
  unlockedPopup,
  waitForCodeInput,
  waitForOurText,
} from './helpers';

type Area = 'sync' | 'session';

/** Everything in a storage area, read from an extension page (a trusted context). */
function readArea(page: TestPage, area: Area): Promise<Record<string, unknown>> {
  return page.evaluate(async (area: Area) => {
    type Api = { storage: Record<Area, { get(k: null): Promise<Record<string, unknown>> }> };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (g.browser ?? g.chrome)!.storage[area].get(null);
  }, area);
}

/** What the browser's sync does when another device wrote: the items land in storage.sync. */
function deliver(page: TestPage, set: Record<string, unknown>, remove: string[]): Promise<void> {
  return page.evaluate(
    async (set: Record<string, unknown>, remove: string[]) => {
      type Api = { storage: { sync: { set(i: unknown): Promise<void>; remove(k: string[]): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const sync = (g.browser ?? g.chrome)!.storage.sync;
      await sync.set(set);
      if (remove.length > 0) await sync.remove(remove);
    },
    set,
    remove,
  );
}

/** The other device: it holds the same vault key and edits its copy of what sync holds. */
async function otherDevice(page: TestPage, vaultKey: Uint8Array, edit: (vault: SyncVault) => void, tamper?: (items: Record<string, unknown>) => void) {
  const remote = await readArea(page, 'sync');
  const decoded = await decodeSync(vaultKey, remote);
  const vault = structuredClone(decoded.vault);
  edit(vault);
  const plan = await planSyncWrite(vaultKey, parseVaultHeader(remote.h), vault, remote, decoded);
  if (!plan.ok) throw new Error(`test setup: the other device's vault did not fit (${plan.bytes} bytes)`);
  tamper?.(plan.set);
  await deliver(page, plan.set, plan.remove);
}

let n = 0;
/** An account and its codes as the other device would have made them. */
function addAccount(vault: SyncVault, label: string, values: string[]): void {
  const now = Date.now();
  const id = `e2e-other-${label.slice(1)}-${++n}`;
  const account: Account = { id, site: 'x', label, origins: ['https://x.com'], policy: { kind: 'ordered', maxActive: 5 }, createdAt: now, updatedAt: now };
  vault.accounts.push(account);
  values.forEach((value, i) => {
    const code: Code = { id: `${id}-c${i + 1}`, accountId: id, value, seq: i + 1, batch: `${id}-b`, source: 'paste', capturedAt: now, status: 'unused', history: [{ at: now, status: 'unused', reason: 'captured' }] };
    vault.codes.push(code);
  });
}

const labels = async (popup: TestPage) => (await callFromPage<AccountSummary[]>(popup, 'accounts/list')).map((a) => a.label);

describe.each(BROWSER_NAMES)('sync in %s', (name) => {
  const replica = createReplica({ seed: `sparekey-sync-${name}`, latencyMs: 20, stepDelayMs: 10 });
  const referee = replica.referee;
  const env = useBrowser(name, { handler: replica.handle, backgroundIdleTimeoutMs: 3_000 });
  const handle = 'sk_sync';
  let accountId = '';
  let vaultKey: Uint8Array = new Uint8Array();

  it('merges a code the other device used while unlocked: the popup, the history and the chip all move on', async () => {
    referee.createAccount({ handle, password: PASSWORD, mode: 'backup', codes: 3 });
    const issued = referee.state(handle).codes.map((c) => c.code);
    const popup = await unlockedPopup(env.browser);
    accountId = await seedAccount(popup, `@${handle}`, issued);
    expect(await callFromPage<SyncStatus>(popup, 'sync/set', { on: true })).toMatchObject({ enabled: true, skipped: 0 });
    const synced = await readArea(popup, 'sync');
    expect(Object.keys(synced)).toContain('h');
    // Nothing readable travels: no label, no code.
    for (const secret of [handle, ...issued]) expect(JSON.stringify(synced)).not.toContain(secret);
    vaultKey = fromBase64((await readArea(popup, 'session')).vaultKey as string);

    const usedAt = Date.now();
    await otherDevice(popup, vaultKey, (vault) => {
      const first = vault.codes.find((c) => c.accountId === accountId && c.seq === 1)!;
      first.status = 'used';
      first.history.push({ at: usedAt, status: 'reserved', reason: 'reserved', origin: 'https://x.com' }, { at: usedAt + 1, status: 'used', reason: 'accepted', origin: 'https://x.com' });
      vault.events.push({ id: `e2e-used-${usedAt}`, at: usedAt + 1, kind: 'code-status-changed', accountId, codeId: first.id, detail: { seq: 1, from: 'reserved', to: 'used', reason: 'accepted', origin: 'https://x.com' } });
      addAccount(vault, '@bob_sync', ['bbbb1111cccc']);
    });

    await waitUntil(async () => (await statusesOf(popup, accountId))[0] === 'used', { message: 'code 1 used on the other device to arrive' });
    expect(await statusesOf(popup, accountId)).toEqual(['used', 'unused', 'unused']);
    expect(await labels(popup)).toContain('@bob_sync');
    const history = await callFromPage<{ events: { id: string }[] }>(popup, 'history/list', { accountId });
    expect(history.events.map((e) => e.id)).toContain(`e2e-used-${usedAt}`);

    const fresh = await env.browser.openPopup();
    await fresh.waitForText('@bob_sync');

    // On X, the chip offers the second code now, and X accepts it.
    const page = await env.browser.openPage('https://x.com/i/flow/login');
    await loginToCodeStep(page, handle);
    await waitForOurText(page, 'Use backup code (2 left)');
    await page.clickInClosedShadow('Use backup code (2 left)');
    await waitForCodeInput(page, issued[1]!, 'the second code in the input');
    await page.clickByRole('button', 'Next');
    await page.waitFor(() => location.pathname === '/home', { message: '/home' });
    expect(referee.state(handle).uses.map((u) => u.code)).toEqual([issued[1]]);
  });

  it('merges what another device synced while the vault was locked at the next unlock', async () => {
    const popup = await env.browser.openPopup();
    await callFromPage(popup, 'vault/lock');
    await otherDevice(popup, vaultKey, (vault) => addAccount(vault, '@carol_sync', ['dddd2222eeee']));
    expect((await callFromPage<{ state: string }>(popup, 'vault/status')).state).toBe('locked');
    await callFromPage(popup, 'vault/unlock', { passphrase: PASSPHRASE });
    await waitUntil(async () => (await labels(popup)).includes('@carol_sync'), { message: '@carol_sync to arrive at unlock' });
    expect(await statusesOf(popup, accountId)).toEqual(['used', 'used', 'unused']);
  });

  it('skips a tampered item with a notice in Settings, and syncs the rest', async () => {
    const popup = await unlockedPopup(env.browser);
    await otherDevice(
      popup,
      vaultKey,
      (vault) => {
        addAccount(vault, '@dave_sync', ['ffff3333gggg']);
        addAccount(vault, '@erin_sync', ['hhhh4444iiii']);
      },
      (items) => {
        // Flip one character of the first new part's ciphertext, as an attacker on the way would.
        const key = Object.keys(items).find((k) => parsePartKey(k))!;
        const item = items[key] as { c: string };
        const i = 20;
        items[key] = { ...item, c: item.c.slice(0, i) + (item.c[i] === 'A' ? 'B' : 'A') + item.c.slice(i + 1) };
      },
    );
    await waitUntil(async () => (await callFromPage<SyncStatus>(popup, 'sync/status')).skipped > 0, { message: 'the tampered item to be skipped' });
    const names = await labels(popup);
    expect(names.filter((l) => l === '@dave_sync' || l === '@erin_sync')).toHaveLength(1);
    expect(names).toEqual(expect.arrayContaining([`@${handle}`, '@bob_sync', '@carol_sync']));

    const settings = await openPopupPage(env.browser);
    await settings.clickByRole('button', 'Settings');
    await settings.waitForText(/failed its integrity check/);
    expect(await settings.hasRole('checkbox', `Sync this vault through ${name === 'firefox' ? 'Firefox' : 'Chrome'} sync`)).toBe(true);
    await settings.waitForText(/In sync: \d+ kB of the 96 kB Sparekey may use/);
    // The sync section with its notice: within the popup's width, and axe-clean light and dark.
    await checkScreen(settings, 'settings-sync');
  });
});
