// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/i/flow/login"}
// The page runtime against the X fixtures in a live jsdom document, with a fake background (send)
// and recording panels in place of the closed-shadow UI (tested in ui.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OUTCOME_TIMEOUT_MS } from '../../../src/content/outcome';
import type { Scope, Send } from '../../../src/content/context';
import { ContentRuntime } from '../../../src/content/runtime';
import { TEXT } from '../../../src/content/text';
import type { PanelLike, PanelView } from '../../../src/content/ui';
import type { Result } from '../../../src/messages/protocol';
import { xAdapter } from '../../../src/sites/x';
import type { SiteAdapter } from '../../../src/sites/types';

// The page runtime words its text through browser.i18n: the shipped English messages here.
vi.mock('wxt/browser', () => import('../i18n-browser'));

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/x');
const CODE = 'abcd1234efgh';
const LOGIN = '/i/flow/login';
const BACKUP_SCREEN = '/settings/account/login_verification/backup_code';

class FakePanel implements PanelLike {
  views: PanelView[] = [];
  shown = false;
  destroyed = false;
  constructor(readonly kind: 'chip' | 'banner') {}
  render(view: PanelView) {
    this.views.push(view);
  }
  constrain() {}
  watched: Element | null = null;
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
const ok = <T>(value: T): Result<T> => ({ ok: true, value });

interface Rig {
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

let rig: Rig;
/** Listeners a test adds to play X's part; removed after each test. */
let playing = new AbortController();

function load(file: string, pathname: string): void {
  history.replaceState({}, '', pathname);
  const parsed = new DOMParser().parseFromString(readFileSync(path.join(DIR, file), 'utf8'), 'text/html');
  // Scripts are left out: the fixtures are snapshots, nothing of the replica runs here.
  parsed.querySelectorAll('script').forEach((s) => s.remove());
  document.body.replaceWith(document.importNode(parsed.body, true));
}

function makeRig(adapter: SiteAdapter = xAdapter): Rig {
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
  return {
    runtime,
    calls,
    replies,
    panels,
    frames,
    adapter,
    chip: () => live('chip'),
    banner: () => live('banner'),
    abort: () => controller.abort(),
  };
}

/** Lets mutation records, frames, messages and their follow-ups all run. */
async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    while (rig.frames.length) rig.frames.shift()!();
  }
}

const sent = (type: string) => rig.calls.filter(([t]) => t === type).map(([, b]) => b);
const codeInput = () => document.querySelector<HTMLInputElement>('[data-testid="ocfEnterTextTextInput"]')!;
const nextButton = () => document.querySelector<HTMLElement>('[data-testid="ocfEnterTextNextButton"]')!;

/** What X's React does once the input has a value: Next becomes enabled. */
function enableNext(): void {
  const next = nextButton();
  next.removeAttribute('disabled');
  next.removeAttribute('aria-disabled');
}

