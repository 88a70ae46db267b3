// What every bench section shares: statistics, budgets, paths of the bench's own builds, and the
// few things the e2e harness does not expose (a raw page for CDP and init scripts).
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { REPO_ROOT } from '../e2e/harness/config';
import type { BrowserName } from '../e2e/harness/config';
import type { TestPage } from '../e2e/harness/types';

/** Builds of the bench live apart from .output/<browser>-mv3, which others rebuild and test. */
export const BENCH_OUT = path.join(REPO_ROOT, '.output', 'bench');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test', 'bench', 'results');
export type WxtBrowser = 'chrome' | 'firefox';
export const WXT_BROWSER: Record<BrowserName, WxtBrowser> = { chromium: 'chrome', firefox: 'firefox' };

/**
 * The production build (what ships), the bench build (production + test/bench/hook/background.ts)
 * and the analyze build (production with source maps, for sizes only).
 */
export function buildDir(browser: BrowserName, kind: 'production' | 'bench' | 'analyze'): string {
  if (kind === 'analyze') return path.join(BENCH_OUT, 'analyze', `${WXT_BROWSER[browser]}-mv3`);
  return path.join(BENCH_OUT, `${WXT_BROWSER[browser]}-mv3${kind === 'bench' ? '-bench' : ''}`);
}

/** The budgets, in one place. */
export const BUDGETS = {
  unlock_ms: 300,
  /** unlock / (hash-wasm's Argon2id alone, in the same background at the same moment). */
  unlock_over_hash_wasm: 0.8,
  next_code_p95_ms: 2,
  detection_p95_ms: 16,
  /** Auto-fill on: X's 2FA input appears → our code in it (issue 14). */
  auto_fill_p95_ms: 16,
  content_script_overhead_pct: 1,
  content_script_gzip_bytes: 8 * 1024,
  /**
   * A store zip without its translations: the code, the assets and the default (English) words,
   * what every install carries. Languages are budgeted one by one (below): each added language
   * costs its own folder, and 15 of them (about 113 KB compressed) would otherwise eat the code's
   * budget and hide a code regression behind a translation.
   */
  zip_bytes: 150 * 1024,
  /** One more language in the zip: its _locales/<lang>/ folder, compressed, headers included. */
  zip_language_bytes: 12 * 1024,
  popup_ms: 100,
  /** Popup interactive − an empty extension page opened the same way (the browser's own part), p50. */
  popup_ours_ms: 25,
} as const;

export type Verdict = 'pass' | 'miss';
export const verdict = (value: number, budget: number): Verdict => (value <= budget ? 'pass' : 'miss');

export interface Stats {
  n: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function stats(values: number[], digits = 3): Stats {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return {
    n: values.length,
    min: round(sorted[0]!, digits),
    p50: round(percentile(sorted, 50), digits),
    p95: round(percentile(sorted, 95), digits),
    max: round(sorted.at(-1)!, digits),
    mean: round(mean, digits),
  };
}

export const roundMs = (x: number) => round(x, 2);

/** The Playwright page behind a harness page (Chromium), for CDP sessions and init scripts. */
export function playwrightPage(page: TestPage): PlaywrightPage {
  const raw = (page as unknown as { page?: PlaywrightPage }).page;
  if (page.browser !== 'chromium' || !raw || typeof raw.context !== 'function')
    throw new Error('test/bench: the harness no longer keeps the Playwright page in ChromiumPage.page');
  return raw;
}

/** The puppeteer page behind a harness page (Firefox). */
export function puppeteerPage(page: TestPage): PuppeteerPage {
  const raw = (page as unknown as { page?: PuppeteerPage }).page;
  if (page.browser !== 'firefox' || !raw || typeof raw.evaluateOnNewDocument !== 'function')
    throw new Error('test/bench: the harness no longer keeps the puppeteer page in FirefoxPage.page');
  return raw;
}

/** Runs `source` in the page's main world before any of its own scripts, on every navigation. */
export async function addInitScript(page: TestPage, source: string): Promise<void> {
  if (page.browser === 'chromium') await playwrightPage(page).addInitScript(source);
  else await puppeteerPage(page).evaluateOnNewDocument(source);
}

export interface Reply<T = any> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

/** One protocol message from an extension page, as the popup sends it. */
export async function ask<T = any>(page: TestPage, type: string, body: unknown = {}): Promise<Reply<T>> {
  return (await page.evaluate(
    (type: string, body: unknown) => {
      type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (g.browser ?? g.chrome)!.runtime.sendMessage({ type, body });
    },
    type,
    body,
  )) as Reply<T>;
}

/** Like ask(), and fails loudly on an error reply. */
export async function must<T = any>(page: TestPage, type: string, body: unknown = {}): Promise<T> {
  const reply = await ask<T>(page, type, body);
  if (!reply.ok) throw new Error(`${type} was refused: ${reply.error?.code} ${reply.error?.message}`);
  return reply.value as T;
}

/** A round trip of one message, timed in the page with performance.now(). */
export async function timedAsk(page: TestPage, type: string, body: unknown = {}): Promise<{ ms: number; reply: Reply }> {
  return page.evaluate(
    async (type: string, body: unknown) => {
      type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const t0 = performance.now();
      // As src/messages/client.ts sends it: the reply asked for as JSON text (src/messages/wire.ts).
      const raw = await (g.browser ?? g.chrome)!.runtime.sendMessage({ type, body, reply: 'json' });
      const reply = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Reply;
      return { ms: performance.now() - t0, reply };
    },
    type,
    body,
  );
}

export const PASSPHRASE = 'quartz lantern drifts over seven marshes';

/** `n` distinct X-format codes (12 lowercase letters and digits) for account number `a`. */
export function codesFor(a: number, n: number): string[] {
  return Array.from({ length: n }, (_, c) => `${a.toString(36).padStart(4, '0')}${c.toString(36).padStart(4, '0')}q7x${c % 10}`);
}

/** Logs progress on stderr, so stdout carries the JSON alone. */
export function log(...parts: unknown[]): void {
  console.error('[bench]', ...parts);
}

/** Turns any failure of one measurement into a recorded error instead of ending the run. */
export async function attempt<T>(what: string, errors: string[], fn: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await fn();
  } catch (error) {
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    errors.push(message);
    log(`FAILED ${message}`);
    return { error: message };
  }
}
