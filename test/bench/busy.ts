// 4. Content-script cost on a busy page: a synthetic X-like timeline inserts 10,000 timeline cells
// (each a small tweet subtree, one insertion each, 50 per task, keeping the newest 100 like X's
// virtualized timeline), A/B interleaved (ABBA…) in ONE browser with Sparekey's production build:
//   A: https://x.com/__bench/busy      — our content script runs there;
//   B: https://www.x.com/__bench/busy  — same site, same page, same browser, same tab, but
//      outside the manifest's matches, so no content script. (Two browser instances, one without the
//      extension, were tried first: each instance has its own speed, which showed up as a ±15 %
//      "overhead" in either direction, far above the budget.)
// Chromium: main-thread ScriptDuration and TaskDuration from CDP Performance.getMetrics (thread
// CPU time), around the workload plus a settle so deferred work counts; and a CPU profile of A that
// attributes samples to the content script. Firefox: the workload's wall time in the page
// (back-to-back tasks, so main-thread time the content script takes shows up as wall time).
import type { BrowserName } from '../e2e/harness/config';
import { launchBrowser } from '../e2e/harness/index';
import { contentScriptPresent } from '../e2e/harness/extension';
import type { TestServer } from '../e2e/harness/server';
import type { TestPage } from '../e2e/harness/types';
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

/** A small seeded PRNG (mulberry32), so the bootstrap gives the same interval for the same data. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Overhead of A over B in %, from the ratio of medians, with a 95% interval from a paired
 * bootstrap (resampling the ABBA pairs): an interval wider than the budget says the machine's noise
 * hides differences of that size.
 */
function overhead(a: number[], b: number[]) {
  const point = (median(a) / median(b) - 1) * 100;
  const random = prng(20260422);
  const boots: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const idx = a.map(() => Math.floor(random() * a.length));
    boots.push((median(idx.map((j) => a[j]!)) / median(idx.map((j) => b[j]!)) - 1) * 100);
  }
  boots.sort((x, y) => x - y);
  return {
    overhead_pct: roundMs(point),
    ci95_pct: [roundMs(boots[Math.floor(0.025 * boots.length)]!), roundMs(boots[Math.floor(0.975 * boots.length)]!)] as [number, number],
  };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

/**
 * Chromium only: a CPU profile of the workload with Sparekey loaded, and the share of the main
 * thread's busy samples whose stack runs through an extension script (the content script's own
 * JavaScript and the DOM calls it makes). Work the browser does for the page because a content
 * script observes it (creating mutation records inside the page's own DOM calls) is not in it:
 * that part only the A/B comparison sees.
 */
