// Timings taken INSIDE the background for `npm run bench` (test/bench/scale.ts): the vault at
// scale without message round trips in the figures. Only the bench build contains it: in
// `wxt build --mode bench` (done by test/bench/build.mjs) wxt.config.ts swaps this file in for
// src/background/build-hook.ts (./inject.ts); every other build keeps that file's no-op, and the
// bench checks that no production bundle contains BENCH_PORT (test/bench/sizes.ts). The mode
// guard below stays as a second lock.
//
// It answers on a runtime port named BENCH_PORT, from the extension's own pages only, so it never
// meets the router (runtime.onMessage) and adds no message type to the protocol.
import { browser, type Browser } from 'wxt/browser';
import { fromBase64, open, recordAssociatedData, utf8Decode } from '../../../src/crypto';
import { fromSealedJson } from '../../../src/crypto/envelope';
import { STORES, openVaultDb, type CodeRow } from '../../../src/store';
import { siteById } from '../../../src/sites/index';
import type { SiteInfo } from '../../../src/sites/types';
import type { Account } from '../../../src/vault/types';
import { markUsed, reserve } from '../../../src/vault/transitions';
import { accountsFor } from '../../../src/background/accounts';
import { createHandlers } from '../../../src/background/app';
import type { BackgroundDeps } from '../../../src/background/deps';
import { grantNext, offerFor, settleReservation } from '../../../src/background/fills';
import { OpenVault } from '../../../src/background/open-vault';
import { storedIn } from '../../../src/background/storage-item';
import { STORED } from '../../../src/background/stored';
import { installAutoFillMarks } from './auto-fill-marks';
import { closeKdfThread, compareKdfs, spawnKdfThread } from './kdf';
import type { KdfParams } from '../../../src/crypto';
import type { ContentCaller } from '../../../src/background/router';

export const BENCH_PORT = 'sparekey-bench';

export type BenchRequest =
  | { op: 'populate'; from: number; accounts: number; codesPerAccount: number }
  | { op: 'scale'; samples: Record<'open' | 'next' | 'offer' | 'rules' | 'reserveMarkUsed' | 'list', number> }
  | { op: 'open-phases'; samples: number }
  | { op: 'kdf-compare'; params: KdfParams }
  | { op: 'kdf-spawn' }
  | { op: 'kdf-close' }
  | { op: 'auto-fill-marks' };

