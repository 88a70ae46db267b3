// Secrets hygiene, end to end, in Chromium and Firefox (issue 7, item 7). A full journey with
// known secrets — create the vault, change a setting, paste codes, capture two codes on X's backup-code screen, sign
// in through X's flow with the chip, lock, a wrong passphrase, unlock, change the passphrase,
// export a backup, reveal the codes — then every place a secret could end up in plaintext is
// searched for every code (any case, with or without spaces or other separators) and every
// passphrase (the two real ones and the wrong one):
//   - the built bundles (the builds the browsers loaded, and everything under .output);
//   - every console message the harness collected: web pages, extension pages and the background
//     (Chromium: over CDP, the service worker included; Firefox: every content process's console
//     output, which it prints to stdout, and the error console);
//   - IndexedDB of the extension, every row of every store, read raw from an extension page;
//   - storage.local and storage.sync.
// None may hold one. storage.session legitimately holds the vault key while unlocked (memory
// only, trusted contexts; see src/background/session.ts) and codes seen on X until the person
// saves or dismisses them (src/background/captures.ts): it is searched for the passphrases only.
// Each search is shown to work first: a planted canary is found in the same haystack.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccountDetail, AccountSummary } from '../../src/messages/protocol';
import { createReplica } from '../replica/handler.mjs';
import { BROWSER_NAMES, OUTPUT_DIR } from './harness/config';
import { callFromPage, sendFromPage } from './harness/messaging';
import type { TestPage } from './harness/types';
import { waitUntil } from './harness/util';
import { useBrowser } from './harness/vitest';
import { loginToCodeStep, PASSWORD, waitForCodeInput, waitForOurText } from './helpers';

const PASSPHRASE = 'Sparekey hygiene: amber walrus 93 lantern';
const NEW_PASSPHRASE = 'second secret: quartz heron 41 meadow';
const WRONG_PASSPHRASE = 'Sparekey hygiene: amber walrus 39 lantern';

// ---- searching ------------------------------------------------------------------------------------

/** Where `secret` occurs in `haystack`: codes in any case and spacing, passphrases as typed or lower-cased. */
function occurrences(haystack: string, secrets: { codes: string[]; passphrases: string[] }): string[] {
  const lower = haystack.toLowerCase();
  // Separators a code may be written with: spaces of every kind, hyphens, JSON's own escapes and quotes.
  const squeezed = lower.replace(/[\s\u00a0\u2000-\u200b\u2028\u2029\-_.,:;'"\\/|]+|\\[nrt]/g, '');
  const hits: string[] = [];
  for (const code of secrets.codes) if (lower.includes(code) || squeezed.includes(code)) hits.push(`code ${code.slice(0, 2)}…`);
  for (const p of secrets.passphrases) if (haystack.includes(p) || lower.includes(p.toLowerCase())) hits.push(`passphrase "${p.slice(0, 8)}…"`);
  return hits;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

// ---- the extension's storage, read raw from one of its pages ---------------------------------------

/** Every row of every object store of the extension's IndexedDB, as JSON. */
async function indexedDbDump(page: TestPage): Promise<{ json: string; counts: Record<string, number> }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sparekey');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    const counts = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length]));
    return { json: JSON.stringify(out), counts };
  });
}

async function storageDump(page: TestPage, area: 'local' | 'sync' | 'session'): Promise<string> {
  return page.evaluate(async (which: string) => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    const g = globalThis as unknown as { browser?: { storage: Record<string, Area> }; chrome?: { storage: Record<string, Area> } };
    return JSON.stringify(await (g.browser ?? g.chrome)!.storage[which]!.get(null));
  }, area);
}

async function setLocal(page: TestPage, items: Record<string, unknown> | null, remove?: string): Promise<void> {
  await page.evaluate(
    async (set: Record<string, unknown> | null, key: string | null) => {
      type Local = { set(o: object): Promise<void>; remove(k: string): Promise<void> };
      const g = globalThis as unknown as { browser?: { storage: { local: Local } }; chrome?: { storage: { local: Local } } };
      const local = (g.browser ?? g.chrome)!.storage.local;
      if (set) await local.set(set);
      if (key) await local.remove(key);
    },
    items,
    remove ?? null,
  );
}

