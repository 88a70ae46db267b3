// 6. Popup: open → interactive, vault unlocked, 100 accounts. Beside it, the baseline: an empty
// extension page (baseline.html, no script, written into a copy of the production build) opened
// the same way in the same browser, interleaved sample by sample, so "ours" = popup − baseline is
// what our page adds to what the browser spends on any extension page. A second baseline adds one
// do-nothing module script to the empty page: what any extension page that runs a script pays.
// "list" is when the accounts list fills the view: its drawn rows reach the view's bottom edge, or
// all rows are drawn (a MutationObserver on the popup's document; the popup draws the rows that
// fit first and the rest when the browser is idle, src/ui/rows-in-view.ts); "interactive" is the
// first frame after that (requestAnimationFrame) plus one task, i.e. when a click on a row in view
// would be handled.
// "all rows" is when the list has every row (it is no longer aria-busy).
// Where the clock starts depends on how the observer gets in before the popup's own script:
//   Chromium: an init script (CDP) in a tab that navigates to popup.html; t0 = navigation start.
//   Firefox: preload scripts don't reach moz-extension pages, so another extension page opens
//   popup.html with window.open and observes it; times are converted to the popup document's own
//   navigation start (its performance.timeOrigin), and also given from the window.open call. (An iframe won't do
//   in either: the background refuses framed extension pages. And window.open under Playwright
//   gives Chromium a window without extension APIs.)
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserName } from '../e2e/harness/config';
import { launchBrowser } from '../e2e/harness/index';
import type { TestPage } from '../e2e/harness/types';
import type { TestServer } from '../e2e/harness/server';
import { cpuUntil, traced } from './trace-cpu';
import { BUDGETS, PASSPHRASE, addInitScript, buildDir, codesFor, log, must, playwrightPage, stats, timedAsk, verdict } from './lib';

export const POPUP_ACCOUNTS = 100;
/** Traced loads of each page for the CPU figures (Chromium). */
const TRACED_SAMPLES = 10;

interface Sample {
  list: number;
  /** Every row drawn. */
  all: number;
  frame: number;
  interactive: number;
  /** The list was already complete when the observer attached: `list` is an upper bound. */
  late: boolean;
  /** Chromium: DOMContentLoaded, and the popup's first render into #app ("Loading…"). */
  dcl?: number;
  app?: number;
  /** Firefox: interactive counted from the window.open call instead (window creation included). */
  fromOpen?: number;
  /** Chromium: main-thread CPU time (CDP TaskDuration / ScriptDuration, threadTicks) of the load. */
  taskCpu?: number;
  scriptCpu?: number;
  layoutCpu?: number;
  styleCpu?: number;
  compileCpu?: number;
}

/**
 * In the popup's document: how many accounts rows are drawn, and whether they fill the view
 * (the last one reaches the view's bottom edge; asked only while some are still to come).
 */
const ROWS_DRAWN = `(doc, rows) => {
  const drawn = doc.querySelectorAll('main ul.accounts > li');
  const all = drawn.length >= rows;
  return { all, inView: all || (drawn.length > 0 && drawn[drawn.length - 1].getBoundingClientRect().bottom >= doc.defaultView.innerHeight) };
}`;

/** The user-timing mark the observer sets at "interactive", for the traced CPU figures. */
const INTERACTIVE_MARK = 'sparekey-bench-interactive';

