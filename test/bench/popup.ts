// 6. Popup: open → interactive, vault unlocked, 100 accounts. The popup page is loaded into a
// popup-sized iframe of another extension page, so the measuring script is in place before the
// popup's document exists: t0 is when the frame is given popup.html; "list" is when the accounts
// list has all its rows (a MutationObserver on the popup's document, attached at commit);
// "interactive" is the first frame after that (requestAnimationFrame) plus one task, i.e. when a
// click on a row would be handled.
import type { BrowserName } from '../e2e/harness/config';
import { launchBrowser } from '../e2e/harness/index';
import type { TestServer } from '../e2e/harness/server';
import { BUDGETS, PASSPHRASE, buildDir, codesFor, log, must, stats, verdict } from './lib';

export const POPUP_ACCOUNTS = 100;

interface Sample {
  list: number;
  frame: number;
  interactive: number;
  /** The list was already complete when the observer attached: `list` is an upper bound. */
  late: boolean;
}

export async function popup(name: BrowserName, server: TestServer, samples: number) {
  const browser = await launchBrowser(name, { server, extensionDir: buildDir(name, 'production') });
  try {
    const page = await browser.openPopup();
    await must(page, 'vault/create', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    for (let a = 0; a < POPUP_ACCOUNTS; a++) {
      const account = await must(page, 'accounts/add', { site: 'x', label: `@popup_${String(a).padStart(3, '0')}` });
      await must(page, 'codes/add', { accountId: account.id, values: codesFor(a, 5), source: 'paste' });
    }
    if ((await must<unknown[]>(page, 'accounts/list')).length !== POPUP_ACCOUNTS) throw new Error('the accounts were not all stored');
    const url = `${browser.extensionOrigin}/popup.html`;
    const all: Sample[] = [];
    // One extra first sample, reported apart: the popup's first load in this browser.
    for (let i = 0; i < samples + 1; i++) {
      const s = await page.evaluate(
        (url: string, rows: number) =>
          new Promise<Sample>((resolve, reject) => {
            const frame = document.createElement('iframe');
            frame.style.cssText = 'width:360px;height:600px;border:0;position:fixed;top:0;left:0;background:#fff';
            const t0 = performance.now();
            frame.src = url;
            document.body.append(frame);
            const count = (doc: Document) => doc.querySelectorAll('main li').length;
            const finish = (tList: number, late: boolean) => {
              const w = frame.contentWindow!;
              w.requestAnimationFrame(() => {
                const tFrame = performance.now();
                w.setTimeout(() => {
                  const tInteractive = performance.now();
                  frame.remove();
                  resolve({ list: tList - t0, frame: tFrame - t0, interactive: tInteractive - t0, late });
                }, 0);
              });
            };
            const poll = () => {
              const doc = frame.contentDocument;
              if (doc && doc.URL === url) {
                if (count(doc) >= rows) return finish(performance.now(), true);
                const observer = new MutationObserver(() => {
                  if (count(doc) < rows) return;
                  observer.disconnect();
                  finish(performance.now(), false);
                });
                observer.observe(doc, { childList: true, subtree: true });
                return;
              }
              if (performance.now() - t0 > 15_000) reject(new Error(`popup.html showed no ${rows} rows in 15 s`));
              else setTimeout(poll, 0);
            };
            poll();
          }),
        url,
        POPUP_ACCOUNTS,
      );
      all.push(s);
      log(`${name} popup ${i}/${samples}: list ${s.list.toFixed(1)} ms, interactive ${s.interactive.toFixed(1)} ms${s.late ? ' (late observer)' : ''}`);
    }
    const [first, ...rest] = all;
    const interactive = stats(rest.map((s) => s.interactive), 1);
    return {
      accounts: POPUP_ACCOUNTS,
      interactive_ms: { ...interactive, budget_ms: BUDGETS.popup_ms, verdict: verdict(interactive.p50, BUDGETS.popup_ms) },
      list_rendered_ms: stats(rest.map((s) => s.list), 1),
      first_frame_ms: stats(rest.map((s) => s.frame), 1),
      first_open_interactive_ms: Number(first!.interactive.toFixed(1)),
      late_observer_samples: all.filter((s) => s.late).length,
    };
  } finally {
    await browser.close();
  }
}
