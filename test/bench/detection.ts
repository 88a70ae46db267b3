// 3. Detection latency on the replica's login page: from X's 2FA input entering the DOM to our chip.
// An init script in the page's main world, installed before any of the page's scripts (so its
// MutationObserver is notified before the content script's), notes with performance.now():
//   - when the 2FA input (input[data-testid="ocfEnterTextTextInput"]) is inserted;
//   - when each element whose name has a hyphen (the only kind, besides a few standard tags, that
//     can host a shadow root: the chip's randomized tag) is inserted after it;
//   - when that element first has a non-zero layout box (ResizeObserver: the rendering step of
//     the frame that shows it), and likewise for the input.
// Which of those elements is the chip is read from outside after each run: the host of a closed
// shadow root (the harness reads closed roots over CDP / BiDi).
// With auto-fill on (issue 14), the same observer notes when the input first holds a value (the
// input event our fill dispatches): step appears → code in the input, one fresh account per run
// (an account's code stays out until its outcome is known, so each run needs its own).
import type { BrowserName } from '../e2e/harness/config';
import { launchBrowser } from '../e2e/harness/index';
import type { TestServer } from '../e2e/harness/server';
import type { TestPage } from '../e2e/harness/types';
import { loginToCodeStep } from '../e2e/helpers';
import type { Replica } from '../replica/handler.mjs';
import type { AutoFillMarks } from './hook/auto-fill-marks';
import { hook } from './scale';
import { BUDGETS, PASSPHRASE, addInitScript, buildDir, log, must, roundMs, stats, verdict } from './lib';

const HANDLE = 'bench_detect';
const PASSWORD = 'correct horse battery';

interface Candidate {
  tag: string;
  insertedAt: number;
  renderedAt: number | null;
  /** Shares a parent chain with the input within a few levels ("next to it"). */
  nearInput: boolean;
}
interface Detect {
  /** performance.timeOrigin: page times + this = absolute times, to line up with the background's marks. */
  origin: number;
  inputAt: number | null;
  /** When the 2FA input first held a value (auto-fill's input event). */
  filledAt: number | null;
  inputRenderedAt: number | null;
  candidates: Candidate[];
}

/** Main-world script, run before the page's own (addInitScript / evaluateOnNewDocument). */
const OBSERVER = `(() => {
  const SEL = 'input[data-testid="ocfEnterTextTextInput"]';
  const d = (window.__skDetect = { origin: performance.timeOrigin, inputAt: null, filledAt: null, inputRenderedAt: null, candidates: [] });
  let input = null;
  document.addEventListener('input', (e) => {
    if (input && e.target === input && input.value && d.filledAt === null) d.filledAt = performance.now();
  }, true);
  const sized = (entry) => entry.contentRect.width > 0 && entry.contentRect.height > 0;
  const resize = new ResizeObserver((entries) => {
    const t = performance.now();
    for (const entry of entries) {
      if (!sized(entry) && entry.borderBoxSize?.[0]?.inlineSize === 0) continue;
      const box = entry.target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (entry.target === input) { if (d.inputRenderedAt === null) d.inputRenderedAt = t; }
      else { const c = d.candidates.find((c) => c.el === entry.target); if (c && c.renderedAt === null) c.renderedAt = t; }
      resize.unobserve(entry.target);
    }
  });
  const near = (el) => {
    let a = input;
    for (let i = 0; i < 6 && a; i++, a = a.parentElement) if (a.contains(el) || a.parentElement?.contains(el)) return true;
    return false;
  };
  const mutations = new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (d.inputAt === null) {
        const found = n.matches(SEL) ? n : n.querySelector(SEL);
        if (found) { input = found; d.inputAt = t; resize.observe(found); }
        continue;
      }
      const hosts = [n, ...n.querySelectorAll('*')].filter((e) => e.localName.includes('-'));
      for (const el of hosts) {
        d.candidates.push({ el, tag: el.localName, insertedAt: t, renderedAt: null, nearInput: near(el) });
        resize.observe(el);
      }
    }
  });
  mutations.observe(document, { childList: true, subtree: true });
})();`;

async function loginToTwoFactor(page: TestPage, handle = HANDLE): Promise<void> {
  await page.goto('https://x.com/i/flow/login');
  await loginToCodeStep(page, handle, { password: PASSWORD });
}

/**
 * `extensionDir`: another build to measure (e.g. a prototype of a fix); default the production build.
 * `marks`: the build is a bench build (its hook answers): also split each automatic fill into
 * page → background, the background's work (and each port it waited on), background → code in the input.
 */