/** Main-world observer for the popup document, installed before its scripts (Chromium). */
const POPUP_OBSERVER = (rows: number) => `(() => {
  const d = (window.__skPopup = { dcl: null, app: null, list: null, all: null, frame: null, interactive: null });
  const rowsDrawn = ${ROWS_DRAWN};
  const done = () => {
    d.list = performance.now();
    requestAnimationFrame(() => {
      d.frame = performance.now();
      setTimeout(() => { d.interactive = performance.now(); performance.mark('${INTERACTIVE_MARK}'); }, 0);
    });
  };
  document.addEventListener('DOMContentLoaded', () => {
    d.dcl = performance.now();
    if (${rows} === 0) { d.all = d.dcl; done(); }
  });
  if (${rows} === 0) return;
  const observer = new MutationObserver(() => {
    if (d.app === null && document.getElementById('app')?.firstChild) d.app = performance.now();
    const { all, inView } = rowsDrawn(document, ${rows});
    if (d.list === null && inView) done();
    if (!all) return;
    d.all = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Measurer {
  sample: () => Promise<Sample>;
  /** Chromium: main-thread CPU (thread ms) from navigation start to "interactive", in a traced load. */
  cpuToInteractive?: () => Promise<number>;
}

async function viaInitScript(tab: TestPage, url: string, rows: number): Promise<Measurer> {
  await addInitScript(tab, POPUP_OBSERVER(rows));
  const raw = playwrightPage(tab);
  const cdp = await raw.context().newCDPSession(raw);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpu = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? NaN) * 1000;
    return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration'), compile: get('V8CompileDuration'), devtools: get('DevToolsCommandDuration') };
  };
  const load = async () => {
    await tab.goto(url);
    return (await tab.waitFor(
      () => {
        const d = (window as unknown as { __skPopup?: { dcl: number; app: number; list: number | null; all: number | null; frame: number | null; interactive: number | null } }).__skPopup;
        return d?.interactive && d.all ? d : null;
      },
      { timeout: 15_000, interval: 20, message: `${url} with ${rows} rows` },
    )) as { dcl: number; app: number; list: number; all: number; frame: number; interactive: number };
  };
  const sample = async (): Promise<Sample> => {
    const d = await load();
    // The metrics restart with each navigation: these are the popup document's own, from its start
    // to now (a few ms after "interactive").
    const used = await cpu();
    return { list: d.list, all: d.all, frame: d.frame, interactive: d.interactive, late: false, dcl: d.dcl, app: d.app, taskCpu: used.task - used.devtools, scriptCpu: used.script, layoutCpu: used.layout, styleCpu: used.style, compileCpu: used.compile };
  };
  const cpuToInteractive = async () => {
    const events = await traced(cdp, url, async () => void (await load()));
    return cpuUntil(events, url, INTERACTIVE_MARK);
  };
  return { sample, cpuToInteractive };
}

function viaWindowOpen(page: TestPage, url: string, rows: number): Promise<Sample> {
  return page.evaluate(
    (url: string, rows: number, rowsDrawnSource: string) =>
      new Promise<Sample>((resolve, reject) => {
        const rowsDrawn = new Function(`return ${rowsDrawnSource}`)() as (doc: Document, rows: number) => { all: boolean; inView: boolean };
        const t0 = performance.now();
        const w = window.open(url, '_blank', 'popup,width=360,height=600');
        if (!w) return reject(new Error('window.open(popup.html) was blocked'));
        const timer = setTimeout(() => {
          w.close();
          reject(new Error(`${url} showed no ${rows} rows in 15 s: ${w.document?.body?.innerText?.slice(0, 200)}`));
        }, 15_000);
        let tAll: number | null = null;
        let shown: Omit<Sample, 'all'> | null = null;
        const settle = () => {
          if (shown === null || tAll === null) return;
          clearTimeout(timer);
          w.close();
          // The popup document's own navigation start, on this page's clock.
          const nav = w.performance.timeOrigin - performance.timeOrigin;
          resolve({ ...shown, list: shown.list - nav, frame: shown.frame - nav, interactive: shown.interactive - nav, all: tAll - nav });
        };
        const finish = (tList: number, late: boolean) => {
          w.requestAnimationFrame(() => {
            const tFrame = performance.now();
            w.setTimeout(() => {
              const tInteractive = performance.now();
              shown = { list: tList, frame: tFrame, interactive: tInteractive, late, fromOpen: tInteractive - t0 };
              settle();
            }, 0);
          });
        };
        const allDrawn = () => {
          tAll = performance.now();
          settle();
        };
        const poll = () => {
          const doc = w.document;
          if (doc && doc.URL === url) {
            // The baseline has no rows: it is ready when its document is parsed.
            if (rows === 0) {
              const parsed = (late: boolean) => {
                finish(performance.now(), late);
                allDrawn();
              };
              if (doc.readyState === 'loading') return void doc.addEventListener('DOMContentLoaded', () => parsed(false));
              return parsed(true);
            }
            let listed = false;
            const check = (late: boolean) => {
              const { all, inView } = rowsDrawn(doc, rows);
              if (!listed && inView) {
                listed = true;
                finish(performance.now(), late);
              }
              if (all) allDrawn();
              return all;
            };
            if (check(true)) return;
            const observer = new MutationObserver(() => {
              if (check(false)) observer.disconnect();
            });
            observer.observe(doc, { childList: true, subtree: true });
            return;
          }
          setTimeout(poll, 0);
        };
        poll();
      }),
    url,
    rows,
    ROWS_DRAWN,
  );
}

/** The empty extension page: the popup's document without its script, stylesheet or body. */
const BASELINE_HTML = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8" /><title>Sparekey</title></head><body></body></html>\n';

/**
 * A second baseline: the empty page plus one module script that does nothing, so the browser's own
 * cost of fetching and running any script on an extension page (which the empty page never pays)
 * shows apart from what our script does.
 */
const SCRIPT_BASELINE_HTML = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8" /><title>Sparekey</title><script type="module" src="/baseline-module.js"></script></head><body></body></html>\n';
const SCRIPT_BASELINE_JS = 'document.documentElement.dataset.ran = "1";\n';

/** A copy of the production build with the baseline pages beside popup.html (the shipped build stays as it is). */
function buildWithBaseline(name: BrowserName, from: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sparekey-bench-popup-${name}-`));
  cpSync(from, dir, { recursive: true });
  writeFileSync(path.join(dir, 'baseline.html'), BASELINE_HTML);
  writeFileSync(path.join(dir, 'baseline-script.html'), SCRIPT_BASELINE_HTML);
  writeFileSync(path.join(dir, 'baseline-module.js'), SCRIPT_BASELINE_JS);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `extensionDir`: another build to measure (e.g. a prototype of a fix); default the production build. */
