// The page runtime's test rig: the X fixtures in a live jsdom document, a fake background (send)
// and recording panels in place of the closed-shadow UI (tested in ui.test.ts). For test files in
// jsdom at https://x.com that mock wxt/browser with ../i18n-browser (the runtime words its text
// through browser.i18n); importing it registers the hooks that reset the page between tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Scope, Send } from '../../../src/content/context';
import { ContentRuntime } from '../../../src/content/runtime';
import type { PanelLike, PanelView } from '../../../src/content/ui';
import type { Result } from '../../../src/messages/protocol';
import { xAdapter } from '../../../src/sites/x';
import type { SiteAdapter } from '../../../src/sites/types';

export const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/x');
export const CODE = 'abcd1234efgh';
export const LOGIN = '/i/flow/login';
export const BACKUP_SCREEN = '/settings/account/login_verification/backup_code';

export class FakePanel implements PanelLike {
  views: PanelView[] = [];
  shown = false;
  destroyed = false;
  constructor(readonly kind: 'chip' | 'banner') {}
  render(view: PanelView) {
    this.views.push(view);
  }
  constrain() {}
  watched: Element | null = null;
  /** What the guard's passive checks would say (a test sets false to play an attack). */
  plain = true;
  seenPlainly() {
    return this.shown && this.plain;
  }
  watch(context: Element | null) {
    this.watched = context;
  }
  measure() {
    return { width: 200, height: 38 };
  }
  show() {
    this.shown = true;
  }
  hide() {
    this.shown = false;
  }
  destroy() {
    this.destroyed = true;
    this.shown = false;
  }
  get view(): PanelView | undefined {
    return this.views.at(-1);
  }
  press(label: string) {
    const button = this.view?.buttons.find((b) => b.label === label);
    if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(this.view)}`);
    button.onActivate();
  }
}

type Handler = (body: unknown) => Result<unknown>;
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export interface Rig {
  runtime: ContentRuntime;
  calls: [string, Record<string, unknown>][];
  replies: Record<string, Handler>;
  panels: FakePanel[];
  chip(): FakePanel | undefined;
  banner(): FakePanel | undefined;
  abort(): void;
  frames: (() => void)[];
  adapter: SiteAdapter;
}

/** The rig made last in this test: settle() and sent() read it, and it is stopped after the test. */
let rig: Rig | undefined;
/** Listeners a test adds to play X's part; removed after each test. */
export let playing = new AbortController();

export function load(file: string, pathname: string): void {
  history.replaceState({}, '', pathname);
  const parsed = new DOMParser().parseFromString(readFileSync(path.join(DIR, file), 'utf8'), 'text/html');
  // Scripts are left out: the fixtures are snapshots, nothing of the replica runs here.
  parsed.querySelectorAll('script').forEach((s) => s.remove());
  document.body.replaceWith(document.importNode(parsed.body, true));
}

export function makeRig(adapter: SiteAdapter = xAdapter): Rig {
  const controller = new AbortController();
  const frames: (() => void)[] = [];
  const panels: FakePanel[] = [];
  const calls: Rig['calls'] = [];
  const replies: Record<string, Handler> = {
    'content/prompt-seen': () => ok({ state: 'ready', accountId: 'a1', label: '@sparekey_demo', left: 2 }),
    'content/request-fill': () => ok({ value: CODE, reservationId: 'r1', accountId: 'a1', seq: 1 }),
    'content/report-outcome': () => ok({ state: 'ready', accountId: 'a1', label: '@sparekey_demo', left: 1 }),
    'content/codes-seen': () => ok({ state: 'ready', captureId: 'c1', fresh: 1, label: '@sparekey_demo', preview: { revision: 1, adds: ['…ab12'], invalidates: [] } }),
    'content/codes-save': () => ok({ accountId: 'a1', added: 1, duplicates: 0, invalid: 0, invalidated: 0 }),
    'content/codes-dismiss': (body) => ok({ dismissed: String((body as { captureId?: unknown }).captureId) }),
    // Firefox's answer: no popup without a gesture on the browser's own UI.
    'content/open-popup': () => ok({ opened: false }),
  };
  const send = (async (type: string, body: Record<string, unknown>) => {
    calls.push([type, body]);
    return replies[type]!(body);
  }) as unknown as Send;
  const scope: Scope = {
    signal: controller.signal,
    setTimeout(fn, ms) {
      const id = setTimeout(() => {
        if (!controller.signal.aborted) fn();
      }, ms);
      return () => clearTimeout(id);
    },
    frame(fn) {
      frames.push(() => {
        if (!controller.signal.aborted) fn();
      });
    },
  };
  const runtime = new ContentRuntime({
    doc: document,
    adapter,
    scope,
    send,
    normalize: (raw) => xAdapter.format.normalize(raw),
    makePanel: (_doc, kind) => {
      const p = new FakePanel(kind);
      panels.push(p);
      return p;
    },
  });
  const live = (kind: string) => panels.filter((p) => p.kind === kind && !p.destroyed).at(-1);
  return (rig = {
    runtime,
    calls,
    replies,
    panels,
    frames,
    adapter,
    chip: () => live('chip'),
    banner: () => live('banner'),
    abort: () => controller.abort(),
  });
}

/** Lets mutation records, frames, messages and their follow-ups all run. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    while (rig?.frames.length) rig.frames.shift()!();
  }
}

export const sent = (type: string) => rig!.calls.filter(([t]) => t === type).map(([, b]) => b);
export const codeInput = () => document.querySelector<HTMLInputElement>('[data-testid="ocfEnterTextTextInput"]')!;
export const nextButton = () => document.querySelector<HTMLElement>('[data-testid="ocfEnterTextNextButton"]')!;

/** What X's React does once the input has a value: Next becomes enabled. */
export function enableNext(): void {
  const next = nextButton();
  next.removeAttribute('disabled');
  next.removeAttribute('aria-disabled');
}

export function showToast(): void {
  const toast = document.createElement('div');
  toast.setAttribute('data-testid', 'toast');
  toast.setAttribute('role', 'alert');
  toast.textContent = 'Incorrect. Please try again.';
  document.body.append(toast);
}

beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 100, y: 100, width: 440, height: 56, top: 100, left: 100, right: 540, bottom: 156, toJSON: () => ({}),
  } as DOMRect);
});

afterEach(() => {
  rig?.abort();
  playing.abort();
  playing = new AbortController();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
