// 2. The vault at scale (1,000 accounts, 10,000 codes), timed INSIDE the background by the bench
// build's hook (test/bench/hook/background.ts), so no message round trip is in the figures.
import type { BrowserName } from '../e2e/harness/config';
import { launchBrowser } from '../e2e/harness/index';
import type { TestServer } from '../e2e/harness/server';
import type { TestPage } from '../e2e/harness/types';
import { BUDGETS, PASSPHRASE, buildDir, log, must, roundMs, stats, verdict } from './lib';

const PORT = 'sparekey-bench'; // BENCH_PORT in test/bench/hook/background.ts

export const SCALE = { accounts: 1_000, codesPerAccount: 10 } as const;

/** One request over the hook's port, from an extension page. */
export async function hook<T>(page: TestPage, request: unknown): Promise<T> {
  const reply = await page.evaluate(
    (name: string, request: unknown) =>
      new Promise<{ ok: boolean; value?: unknown; error?: string }>((resolve) => {
        type Port = {
          postMessage(m: unknown): void;
          disconnect(): void;
          onMessage: { addListener(f: (m: unknown) => void): void };
          onDisconnect: { addListener(f: () => void): void };
        };
        type Api = { runtime: { connect(o: { name: string }): Port } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const port = (g.browser ?? g.chrome)!.runtime.connect({ name });
        let answered = false;
        port.onMessage.addListener((m) => {
          answered = true;
          port.disconnect();
          resolve(m as { ok: boolean; value?: unknown; error?: string });
        });
        port.onDisconnect.addListener(() => {
          if (!answered) resolve({ ok: false, error: 'the background closed the bench port: is this the bench build (wxt build --mode bench)?' });
        });
        port.postMessage(request);
      }),
    PORT,
    request,
  );
  if (!reply.ok) throw new Error(reply.error ?? 'bench hook failed');
  return reply.value as T;
}

interface ScaleReply {
  accounts: number;
  codes: number;
  accountsOnOrigin: number;
  timerResolutionMs: number;
  open: number[];
  next: number[];
  offer: number[];
  rules: number[];
  reserveMarkUsed: number[];
  list: number[];
}

export async function scale(name: BrowserName, server: TestServer, samples: Record<keyof Omit<ScaleReply, 'accounts' | 'codes' | 'accountsOnOrigin' | 'timerResolutionMs'>, number>) {
  // A long idle timeout: the Firefox event page must live through minutes of measuring.
  const browser = await launchBrowser(name, { server, extensionDir: buildDir(name, 'bench'), backgroundIdleTimeoutMs: 600_000 });
  try {
    const page = await browser.openPopup();
    await must(page, 'vault/create', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const started = Date.now();
    const chunk = 100;
    for (let from = 0; from < SCALE.accounts; from += chunk) {
      await hook(page, { op: 'populate', from, accounts: chunk, codesPerAccount: SCALE.codesPerAccount });
      log(`${name} vault at scale: ${from + chunk} accounts stored`);
    }
    const populateMs = Date.now() - started;
    const r = await hook<ScaleReply>(page, { op: 'scale', samples });
    if (r.accounts !== SCALE.accounts || r.codes !== SCALE.accounts * SCALE.codesPerAccount)
      throw new Error(`the vault holds ${r.accounts} accounts and ${r.codes} codes, not ${SCALE.accounts} and ${SCALE.accounts * SCALE.codesPerAccount}`);
    const phases = await hook<Record<'read' | 'base64' | 'aead' | 'parse', number>[]>(page, { op: 'open-phases', samples: 3 });
    const phase = (k: 'read' | 'base64' | 'aead' | 'parse') => stats(phases.map((p) => p[k]), 1).p50;
    const next = stats(r.next, 4);
    return {
      accounts: r.accounts,
      codes: r.codes,
      populate_ms: populateMs,
      timer_resolution_ms: roundMs(r.timerResolutionMs * 1000) / 1000,
      open_decrypt_ms: stats(r.open, 1),
      open_phases_p50_ms: { code_rows: r.codes, indexeddb_read: phase('read'), base64_decode: phase('base64'), xchacha20poly1305_open: phase('aead'), utf8_json_parse: phase('parse') },
      next_code_ms: { ...next, budget_p95_ms: BUDGETS.next_code_p95_ms, verdict: verdict(next.p95, BUDGETS.next_code_p95_ms) },
      offer_for_login_ms: stats(r.offer, 4),
      reserve_mark_used_rules_ms: stats(r.rules, 4),
      reserve_mark_used_with_storage_ms: stats(r.reserveMarkUsed, 2),
      list_accounts_ms: stats(r.list, 2),
    };
  } finally {
    await browser.close();
  }
}