export async function popup(name: BrowserName, server: TestServer, samples: number, extensionDir = buildDir(name, 'production')) {
  const build = buildWithBaseline(name, extensionDir);
  const browser = await launchBrowser(name, { server, extensionDir: build.dir });
  try {
    const page = await browser.openPopup();
    await must(page, 'vault/create', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    for (let a = 0; a < POPUP_ACCOUNTS; a++) {
      const account = await must(page, 'accounts/add', { site: 'x', label: `@popup_${String(a).padStart(3, '0')}` });
      await must(page, 'codes/add', { accountId: account.id, values: codesFor(a, 5), source: 'paste' });
    }
    if ((await must<unknown[]>(page, 'accounts/list')).length !== POPUP_ACCOUNTS) throw new Error('the accounts were not all stored');
    const roundTrips: Record<string, unknown> = {};
    for (const type of ['vault/status', 'accounts/list', 'captures/list']) {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) times.push((await timedAsk(page, type)).ms);
      roundTrips[type] = stats(times, 1);
    }
    const url = `${browser.extensionOrigin}/popup.html`;
    const blank = `${browser.extensionOrigin}/baseline.html`;
    const scripted = `${browser.extensionOrigin}/baseline-script.html`;
    const [measure, measureBaseline, measureScripted] =
      name === 'chromium'
        ? [
            await viaInitScript(await browser.openPage('about:blank'), url, POPUP_ACCOUNTS),
            await viaInitScript(await browser.openPage('about:blank'), blank, 0),
            await viaInitScript(await browser.openPage('about:blank'), scripted, 0),
          ]
        : [{ sample: () => viaWindowOpen(page, url, POPUP_ACCOUNTS) }, { sample: () => viaWindowOpen(page, blank, 0) }, { sample: () => viaWindowOpen(page, scripted, 0) }];
    const all: Sample[] = [];
    const baselines: Sample[] = [];
    const scriptedPages: Sample[] = [];
    // One extra first sample of each, reported apart: the first load in this browser. Popup and
    // baseline alternate, so both see the machine in the same state.
    for (let i = 0; i < samples + 1; i++) {
      const s = await measure.sample();
      all.push(s);
      const b = await measureBaseline.sample();
      baselines.push(b);
      scriptedPages.push(await measureScripted.sample());
      log(`${name} popup ${i}/${samples}: list ${s.list.toFixed(1)} ms, interactive ${s.interactive.toFixed(1)} ms, all rows ${s.all.toFixed(1)} ms${s.late ? ' (late observer)' : ''}; empty page ${b.interactive.toFixed(1)} ms, with a module ${scriptedPages.at(-1)!.interactive.toFixed(1)} ms`);
    }
    // Then traced loads, alternating too (tracing slows the page, so these give CPU only).
    const cpu: number[] = [];
    const baselineCpu: number[] = [];
    if (measure.cpuToInteractive && measureBaseline.cpuToInteractive)
      for (let i = 0; i < Math.min(samples, TRACED_SAMPLES); i++) {
        cpu.push(await measure.cpuToInteractive());
        baselineCpu.push(await measureBaseline.cpuToInteractive());
      }
    const [first, ...rest] = all;
    const interactive = stats(rest.map((s) => s.interactive), 1);
    const baseline = stats(baselines.slice(1).map((s) => s.interactive), 1);
    // Each popup sample less the baseline sample taken right after it.
    const ours = stats(rest.map((s, i) => s.interactive - baselines[i + 1]!.interactive), 1);
    return {
      accounts: POPUP_ACCOUNTS,
      clock_starts_at: 'navigation start of popup.html',
      interactive_ms: { ...interactive, budget_ms: BUDGETS.popup_ms, verdict: verdict(interactive.p50, BUDGETS.popup_ms) },
      // The same browser opening an extension page with nothing in it, the same way, same run.
      empty_page_interactive_ms: baseline,
      // What is ours: popup interactive − empty page, sample by sample.
      ours_ms: { ...ours, budget_ms: BUDGETS.popup_ours_ms, verdict: verdict(ours.p50, BUDGETS.popup_ours_ms) },
      over_empty_page: Number((interactive.p50 / baseline.p50).toFixed(2)),
      // The empty page with one do-nothing module script, same way, same run: what any extension
      // page that runs a script pays. Popup less it, sample by sample: what our script adds.
      script_page_interactive_ms: stats(scriptedPages.slice(1).map((s) => s.interactive), 1),
      ours_over_script_page_ms: stats(rest.map((s, i) => s.interactive - scriptedPages[i + 1]!.interactive), 1),
      list_rendered_ms: stats(rest.map((s) => s.list), 1),
      // Every row in the list (the rest come when the browser is idle after the first paint).
      all_rows_ms: stats(rest.map((s) => s.all), 1),
      first_frame_ms: stats(rest.map((s) => s.frame), 1),
      first_open_interactive_ms: Number(first!.interactive.toFixed(1)),
      late_observer_samples: all.filter((s) => s.late).length,
      ...(name === 'chromium'
        ? {
            dom_content_loaded_ms: stats(rest.map((s) => s.dcl!), 1),
            empty_page_dom_content_loaded_ms: stats(baselines.slice(1).map((s) => s.dcl!), 1),
            empty_page_main_thread_cpu_ms: stats(baselines.slice(1).map((s) => s.taskCpu!), 1),
            first_render_ms: stats(rest.map((s) => s.app!), 1),
            // Main-thread CPU from navigation start to "interactive" (traced loads, thread time):
            // the popup's, the empty page's, and ours (the difference, sample by sample).
            cpu_to_interactive_ms: stats(cpu, 1),
            empty_page_cpu_to_interactive_ms: stats(baselineCpu, 1),
            ours_cpu_to_interactive_ms: stats(cpu.map((c, i) => c - baselineCpu[i]!), 1),
            // CPU the popup's main thread spent on the whole load, to all rows and a little after
            // (the harness's own CDP commands taken out).
            main_thread_cpu_ms: stats(rest.map((s) => s.taskCpu!), 1),
            script_cpu_ms: stats(rest.map((s) => s.scriptCpu!), 1),
            layout_cpu_ms: stats(rest.map((s) => s.layoutCpu!), 1),
            style_cpu_ms: stats(rest.map((s) => s.styleCpu!), 1),
            v8_compile_cpu_ms: stats(rest.map((s) => s.compileCpu!), 1),
          }
        : { interactive_from_window_open_ms: stats(rest.map((s) => s.fromOpen!), 1) }),
      // What the popup waits for before it can draw the list, as one message each from a page.
      round_trips_ms: roundTrips,
    };
  } finally {
    await browser.close();
    build.remove();
  }
}