describe.each(BROWSER_NAMES)('secrets hygiene after a full journey in %s', (name) => {
  const replica = createReplica({ seed: `sparekey-secrets-${name}`, latencyMs: 20, stepDelayMs: 10 });
  const referee = replica.referee;
  const env = useBrowser(name, { handler: replica.handle });
  const secrets = { codes: [] as string[], passphrases: [PASSPHRASE, NEW_PASSPHRASE, WRONG_PASSPHRASE] };
  const accountIds: string[] = [];
  const canaries = { page: `canary-page-${name}-7f3a`, popup: `canary-popup-${name}-91c2`, background: `canary-background-${name}-4d8e` };

  beforeAll(async () => {
    // ---- the journey -------------------------------------------------------------------------
    referee.createAccount({ handle: 'sk_paste', password: PASSWORD, mode: 'backup', codes: 3 });
    referee.createAccount({ handle: 'sk_secret', password: PASSWORD, mode: 'backup' });
    const pasted = referee.state('sk_paste').codes;

    let popup = await env.browser.openPopup();
    await callFromPage(popup, 'vault/create', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    // Settings are what storage.local holds (besides a wrong-passphrase counter for a while).
    await callFromPage(popup, 'settings/set', { autoLockMinutes: 30, clipboardClearSeconds: 20 });
    const pasteAccount = await callFromPage<AccountSummary>(popup, 'accounts/add', { site: 'x', label: '@sk_paste' });
    accountIds.push(pasteAccount.id);
    // As pasted from X's settings page: spaced, one in capitals.
    await callFromPage(popup, 'codes/add', {
      accountId: pasteAccount.id,
      values: pasted.map((c, i) => (i === 1 ? c.display.toUpperCase() : c.display)),
      source: 'paste',
    });

    // Capture two codes on X's backup-code screen.
    const settings = await env.browser.openPage(
      `https://x.com/__replica/session?handle=sk_secret&next=${encodeURIComponent('/settings/account/login_verification/backup_code')}`,
    );
    await waitForOurText(settings, 'Save this backup code for @sk_secret to Sparekey?');
    await settings.clickInClosedShadow('Save');
    await waitForOurText(settings, 'Saved to Sparekey for @sk_secret.');
    const first = referee.state('sk_secret').codes[0]!.code;
    await settings.clickByRole('button', 'Generate a new code');
    await settings.waitFor((code: string) => !document.body.innerText.replace(/\s+/g, '').includes(code), { message: 'a new code' }, first);
    await waitForOurText(settings, 'Save this backup code for @sk_secret to Sparekey?');
    await settings.clickInClosedShadow('Save');
    await waitForOurText(settings, 'Saved to Sparekey for @sk_secret.');
    const captured = referee.state('sk_secret').codes.map((c) => c.code);
    expect(captured).toHaveLength(2);
    const secretAccount = (await callFromPage<AccountSummary[]>(popup, 'accounts/list')).find((a) => a.label === '@sk_secret')!;
    accountIds.push(secretAccount.id);
    expect(secretAccount.total).toBe(2);

    // Sign in through X's flow, filling the first captured code with the chip.
    const login = await env.browser.openPage('https://x.com/i/flow/login');
    await loginToCodeStep(login, 'sk_secret');
    await login.clickInClosedShadow('Use backup code (2 left)');
    await waitForCodeInput(login, captured[0]!, 'the code filled');
    await login.clickByRole('button', 'Next');
    await login.waitFor(() => location.pathname === '/home', { message: '/home' });
    await waitUntil(async () => (await callFromPage<AccountDetail>(popup, 'accounts/get', { accountId: secretAccount.id })).codes[0]!.status === 'used', {
      message: 'the vault to record the used code',
    });
    expect(referee.state('sk_secret').uses.map((u) => u.code)).toEqual([captured[0]]);

    // Lock, a wrong passphrase, unlock, a new passphrase, a backup, the codes revealed.
    await callFromPage(popup, 'vault/lock');
    expect(await sendFromPage(popup, 'vault/unlock', { passphrase: WRONG_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    await callFromPage(popup, 'vault/unlock', { passphrase: PASSPHRASE });
    await callFromPage(popup, 'vault/change-passphrase', { current: PASSPHRASE, next: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE });
    const backup = await callFromPage<{ text: string }>(popup, 'backup/export', { passphrase: NEW_PASSPHRASE, own: false });
    expect(backup.text).toContain('sparekey-backup');
    for (const accountId of accountIds) {
      const listed = await callFromPage<AccountDetail>(popup, 'accounts/get', { accountId });
      const shown = await callFromPage<AccountDetail>(popup, 'accounts/get', { accountId, reveal: listed.codes.map((c) => c.id) });
      for (const c of shown.codes) expect(c.value).toBeTruthy();
    }
    secrets.codes = [...pasted.map((c) => c.code), ...captured];
    for (const c of secrets.codes) expect(c).toMatch(/^[a-z0-9]{12}$/);

    // ---- canaries, one per console the search reads ------------------------------------------
    await login.evaluate((text: string) => console.log(text), canaries.page);
    popup = await env.browser.openPopup();
    await popup.evaluate((text: string) => console.log(text), canaries.popup);
    // The background's own console: Chromium's service worker (over CDP), Firefox's event page.
    await env.browser.logInBackground(canaries.background);
  }, 180_000);

  it('finds a code in any case and spacing, and a passphrase, when one is there (the search works)', () => {
    const code = 'k3m9x2p7q8w1';
    const s = { codes: [code], passphrases: [PASSPHRASE] };
    expect(occurrences('nothing here', s)).toEqual([]);
    expect(occurrences('{"v":"K3M9 X2P7 Q8W1"}', s)).toHaveLength(1);
    expect(occurrences('k3m9-x2p7-q8w1', s)).toHaveLength(1);
    expect(occurrences('["k3m9","x2p7","q8w1"]', s)).toHaveLength(1);
    expect(occurrences(`typed: ${PASSPHRASE.toUpperCase()}`, s)).toHaveLength(1);
  });

  it('has no code or passphrase in the built bundles', () => {
    const builds = inject('sparekeyBuilds') as { chromium: string; firefox: string } | undefined;
    const files = [...(builds ? [...filesUnder(builds.chromium), ...filesUnder(builds.firefox)] : []), ...filesUnder(OUTPUT_DIR)];
    expect(files.length).toBeGreaterThan(10);
    let sawName = false;
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      sawName ||= text.includes('Sparekey');
      for (const hit of occurrences(text, secrets)) hits.push(`${path.relative(OUTPUT_DIR, file)}: ${hit}`);
    }
    expect(sawName).toBe(true);
    expect(hits).toEqual([]);
  });

  it('has no code or passphrase in any console message collected', async () => {
    const all = [...env.browser.console(), ...(await env.browser.extensionConsole())];
    const text = all.map((e) => `${e.type} ${e.url} ${e.text}`).join('\n');
    // The canaries show each console is read: the web page's, the popup's and the background's.
    expect(text).toContain(canaries.page);
    expect(text).toContain(canaries.popup);
    expect(text).toContain(canaries.background);
    // Chromium names where each message came from: the background's canary came from our worker.
    if (name === 'chromium')
      expect(all.find((e) => e.text === canaries.background)?.url).toBe(`${env.browser.extensionOrigin}/background.js`);
    console.log(`[e2e] ${name}: ${all.length} console messages searched (${(await env.browser.extensionConsole()).length} from the extension)`);
    expect(occurrences(text, secrets)).toEqual([]);
  });

  it('has no code or passphrase in any IndexedDB row, read raw', async () => {
    const popup = await env.browser.openPopup();
    const { json, counts } = await indexedDbDump(popup);
    // Real rows: both accounts and all five codes, whose ids are stored in plaintext as keys.
    expect(counts).toMatchObject({ accounts: 2, codes: 5 });
    expect(counts.events).toBeGreaterThan(5);
    for (const id of accountIds) expect(json).toContain(id);
    expect(occurrences(json, secrets)).toEqual([]);
  });

  it('has no code or passphrase in storage.local or storage.sync', async () => {
    const popup = await env.browser.openPopup();
    const canary = { sparekeyTestCanary: `code ${secrets.codes[0]!.toUpperCase().replace(/(.{4})/g, '$1 ')}` };
    await setLocal(popup, canary);
    expect(occurrences(await storageDump(popup, 'local'), secrets)).toHaveLength(1);
    await setLocal(popup, null, 'sparekeyTestCanary');
    const local = await storageDump(popup, 'local');
    const sync = await storageDump(popup, 'sync');
    expect(local).toContain('settings');
    expect(occurrences(local, secrets)).toEqual([]);
    expect(occurrences(sync, secrets)).toEqual([]);
  });

  it('keeps no passphrase in storage.session (which holds the vault key while unlocked, by design)', async () => {
    const popup = await env.browser.openPopup();
    const session = await storageDump(popup, 'session');
    expect(session).toContain('vaultKey');
    expect(occurrences(session, { codes: [], passphrases: secrets.passphrases })).toEqual([]);
  });
});
