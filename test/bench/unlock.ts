// 1. unlock_ms: the first unlock after the background starts, with the KDF parameters the build
// ships. Each sample: lock, kill the background (Chromium: CDP stopWorker; Firefox:
// terminateBackground), wake it with vault/status, then time vault/unlock from the popup page
// (a message round trip: Argon2id with a cold WebAssembly module, unwrapping the vault key,
// decrypting every record). A second figure times a vault/unlock that itself wakes the background.
import { argon2id } from 'hash-wasm';
import type { BrowserName } from '../e2e/harness/config';
import { launchBrowser } from '../e2e/harness/index';
import type { TestServer } from '../e2e/harness/server';
import type { TestPage } from '../e2e/harness/types';
import { BUDGETS, PASSPHRASE, buildDir, codesFor, log, must, stats, timedAsk, verdict, type Reply } from './lib';

/** The KDF parameters in the stored vault header (IndexedDB "sparekey", store "meta"). */
function storedKdf(page: TestPage) {
  return page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('sparekey');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('meta').objectStore('meta').get('header');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { kdf?: unknown } | undefined)?.kdf);
          };
        };
      }),
  );
}

/**
 * The same Argon2id (hash-wasm, same parameters) in this Node process, timed right after each
 * browser sample: on a machine shared with other work it shows how much of an unlock is the
 * machine's load rather than our code.
 */
async function nodeArgon2(kdf: { m: number; t: number; p: number; dkLen: number }): Promise<number> {
  const t0 = performance.now();
  await argon2id({
    password: PASSPHRASE,
    salt: new Uint8Array(16).fill(7),
    parallelism: kdf.p,
    iterations: kdf.t,
    memorySize: kdf.m,
    hashLength: kdf.dkLen,
    outputType: 'binary',
  });
  return performance.now() - t0;
}

function unlocked(reply: Reply, what: string): void {
  if (!reply.ok || reply.value?.state !== 'unlocked')
    throw new Error(`${what} did not unlock: ${JSON.stringify(reply.error ?? reply.value?.state)}`);
}

export async function unlock(name: BrowserName, server: TestServer, samples: number) {
  const browser = await launchBrowser(name, { server, extensionDir: buildDir(name, 'production') });
  try {
    const page = await browser.openPopup();
    await must(page, 'vault/create', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const account = await must(page, 'accounts/add', { site: 'x', label: '@unlock_bench' });
    await must(page, 'codes/add', { accountId: account.id, values: codesFor(0, 10), source: 'paste' });
    const kdf = (await storedKdf(page)) as { m: number; t: number; p: number; dkLen: number };
    const wake: number[] = [];
    const first: number[] = [];
    const withWake: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < samples; i++) {
      await must(page, 'vault/lock');
      await browser.stopBackground();
      const woke = await timedAsk(page, 'vault/status');
      if (woke.reply.value?.state !== 'locked') throw new Error(`after a restart the vault is ${JSON.stringify(woke.reply.value?.state)}, not locked`);
      const u = await timedAsk(page, 'vault/unlock', { passphrase: PASSPHRASE });
      unlocked(u.reply, 'vault/unlock');
      wake.push(woke.ms);
      first.push(u.ms);

      await must(page, 'vault/lock');
      await browser.stopBackground();
      const cold = await timedAsk(page, 'vault/unlock', { passphrase: PASSPHRASE });
      unlocked(cold.reply, 'vault/unlock waking the background');
      withWake.push(cold.ms);
      reference.push(await nodeArgon2(kdf));
      log(`${name} unlock ${i + 1}/${samples}: ${first.at(-1)!.toFixed(0)} ms (wake ${woke.ms.toFixed(0)} ms; unlock waking it ${cold.ms.toFixed(0)} ms; Node Argon2id ${reference.at(-1)!.toFixed(0)} ms)`);
    }
    const s = stats(first, 1);
    return {
      kdf_in_header: kdf,
      vault: { accounts: 1, codes: 10 },
      median: s.p50,
      min: s.min,
      max: s.max,
      n: s.n,
      budget_ms: BUDGETS.unlock_ms,
      verdict: verdict(s.p50, BUDGETS.unlock_ms),
      samples: first.map((x) => Number(x.toFixed(1))),
      background_wake_ms: stats(wake, 1),
      unlock_that_wakes_background_ms: stats(withWake, 1),
      reference_node_argon2id_ms: stats(reference, 1),
      // About 1 when the unlock is the KDF and the machine's load; well above 1 would be our code.
      unlock_over_reference_p50: Number((s.p50 / stats(reference, 1).p50).toFixed(2)),
    };
  } finally {
    await browser.close();
  }
}