export function installBenchHook(deps: BackgroundDeps): void {
  if (import.meta.env.MODE !== 'bench') return;
  // No badge updates or tab broadcasts while we measure: they would run inside the samples.
  const quiet: BackgroundDeps = { ...deps, changed: () => undefined };
  // Wraps the ports `deps` holds (the live handlers' own object) before any request comes.
  const autoFillMarks = installAutoFillMarks(deps);
  const { handlers } = createHandlers(quiet);
  const page = { kind: 'page' } as const;
  // X: the site whose login the chip serves (ordered policy, at most 5 active codes).
  const x = siteById('x');
  if (!x) throw new Error('bench hook: no site "x" in src/sites');
  const site: SiteInfo = x;

  /** Accounts @bench_<from>… with their codes, through the same handlers the popup's messages reach. */
  async function populate(from: number, accounts: number, codesPerAccount: number) {
    const started = performance.now();
    for (let a = from; a < from + accounts; a++) {
      const added = await handlers['accounts/add']({ site: site.id, label: `@bench_${a}` }, page);
      // 12 lowercase letters and digits, unique per account and code, as X shows them.
      const values = Array.from({ length: codesPerAccount }, (_, c) =>
        `${a.toString(36).padStart(4, '0')}${c.toString(36).padStart(4, '0')}${((a * 7919 + c * 104729) % 1679616).toString(36).padStart(4, '0')}`,
      );
      await handlers['codes/add']({ accountId: added.id, values, source: 'import' }, page);
    }
    return { ms: performance.now() - started };
  }

  /** `n` timings of `op`, in ms, each around one call. */
  async function time(n: number, op: (i: number) => unknown): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await op(i);
      out.push(performance.now() - t0);
    }
    return out;
  }

  /** The smallest non-zero step performance.now() takes here (coarsened outside isolation). */
  function timerResolution(): number {
    let min = Infinity;
    for (let i = 0; i < 50; i++) {
      const a = performance.now();
      let b = performance.now();
      while (b === a) b = performance.now();
      min = Math.min(min, b - a);
    }
    return min;
  }

  async function scale(samples: Extract<BenchRequest, { op: 'scale' }>['samples']) {
    const vault = await deps.session.unlocked();
    const accounts: Account[] = vault.allAccounts();
    const codes = accounts.reduce((n, a) => n + vault.codesOf(a.id).length, 0);
    const pick = (i: number) => accounts[(i * 7919) % accounts.length]!;
    const origin = site.origins[0]!;
    const caller: ContentCaller = { kind: 'content', origin, tabId: 1, site };
    const ctx = () => ({ now: Date.now(), newId: deps.newId });
    const withUnused = accounts.filter((a) => vault.next(a.id) !== undefined);

    const result = {
      accounts: accounts.length,
      codes,
      timerResolutionMs: timerResolution(),
      // Everything unlock does after the KDF: read and decrypt every record, index them.
      open: await time(samples.open, () => OpenVault.load(vault.store)),
      // The oldest unused code of one account (src/vault/policy.ts nextCode through OpenVault).
      next: await time(samples.next, (i) => vault.next(pick(i).id)),
      // What the chip's first question costs with every account on x.com: the account named by
      // the login's identifier, among all of them.
      offer: await time(samples.offer, (i) => offerFor(vault, site, origin, pick(i).label)),
      // The pure rules alone, no storage: reserve the next code, then mark it used.
      rules: await time(samples.rules, (i) => {
        const account = pick(i);
        const list = vault.codesOf(account.id);
        const next = vault.next(account.id);
        if (!next) return;
        const reserved = reserve(account, list, next.id, ctx(), { tabId: 1, origin });
        markUsed(account, reserved.codes, next.id, reserved.reservation.id, ctx(), origin);
      }),
      // The real fill path: reserve (one IndexedDB commit), then the accepted outcome (another).
      reserveMarkUsed: await time(samples.reserveMarkUsed, async (i) => {
        const account = withUnused[(i * 7919) % withUnused.length]!;
        const grant = await grantNext(quiet, vault, account, caller.tabId, origin);
        await settleReservation(quiet, vault, grant.reservationId, 'accepted', { tabId: caller.tabId, origin });
      }),
      // The popup's account list: every account's summary, sorted by label.
      list: await time(samples.list, () => handlers['accounts/list']({}, page)),
      accountsOnOrigin: accountsFor(vault, site, origin).length,
    };
    return result;
  }

  /**
   * Where opening the vault's records goes, phase by phase, over every code row: the IndexedDB
   * read, the base64 decoding of nonce and ciphertext (src/crypto/encoding.ts), the AEAD open, and
   * UTF-8 + JSON parsing. The same steps VaultStore.loadAll → openRecord takes, timed apart.
   */
  async function openPhases(samples: number) {
    const cached = await storedIn(STORED.vaultKey, deps.sessionStore).get();
    if (!cached) throw new Error('the vault is locked');
    const key = fromBase64(cached);
    const db = await openVaultDb();
    const runs: Record<'read' | 'base64' | 'aead' | 'parse', number>[] = [];
    try {
      for (let i = 0; i < samples; i++) {
        let t = performance.now();
        const rows: CodeRow[] = await db.transaction(STORES.codes).objectStore(STORES.codes).getAll();
        const read = performance.now() - t;
        t = performance.now();
        const parts = rows.map((row) => fromSealedJson(row.sealed)!);
        const base64 = performance.now() - t;
        t = performance.now();
        const plain = rows.map((row, j) => open(key, parts[j]!, recordAssociatedData(STORES.codes, row.id))!);
        const aead = performance.now() - t;
        t = performance.now();
        for (const bytes of plain) JSON.parse(utf8Decode(bytes));
        runs.push({ read, base64, aead, parse: performance.now() - t });
      }
    } finally {
      db.close();
    }
    return runs;
  }

  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    const own = port.sender?.id === browser.runtime.id && port.sender?.url?.startsWith(browser.runtime.getURL('/'));
    if (port.name !== BENCH_PORT || !own) return;
    port.onMessage.addListener((message: unknown) => {
      const request = message as BenchRequest;
      const run: Promise<unknown> =
        request.op === 'kdf-compare'
          ? compareKdfs(request.params, deps.session.derive, async () => {
              // Warm and wait for it: a derivation of nothing at FAST cost goes through the thread.
              deps.kdf?.warm();
              await deps.session.derive('warm', new Uint8Array(16), { alg: 'argon2id', m: 8, t: 1, p: 1, dkLen: 32 });
            })
          : request.op === 'kdf-spawn'
            ? spawnKdfThread()
            : request.op === 'kdf-close'
              ? (deps.kdf?.release(), closeKdfThread())
              : request.op === 'populate'
          ? populate(request.from, request.accounts, request.codesPerAccount)
          : request.op === 'open-phases'
            ? openPhases(request.samples)
            : request.op === 'auto-fill-marks'
              ? Promise.resolve(autoFillMarks.take())
              : scale(request.samples);
      run.then(
        (value) => port.postMessage({ ok: true, value }),
        (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
      );
    });
  });
}
