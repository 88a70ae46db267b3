// 4. Content-script cost on a busy page: a synthetic X-like timeline at https://x.com/__bench/busy
// inserts 10,000 timeline cells (each a small tweet subtree, one insertion each, 50 per task,
// keeping the newest 100 like X's virtualized timeline). Two browsers of the same kind run it
// A/B interleaved (ABBA…): one with Sparekey's production build, one with an empty extension (the
// harness always loads one). Chromium: main-thread ScriptDuration and TaskDuration from CDP
// Performance.getMetrics (thread CPU time), around the workload plus a settle so debounced work
// counts. Firefox: the workload's wall time in the page (back-to-back tasks, so main-thread time
// the content script takes shows up as wall time).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserName } from '../e2e/harness/config';
import { launchBrowser } from '../e2e/harness/index';
import type { TestServer } from '../e2e/harness/server';
import type { BrowserUnderTest, TestPage } from '../e2e/harness/types';
import { BUDGETS, buildDir, log, playwrightPage, roundMs, stats, verdict } from './lib';

export const BUSY_PATH = '/__bench/busy';
export const BUSY = { insertions: 10_000, perTask: 50, keep: 100, settleMs: 300 } as const;

/** The page: a timeline and `__busy()`, which runs the workload and returns its in-page timing. */
export function busyPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Home / X</title></head>
<body><div id="react-root"><main role="main"><div aria-label="Timeline: Your Home Timeline" data-testid="primaryColumn"><section role="region"><div id="timeline"></div></section></div></main></div>
<template id="cell"><div data-testid="cellInnerDiv" style="transform: translateY(0px); position: relative;"><article data-testid="tweet" role="article" tabindex="0" class="css-175oi2r r-18u37iz"><div class="css-175oi2r"><a href="/someone" role="link" class="css-1jxf684"><span class="css-1jxf684">Someone</span></a><div data-testid="tweetText" lang="en" dir="auto"><span class="css-1jxf684">text</span></div><div role="group" aria-label="Replies, reposts, likes"><button data-testid="reply" type="button" aria-label="Reply"><span>3</span></button><button data-testid="like" type="button" aria-label="Like"><span>12</span></button></div></div></article></div></template>
<script>
window.__busy = (total, perTask, keep) => new Promise((resolve) => {
  const timeline = document.getElementById('timeline');
  const cell = document.getElementById('cell').content.firstElementChild;
  const channel = new MessageChannel();
  let inserted = 0;
  let taskMs = 0;
  const t0 = performance.now();
  channel.port1.onmessage = () => {
    const start = performance.now();
    for (let i = 0; i < perTask && inserted < total; i++, inserted++) {
      const node = cell.cloneNode(true);
      node.querySelector('[data-testid="tweetText"] span').textContent = 'Post ' + inserted + ' on a busy timeline';
      node.querySelector('a').setAttribute('href', '/user' + (inserted % 97));
      timeline.append(node);
      if (timeline.childElementCount > keep) timeline.firstElementChild.remove();
    }
    // Mutation observers (ours and any content script's) run in the microtask checkpoint after this
    // task's script; this microtask is queued after theirs.
    queueMicrotask(() => {
      taskMs += performance.now() - start;
      if (inserted < total) channel.port2.postMessage(0);
      else requestAnimationFrame(() => setTimeout(() => resolve({ wallMs: performance.now() - t0, taskMs }), 0));
    });
  };
  channel.port2.postMessage(0);
});
</script></body></html>`;
}

/** An extension that does nothing: the "without Sparekey" arm still loads one, as the harness must. */
function emptyExtension(name: BrowserName): { dir: string; remove(): void } {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'sparekey-bench-empty-'));
  const dir = path.join(parent, 'empty');
  mkdirSync(dir);
  const manifest =
    name === 'chromium'
      ? { manifest_version: 3, name: 'Empty', version: '1.0', background: { service_worker: 'bg.js' } }
      : {
          manifest_version: 3,
          name: 'Empty',
          version: '1.0',
          background: { scripts: ['bg.js'] },
          browser_specific_settings: { gecko: { id: 'empty-bench@sparekey.dev' } },
        };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(dir, 'bg.js'), '');
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

interface Run {
  scriptMs?: number;
  taskDurationMs?: number;
  wallMs: number;
  taskMs: number;
}

async function runOnce(page: TestPage, url: string): Promise<Run> {
  await page.goto(url);
  // Let the content script (document_idle) start before the clock does.
  await new Promise((r) => setTimeout(r, 300));
  const work = () =>
    page.evaluate(
      (total: number, perTask: number, keep: number, settle: number) =>
        (window as unknown as { __busy(t: number, p: number, k: number): Promise<{ wallMs: number; taskMs: number }> })
          .__busy(total, perTask, keep)
          .then((r) => new Promise<typeof r>((resolve) => setTimeout(() => resolve(r), settle))),
      BUSY.insertions,
      BUSY.perTask,
      BUSY.keep,
      BUSY.settleMs,
    );
  if (page.browser !== 'chromium') return work();
  const raw = playwrightPage(page);
  const cdp = await raw.context().newCDPSession(raw);
  try {
    // threadTicks: durations in the main thread's CPU time, so other processes on the machine
    // count less than with wall-clock time ticks.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const metric = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
      return { script: get('ScriptDuration'), task: get('TaskDuration') };
    };
    const before = await metric();
    const result = await work();
    const after = await metric();
    return { ...result, scriptMs: (after.script - before.script) * 1000, taskDurationMs: (after.task - before.task) * 1000 };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export async function busy(name: BrowserName, server: TestServer, pairs: number) {
  const empty = emptyExtension(name);
  let withExt: BrowserUnderTest | undefined;
  let withoutExt: BrowserUnderTest | undefined;
  try {
    withExt = await launchBrowser(name, { server, extensionDir: buildDir(name, 'production') });
    withoutExt = await launchBrowser(name, { server, extensionDir: empty.dir });
    const url = `https://x.com${BUSY_PATH}`;
    const a = await withExt.openPage('about:blank');
    const b = await withoutExt.openPage('about:blank');
    const contentScript = async () => {
      await a.goto(url);
      await new Promise((r) => setTimeout(r, 500));
      return a.evaluate(() => document.documentElement.dataset.sparekey ?? null);
    };
    const marker = await contentScript();
    // One warm-up run each, not counted (first compile of the page's script, caches).
    await runOnce(a, url);
    await runOnce(b, url);
    const A: Run[] = [];
    const B: Run[] = [];
    for (let i = 0; i < pairs; i++) {
      // ABBA: a slow drift of the machine's load hits both arms alike.
      if (i % 2 === 0) {
        A.push(await runOnce(a, url));
        B.push(await runOnce(b, url));
      } else {
        B.push(await runOnce(b, url));
        A.push(await runOnce(a, url));
      }
      const fig = (r: Run) => (r.scriptMs !== undefined ? `script ${r.scriptMs.toFixed(1)} ms` : `wall ${r.wallMs.toFixed(1)} ms`);
      log(`${name} busy page ${i + 1}/${pairs}: with ${fig(A.at(-1)!)}, without ${fig(B.at(-1)!)}`);
    }
    const compare = (pick: (r: Run) => number) => {
      const sa = stats(A.map(pick), 2);
      const sb = stats(B.map(pick), 2);
      const pairRatios = A.map((r, i) => pick(r) / pick(B[i]!));
      const overheadPct = (sa.p50 / sb.p50 - 1) * 100;
      return {
        with_extension_ms: sa,
        without_extension_ms: sb,
        ratio: Number((sa.p50 / sb.p50).toFixed(4)),
        overhead_pct: roundMs(overheadPct),
        pairwise_ratio_p50: Number(stats(pairRatios, 4).p50.toFixed(4)),
      };
    };
    const primary = name === 'chromium' ? compare((r) => r.scriptMs!) : compare((r) => r.wallMs);
    return {
      workload: { ...BUSY, url },
      metric: name === 'chromium' ? 'CDP Performance.getMetrics ScriptDuration (main thread, threadTicks)' : 'in-page wall time of the workload (performance.now())',
      content_script_marker: marker,
      ...primary,
      budget_overhead_pct: BUDGETS.content_script_overhead_pct,
      verdict: verdict(primary.overhead_pct, BUDGETS.content_script_overhead_pct),
      secondary:
        name === 'chromium'
          ? { task_duration: compare((r) => r.taskDurationMs!), in_page_wall: compare((r) => r.wallMs) }
          : { in_page_task_time: compare((r) => r.taskMs) },
    };
  } finally {
    await withExt?.close();
    await withoutExt?.close();
    empty.remove();
  }
}