export async function detection(
  name: BrowserName,
  server: TestServer,
  replica: Replica,
  runs: number,
  extensionDir = buildDir(name, 'production'),
  marks = false,
) {
  if (!replica.referee.hasAccount(HANDLE)) replica.referee.createAccount({ handle: HANDLE, password: PASSWORD, mode: 'backup', codes: 5 });
  const browser = await launchBrowser(name, { server, extensionDir });
  try {
    const popup = await browser.openPopup();
    await must(popup, 'vault/create', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const account = await must(popup, 'accounts/add', { site: 'x', label: `@${HANDLE}` });
    const codes = replica.referee.state(HANDLE).codes.map((c) => c.display);
    await must(popup, 'codes/add', { accountId: account.id, values: codes, source: 'paste' });

    const page = await browser.openPage('about:blank');
    await addInitScript(page, OBSERVER);
    const inserted: number[] = [];
    const rendered: number[] = [];
    const frames: number[] = [];
    let hostTag = '';
    let near = true;
    // The first run warms caches and is not counted.
    for (let i = 0; i <= runs; i++) {
      await loginToTwoFactor(page);
      const d = (await page.waitFor(
        () => {
          const w = window as unknown as { __skDetect?: Detect };
          const d = w.__skDetect;
          if (!d || d.inputAt === null || d.inputRenderedAt === null) return null;
          return d.candidates.some((c) => c.renderedAt !== null) ? { ...d, candidates: d.candidates.map(({ tag, insertedAt, renderedAt, nearInput }) => ({ tag, insertedAt, renderedAt, nearInput })) } : null;
        },
        { timeout: 10_000, interval: 50, message: 'the 2FA input and a new custom-named element (the chip) rendered after it' },
      )) as Detect;
      const roots = await page.closedShadowRoots();
      const tags = new Set(roots.map((r) => r.hostTag.toLowerCase()));
      const chip = d.candidates.find((c) => tags.has(c.tag));
      if (!chip) throw new Error(`no closed shadow root host among the elements added after the 2FA input (${d.candidates.map((c) => c.tag).join(', ') || 'none'})`);
      if (chip.renderedAt === null) throw new Error('the chip host never got a layout box');
      hostTag = chip.tag;
      near &&= chip.nearInput;
      if (i === 0) continue;
      inserted.push(chip.insertedAt - d.inputAt!);
      rendered.push(chip.renderedAt - d.inputAt!);
      frames.push(chip.renderedAt - d.inputRenderedAt!);
      log(`${name} detection ${i}/${runs}: chip in DOM +${inserted.at(-1)!.toFixed(2)} ms, on screen +${rendered.at(-1)!.toFixed(2)} ms (input on screen +${(d.inputRenderedAt! - d.inputAt!).toFixed(2)} ms)`);
    }
    // Auto-fill on: step appears → code in X's input, a fresh account per run (the first not counted).
    await must(popup, 'autofill/set', { site: 'x', on: true, trusted: true });
    const filled: number[] = [];
    const phases: Record<string, number[]> = {};
    const note = (phase: string, ms: number) => (phases[phase] ??= []).push(ms);
    for (let i = 0; i <= runs; i++) {
      const handle = `bench_auto_${name}_${Date.now().toString(36)}_${i}`;
      replica.referee.createAccount({ handle, password: PASSWORD, mode: 'backup', codes: 1 });
      const auto = await must(popup, 'accounts/add', { site: 'x', label: `@${handle}` });
      await must(popup, 'codes/add', { accountId: auto.id, values: replica.referee.state(handle).codes.map((c) => c.display), source: 'paste' });
      await loginToTwoFactor(page, handle);
      const d = (await page.waitFor(
        () => {
          const d = (window as unknown as { __skDetect?: Detect }).__skDetect;
          if (!d || d.inputAt === null || d.filledAt === null) return null;
          // The bench build's own marks (src/content/chip.ts), since this step appeared.
          const since = d.inputAt;
          const pageMarks = performance
            .getEntriesByType('mark')
            .filter((m) => m.name.startsWith('sparekey-bench:') && m.startTime >= since)
            .map((m) => ({ name: m.name.slice('sparekey-bench:'.length), at: m.startTime }));
          return { origin: d.origin, inputAt: d.inputAt, filledAt: d.filledAt, pageMarks };
        },
        { timeout: 10_000, interval: 50, message: 'the 2FA input filled with no click (auto-fill)' },
      )) as Pick<Detect, 'origin' | 'inputAt' | 'filledAt'> & { pageMarks: { name: string; at: number }[] };
      const taken = marks ? await hook<AutoFillMarks[]>(popup, { op: 'auto-fill-marks' }) : [];
      if (i === 0) continue;
      const m = taken.at(-1);
      if (m?.grantedAt) {
        note('page_to_background', m.receivedAt - (d.origin + d.inputAt!));
        note('in_background', m.grantedAt - m.receivedAt);
        note('background_to_code_in_input', d.origin + d.filledAt! - m.grantedAt);
        for (const span of m.spans) note(`background: ${span.name}`, span.end - span.start);
        for (const p of d.pageMarks) note(`page: ${p.name}`, p.at - d.inputAt!);
        for (const b of m.before) note(`${b.type} arrived, after the step`, b.at - (d.origin + d.inputAt!));
      }
      filled.push(d.filledAt! - d.inputAt!);
      log(`${name} auto-fill ${i}/${runs}: code in the input +${filled.at(-1)!.toFixed(2)} ms after the step appeared`);
    }
    const s = stats(inserted, 2);
    const f = stats(filled, 2);
    return {
      runs,
      chip_host_tag_example: hostTag,
      chip_next_to_input: near,
      input_to_chip_in_dom_ms: { ...s, budget_p95_ms: BUDGETS.detection_p95_ms, verdict: verdict(s.p95, BUDGETS.detection_p95_ms) },
      input_to_chip_rendered_ms: stats(rendered, 2),
      chip_rendered_after_input_rendered_ms: stats(frames.map(roundMs), 2),
      step_to_code_in_input_auto_fill_ms: { ...f, budget_p95_ms: BUDGETS.auto_fill_p95_ms, verdict: verdict(f.p95, BUDGETS.auto_fill_p95_ms) },
      // Absolute clocks of two processes: within about a millisecond of each other.
      ...(marks && { auto_fill_phases_ms: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, stats(v, 2)])) }),
    };
  } finally {
    await browser.close();
  }
}