function showToast(): void {
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

describe('at X’s 2FA step', () => {
  it('asks for an offer once and shows "Use backup code (N left)"', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    expect(sent('content/prompt-seen')).toEqual([{ mode: 'backup' }]);
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
    expect(rig.chip()?.shown).toBe(true);
    // More DOM changes on the same step ask nothing new.
    document.body.append(document.createElement('div'));
    await settle();
    expect(sent('content/prompt-seen')).toHaveLength(1);
  });

  it('has the chip guard X\'s code field too (a click counts only while the field is visible)', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    expect(rig.chip()?.shown).toBe(true);
    expect(rig.chip()?.watched).toBe(codeInput());
  });

  it('remembers the identifier typed at the first step and sends it as the account hint', async () => {
    load('login-password.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    expect(rig.runtime.state.hint).toBe('sparekey_demo');
    load('login-2fa-backup.html', LOGIN);
    await settle();
    expect(sent('content/prompt-seen')).toEqual([
      { mode: 'unknown', accountHint: 'sparekey_demo' }, // asked ahead at the password step
      { mode: 'backup', accountHint: 'sparekey_demo' },
    ]);
  });

  it('asks ahead for the typed identifier\'s offer, so the chip shows with the 2FA input before the background answers', async () => {
    load('login-password.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    expect(sent('content/prompt-seen')).toEqual([{ mode: 'unknown', accountHint: 'sparekey_demo' }]);
    // The real question at the 2FA step is not answered yet: the chip already offers the code.
    let answer: (r: Result<unknown>) => void = () => undefined;
    rig.replies['content/prompt-seen'] = () => new Promise<Result<unknown>>((resolve) => (answer = resolve)) as unknown as Result<unknown>;
    load('login-2fa-backup.html', LOGIN);
    await settle();
    expect(sent('content/prompt-seen')).toHaveLength(2);
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
    expect(rig.chip()?.shown).toBe(true);
    // Its answer wins when it comes.
    answer(ok({ state: 'ready', accountId: 'a1', label: '@sparekey_demo', left: 1 }));
    await settle();
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(1)]);
  });

  it('asks ahead once per identifier, after the typing rests, and again after the vault changed', async () => {
    load('login-identifier.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    const field = document.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
    for (const typed of ['s', 'sp', 'spa', 'spare']) {
      field.value = typed;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    }
    await new Promise((r) => setTimeout(r, 400));
    await settle();
    expect(sent('content/prompt-seen')).toEqual([{ mode: 'unknown', accountHint: 'spare' }]);
    // A locked or changed vault makes an offer asked ahead stale: it is dropped and asked again.
    rig.runtime.refresh();
    await settle();
    await new Promise((r) => setTimeout(r, 400));
    await settle();
    expect(sent('content/prompt-seen')).toEqual([
      { mode: 'unknown', accountHint: 'spare' },
      { mode: 'unknown', accountHint: 'spare' },
    ]);
  });

  it('asks ahead at once when the login moves on to the password before the typing rested', async () => {
    load('login-identifier.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    const field = document.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
    field.value = 'sparekey_demo';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(sent('content/prompt-seen')).toEqual([]);
    load('login-password.html', LOGIN);
    await settle();
    expect(sent('content/prompt-seen')).toEqual([{ mode: 'unknown', accountHint: 'sparekey_demo' }]);
    // The timer it replaced does not ask a second time.
    await new Promise((r) => setTimeout(r, 400));
    await settle();
    expect(sent('content/prompt-seen')).toHaveLength(1);
  });

  it('offers nothing at the e-mailed code step, nor at the unusual-activity check', async () => {
    load('login-email-code.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    load('login-unusual-activity.html', LOGIN);
    await settle();
    expect(rig.calls).toEqual([]);
    expect(rig.panels.filter((p) => p.shown)).toEqual([]);
  });

  it('says "Unlock Sparekey" when the vault is locked, and offers the code after page/refresh', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.replies['content/prompt-seen'] = () => ok({ state: 'locked', left: 0 });
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.unlock);
    await settle();
    expect(sent('content/open-popup')).toEqual([{ trusted: true }]);
    expect(rig.chip()?.view?.status).toBe(TEXT.unlockHowTo);
    expect(sent('content/request-fill')).toEqual([]);
    rig.replies['content/prompt-seen'] = () => ok({ state: 'ready', accountId: 'a1', label: '@a', left: 3 });
    rig.runtime.refresh();
    await settle();
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(3)]);
  });

  it('fills on click, leaves Next to the person, and reports rejected then offers the next code', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    expect(sent('content/request-fill')).toEqual([{ trusted: true }]);
    expect(codeInput().value).toBe(CODE);
    expect(rig.chip()?.view).toEqual({ buttons: [], status: TEXT.filled });
    expect(rig.runtime.state.watching).toEqual({ reservationId: 'r1', submitted: false });

    enableNext();
    nextButton().click();
    expect(rig.runtime.state.watching).toEqual({ reservationId: 'r1', submitted: true });
    showToast();
    await settle();
    expect(sent('content/report-outcome')).toEqual([{ reservationId: 'r1', outcome: 'rejected' }]);
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(1)]);
    expect(rig.chip()?.view?.status).toBe(TEXT.rejected);
  });

  it('after a rejection shows no button while the background holds the next code back, then offers it with no click of its own', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.replies['content/report-outcome'] = () => ok({ state: 'ready', accountId: 'a1', label: '@alice', left: 1, waitMs: 120 });
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    enableNext();
    nextButton().click();
    showToast();
    await settle();
    expect(rig.chip()?.view).toEqual({ buttons: [], status: TEXT.rejected });
    const asked = sent('content/prompt-seen').length;
    rig.replies['content/prompt-seen'] = () => ok({ state: 'ready', accountId: 'a1', label: '@alice', left: 1 });
    await new Promise((r) => setTimeout(r, 250));
    await settle();
    expect(sent('content/prompt-seen').length).toBe(asked + 1);
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(1)]);
    // The wait ended with an offer, not a fill: only the person's click asks for a code.
    expect(sent('content/request-fill')).toHaveLength(1);
  });

  it('reports accepted when X ends the flow at /home', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    enableNext();
    codeInput().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    load('home.html', '/home');
    await settle();
    expect(sent('content/report-outcome')).toEqual([{ reservationId: 'r1', outcome: 'accepted' }]);
    expect(rig.chip()).toBeUndefined();
  });

  it('reports unknown when X says nothing for 30 s after the submit', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    enableNext();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    nextButton().click();
    vi.advanceTimersByTime(OUTCOME_TIMEOUT_MS);
    vi.useRealTimers();
    await settle();
    expect(sent('content/report-outcome')).toEqual([{ reservationId: 'r1', outcome: 'unknown' }]);
    expect(rig.chip()?.view?.status).toBe(TEXT.unknownOutcome);
  });

  it('retries an outcome report while the background is restarting', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    let attempts = 0;
    rig.replies['content/report-outcome'] = () =>
      ++attempts < 3 ? { ok: false, error: { code: 'internal', message: 'unreachable' } } : ok({ state: 'none', left: 0 });
    enableNext();
    nextButton().click();
    showToast();
    await settle();
    await vi.waitFor(() => expect(attempts).toBe(3), { timeout: 3_000 });
    expect(sent('content/report-outcome')).toHaveLength(3);
  });

  it('shows the background’s refusal and offers again when no code is granted', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.replies['content/request-fill'] = () => ({
      ok: false,
      error: { code: 'conflict', message: 'A backup code for @a is being used in another tab.' },
    });
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    expect(codeInput().value).toBe('');
    expect(rig.chip()?.view?.status).toBe('A backup code for @a is being used in another tab.');
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
  });

  it('lets the person pick the account when several fit', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.replies['content/prompt-seen'] = () =>
      ok({ state: 'choose', left: 5, choices: [{ accountId: 'a1', label: '@one', left: 2 }, { accountId: 'a2', label: '@two', left: 3 }] });
    rig.runtime.start();
    await settle();
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCodeFor('@one', 2), TEXT.useCodeFor('@two', 3)]);
    rig.chip()!.press(TEXT.useCodeFor('@two', 3));
    await settle();
    expect(sent('content/request-fill')).toEqual([{ trusted: true, accountId: 'a2' }]);
  });

  it('in app mode goes through X’s choice screen to the backup-code step, then fills', async () => {
    load('login-2fa-app.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useInstead]);
    // What X's app does: the link shows the choice screen; choosing and Next show the backup step.
    const clicks: string[] = [];
    document.addEventListener('click', (event) => {
      const target = event.target as Element;
      if (target.closest('a[href="/i/flow/login"]')) {
        event.preventDefault();
        clicks.push('switch');
        load('login-2fa-choice.html', LOGIN);
        const backup = document.querySelector<HTMLInputElement>('input[value="10"]')!;
        backup.addEventListener('click', () => {
          clicks.push(`radio ${backup.value}`);
          const next = document.querySelector('[data-testid="ChoiceSelectionNextButton"]')!;
          next.removeAttribute('disabled');
          next.removeAttribute('aria-disabled');
        });
      } else if (target.closest('[data-testid="ChoiceSelectionNextButton"]')) {
        clicks.push('next');
        setTimeout(() => load('login-2fa-backup.html', LOGIN), 30);
      }
    }, { signal: playing.signal });
    rig.chip()!.press(TEXT.useInstead);
    await vi.waitFor(() => expect(codeInput().value).toBe(CODE), { timeout: 3_000 });
    expect(clicks).toEqual(['switch', 'radio 10', 'next']);
    expect(sent('content/request-fill')).toEqual([{ trusted: true }]);
    await settle();
    expect(rig.chip()?.view?.status).toBe(TEXT.filled);
  });

  it('reserves nothing when X’s choice screen never shows a backup option', async () => {
    load('login-2fa-app.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    rig.chip()!.press(TEXT.useInstead);
    await vi.advanceTimersByTimeAsync(11_000);
    vi.useRealTimers();
    await settle();
    expect(sent('content/request-fill')).toEqual([]);
    expect(rig.chip()?.view?.status).toBe(TEXT.switchFailed);
  });
});