async function contentScriptShare(page: TestPage, url: string): Promise<{ share_pct: number; extension_ms: number; busy_ms: number }> {
  await page.goto(url);
  await new Promise((r) => setTimeout(r, 300));
  const raw = playwrightPage(page);
  const cdp = await raw.context().newCDPSession(raw);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.evaluate(
      (total: number, perTask: number, keep: number, settle: number) =>
        (window as unknown as { __busy(t: number, p: number, k: number): Promise<unknown> })
          .__busy(total, perTask, keep)
          .then(() => new Promise((resolve) => setTimeout(resolve, settle))),
      BUSY.insertions,
      BUSY.perTask,
      BUSY.keep,
      BUSY.settleMs,
    );
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ours = new Map<number, boolean>();
    const isOurs = (id: number): boolean => {
      const known = ours.get(id);
      if (known !== undefined) return known;
      const node = byId.get(id)!;
      const value = /^(chrome|moz)-extension:\/\//.test(node.callFrame.url) || (parent.has(id) && isOurs(parent.get(id)!));
      ours.set(id, value);
      return value;
    };
    let busy = 0;
    let extension = 0;
    profile.samples.forEach((id, i) => {
      const name = byId.get(id)!.callFrame.functionName;
      if (name === '(idle)' || name === '(program)') return;
      // timeDeltas[i] is the time before sample i; the next delta is this sample's span.
      const span = profile.timeDeltas[i + 1] ?? 0;
      busy += span;
      if (isOurs(id)) extension += span;
    });
    return { share_pct: Number(((extension / busy) * 100).toFixed(3)), extension_ms: roundMs(extension / 1000), busy_ms: roundMs(busy / 1000) };
  } finally {
    await cdp.send('Profiler.disable').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

export async function busy(name: BrowserName, server: TestServer, pairs: number) {
  const browser = await launchBrowser(name, { server, extensionDir: buildDir(name, 'production') });
  try {
    const url = `https://x.com${BUSY_PATH}`;
    const control = `https://www.x.com${BUSY_PATH}`;
    // One tab for both arms: a second tab would be a background tab in Firefox (throttled timers
    // and frames), which is a difference of its own.
    const a = await browser.openPage('about:blank');
    const b = a;
    const marked = async (page: TestPage, at: string) => {
      await page.goto(at);
      await new Promise((r) => setTimeout(r, 500));
      return contentScriptPresent(browser, page);
    };
    if (!(await marked(a, url))) throw new Error(`the content script did not mark ${url}: is it still injected on every https://x.com page?`);
    if (await marked(b, control)) throw new Error(`the content script runs on ${control}: the control arm is not without it`);
    // One warm-up run each, not counted (first compile of the page's script, caches).
    await runOnce(a, url);
    await runOnce(b, control);
    const A: Run[] = [];
    const B: Run[] = [];
    for (let i = 0; i < pairs; i++) {
      // ABBA: a slow drift of the machine's load hits both arms alike.
      if (i % 2 === 0) {
        A.push(await runOnce(a, url));
        B.push(await runOnce(b, control));
      } else {
        B.push(await runOnce(b, control));
        A.push(await runOnce(a, url));
      }
      const fig = (r: Run) => (r.scriptMs !== undefined ? `script ${r.scriptMs.toFixed(1)} ms` : `wall ${r.wallMs.toFixed(1)} ms`);
      log(`${name} busy page ${i + 1}/${pairs}: with ${fig(A.at(-1)!)}, without ${fig(B.at(-1)!)}`);
    }
    const compare = (pick: (r: Run) => number) => {
      const a = A.map(pick);
      const b = B.map(pick);
      const sa = stats(a, 2);
      const sb = stats(b, 2);
      return { with_content_script_ms: sa, without_content_script_ms: sb, ratio: Number((sa.p50 / sb.p50).toFixed(4)), ...overhead(a, b) };
    };
    const primary = name === 'chromium' ? compare((r) => r.scriptMs!) : compare((r) => r.wallMs);
    const profiled = [];
    if (name === 'chromium') {
      for (let i = 0; i < 3; i++) profiled.push(await contentScriptShare(a, url));
      log(`${name} busy page, profiled: extension scripts ${profiled.map((p) => `${p.share_pct}%`).join(', ')} of busy main-thread samples`);
    }
    return {
      workload: { ...BUSY, with_content_script: url, without_content_script: control },
      metric:
        name === 'chromium'
          ? 'CDP Performance.getMetrics ScriptDuration (main thread, threadTicks), A/B interleaved in one browser'
          : 'in-page wall time of the workload (performance.now()), A/B interleaved in one browser',
      ...primary,
      budget_overhead_pct: BUDGETS.content_script_overhead_pct,
      // A point estimate under 1 % means nothing when the interval is ±30 %: pass only when the
      // whole 95 % interval is within the budget.
      verdict: verdict(primary.ci95_pct[1], BUDGETS.content_script_overhead_pct),
      verdict_rule: 'pass only when the upper end of the 95% interval is within the budget',
      ...(name === 'chromium'
        ? {
            content_script_cpu_share_pct: {
              runs: profiled,
              p50: median(profiled.map((p) => p.share_pct)),
              what: 'share of busy main-thread CPU-profile samples (100 µs) whose stack runs through the content script',
            },
          }
        : {}),
      secondary:
        name === 'chromium'
          ? { task_duration: compare((r) => r.taskDurationMs!), in_page_wall: compare((r) => r.wallMs), in_page_task_time: compare((r) => r.taskMs) }
          : { in_page_task_time: compare((r) => r.taskMs) },
      // in_page_task_time: each batch's task up to the end of its microtask checkpoint, where every
      // MutationObserver callback (the content script's included) runs.
    };
  } finally {
    await browser.close();
  }
}