describe('fills started by the background (page/fill)', () => {
  it('tells the background which 2FA step the page shows (page/state): none at other steps or at the e-mailed code', () => {
    rig = makeRig();
    for (const [file, mode] of [
      ['login-2fa-backup.html', 'backup'],
      ['login-2fa-app.html', 'app'],
      ['login-email-code.html', null],
      ['login-password.html', null],
      ['login-2fa-choice.html', null],
    ] as const) {
      load(file, LOGIN);
      expect(rig.runtime.pageState().challenge, file).toBe(mode);
    }
  });

  const grant = { value: CODE, reservationId: 'r9', accountId: 'a1', seq: 1 };

  it('fills the 2FA input and watches the outcome', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    expect(await rig.runtime.pageFill({ ...grant, autoSubmit: false })).toEqual({ filled: true });
    expect(codeInput().value).toBe(CODE);
    expect(rig.runtime.state.watching).toEqual({ reservationId: 'r9', submitted: false });
  });

  it('auto-submits when the setting says so, once X enables Next', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    codeInput().addEventListener('input', enableNext);
    const click = vi.fn();
    nextButton().addEventListener('click', click);
    expect(await rig.runtime.pageFill({ ...grant, autoSubmit: true })).toEqual({ filled: true });
    expect(click).toHaveBeenCalledTimes(1);
    expect(rig.runtime.state.watching).toEqual({ reservationId: 'r9', submitted: true });
  });

  it('never auto-submits a step it could not name', async () => {
    load('login-2fa-backup.html', LOGIN);
    for (const el of document.querySelectorAll('[role="dialog"] h1 span, [role="dialog"] [dir="ltr"] > span')) {
      if (el.textContent?.includes('backup code')) el.textContent = 'Kod girin';
    }
    rig = makeRig();
    rig.runtime.start();
    await settle();
    expect(sent('content/prompt-seen')).toEqual([{ mode: 'unknown' }]);
    codeInput().addEventListener('input', enableNext);
    const click = vi.fn();
    nextButton().addEventListener('click', click);
    expect(await rig.runtime.pageFill({ ...grant, autoSubmit: true })).toEqual({ filled: true });
    expect(codeInput().value).toBe(CODE);
    expect(click).not.toHaveBeenCalled();
  });

  it('refuses where there is no 2FA step (e-mailed code, or another page)', async () => {
    load('login-email-code.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    expect(await rig.runtime.pageFill({ ...grant, autoSubmit: false })).toEqual({ filled: false });
    expect(codeInput().value).toBe('');
    load('home.html', '/home');
    expect(await rig.runtime.pageFill({ ...grant, autoSubmit: false })).toEqual({ filled: false });
  });
});

describe('on X’s backup-code screen', () => {
  const code = () => JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')).find((f: { file: string }) => f.file === 'settings-backup-code.html').codes[0] as string;

  it('asks to save the code for @handle, and saves it on click', async () => {
    load('settings-backup-code.html', BACKUP_SCREEN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    expect(sent('content/codes-seen')).toEqual([{ codes: [code()], handle: '@sparekey_demo' }]);
    expect(rig.banner()?.view?.message).toBe('Save this backup code for @sparekey_demo to Sparekey?');
    expect(rig.banner()?.view?.buttons.map((b) => b.label)).toEqual(['Save', 'Not now']);
    expect(rig.banner()?.view?.hint).toBe('Saves …ab12.');
    // The banner's guard also watches the code it speaks about.
    expect(rig.banner()?.watched?.textContent?.replace(/\s+/g, '')).toBe(code());
    rig.banner()!.press('Save');
    await settle();
    expect(sent('content/codes-save')).toEqual([{ captureId: 'c1', revision: 1, trusted: true }]);
    expect(rig.banner()?.view?.message).toBe('Saved to Sparekey for @sparekey_demo.');
  });

  it('says before Save which of the account\'s codes saving would invalidate', async () => {
    load('settings-backup-code.html', BACKUP_SCREEN);
    rig = makeRig();
    rig.replies['content/codes-seen'] = () =>
      ok({ state: 'ready', captureId: 'c1', fresh: 1, label: '@sparekey_demo', preview: { revision: 3, adds: ['…ab12'], invalidates: [1, 2] } });
    rig.runtime.start();
    await settle();
    expect(rig.banner()?.view?.hint).toBe('Saves …ab12. This makes #1, #2 invalid in Sparekey: X keeps only its newest codes valid.');
    rig.banner()!.press('Save');
    await settle();
    expect(sent('content/codes-save')).toEqual([{ captureId: 'c1', revision: 3, trusted: true }]);
  });

  it('says "Unlock Sparekey to save this code" when locked, and turns into Save after page/refresh', async () => {
    load('settings-backup-code.html', BACKUP_SCREEN);
    rig = makeRig();
    rig.replies['content/codes-seen'] = () => ok({ state: 'locked', captureId: 'c1', fresh: 1 });
    rig.runtime.start();
    await settle();
    expect(rig.banner()?.view?.message).toBe(TEXT.unlockToSave);
    expect(rig.banner()?.view?.buttons.map((b) => b.label)).toEqual(['Not now']);
    rig.replies['content/codes-seen'] = () => ok({ state: 'ready', captureId: 'c2', fresh: 1, label: '@sparekey_demo', preview: { revision: 2, adds: ['…ab12'], invalidates: [] } });
    rig.runtime.refresh();
    await settle();
    expect(rig.banner()?.view?.buttons.map((b) => b.label)).toEqual(['Save', 'Not now']);
    rig.banner()!.press('Save');
    await settle();
    expect(sent('content/codes-save')).toEqual([{ captureId: 'c2', revision: 2, trusted: true }]);
  });

  it('says nothing about a code already saved', async () => {
    load('settings-backup-code.html', BACKUP_SCREEN);
    rig = makeRig();
    rig.replies['content/codes-seen'] = () => ok({ state: 'ready', fresh: 0, label: '@sparekey_demo' });
    rig.runtime.start();
    await settle();
    expect(rig.panels.filter((p) => p.shown)).toEqual([]);
  });

  it('"Not now" hides the banner for that code; a newly generated code asks again', async () => {
    load('settings-backup-code.html', BACKUP_SCREEN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    rig.banner()!.press('Not now');
    expect(rig.banner()).toBeUndefined();
    expect(sent('content/codes-dismiss')).toEqual([{ captureId: 'c1', trusted: true }]);
    document.body.append(document.createElement('p'));
    await settle();
    expect(sent('content/codes-seen')).toHaveLength(1);
    // "Generate a new code": X rewrites the code's text node in place.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeValue?.replace(/\s/g, '') === code()) n.nodeValue = 'wxyz 5678 abcd';
    }
    await settle();
    expect(sent('content/codes-seen')).toEqual([
      { codes: [code()], handle: '@sparekey_demo' },
      { codes: ['wxyz5678abcd'], handle: '@sparekey_demo' },
    ]);
    expect(rig.banner()?.view?.buttons.map((b) => b.label)).toEqual(['Save', 'Not now']);
  });
});

describe('cost and lifetime', () => {
  function spied(): SiteAdapter {
    return {
      ...xAdapter,
      isCandidate: vi.fn(xAdapter.isCandidate),
      detectChallenge: vi.fn(xAdapter.detectChallenge),
      detectCodeScreen: vi.fn(xAdapter.detectCodeScreen),
      detectLoginHint: vi.fn(xAdapter.detectLoginHint),
      detectMethodChoice: vi.fn(xAdapter.detectMethodChoice),
    };
  }

  it('does no detection at all on a page that is not a candidate, however much it changes', async () => {
    load('home.html', '/home');
    const adapter = spied();
    rig = makeRig(adapter);
    rig.runtime.start();
    for (let i = 0; i < 50; i++) {
      document.body.append(document.createElement('article'));
      await settle(1);
    }
    expect(adapter.isCandidate).toHaveBeenCalledTimes(1);
    expect(adapter.detectChallenge).not.toHaveBeenCalled();
    expect(adapter.detectCodeScreen).not.toHaveBeenCalled();
    expect(adapter.detectLoginHint).not.toHaveBeenCalled();
    expect(rig.calls).toEqual([]);
  });

  it('batches a burst of DOM changes into one scan per frame', async () => {
    load('login-2fa-backup.html', LOGIN);
    const adapter = spied();
    rig = makeRig(adapter);
    rig.runtime.start();
    await settle();
    const before = vi.mocked(adapter.detectChallenge).mock.calls.length;
    for (let i = 0; i < 100; i++) document.body.append(document.createElement('span'));
    await settle();
    expect(vi.mocked(adapter.detectChallenge).mock.calls.length - before).toBe(1);
  });

  it('scans X\'s 2FA step as it arrives on a candidate page, not a frame later; a few such scans per frame at most', async () => {
    load('login-password.html', LOGIN);
    const adapter = spied();
    rig = makeRig(adapter);
    rig.runtime.start();
    await settle();
    expect(rig.chip()).toBeUndefined();
    const before = vi.mocked(adapter.detectChallenge).mock.calls.length;
    load('login-2fa-backup.html', LOGIN);
    await Promise.resolve(); // the mutation records only: no frame has run
    expect(rig.chip()).toBeDefined();
    for (let i = 0; i < 20; i++) {
      document.body.append(document.createElement('span'));
      await Promise.resolve();
    }
    // Three scans straight from the observer (the step, then two more batches); the rest of the
    // frame's changes wait for the frame's one scan.
    expect(vi.mocked(adapter.detectChallenge).mock.calls.length - before).toBe(3);
    await settle();
    expect(vi.mocked(adapter.detectChallenge).mock.calls.length - before).toBe(4);
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
  });

  it('follows in-page navigation: the chip goes when X leaves the login, a banner comes on the code screen', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    const chip = rig.chip()!;
    load('settings-backup-code.html', BACKUP_SCREEN);
    await settle();
    expect(chip.destroyed).toBe(true);
    expect(rig.banner()?.view?.buttons.map((b) => b.label)).toEqual(['Save', 'Not now']);
  });

  it('stops everything when the content script context is invalidated', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    rig.abort();
    expect(rig.panels.every((p) => p.destroyed)).toBe(true);
    expect(rig.runtime.state.watching).toBeNull();
    load('settings-backup-code.html', BACKUP_SCREEN);
    await settle();
    expect(rig.frames).toEqual([]);
    expect(sent('content/codes-seen')).toEqual([]);
  });

  it('reports unknown when the page unloads after a submit', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    enableNext();
    nextButton().click();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await settle();
    expect(sent('content/report-outcome')).toEqual([{ reservationId: 'r1', outcome: 'unknown' }]);
  });
});
