// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/i/flow/login"}
// Auto-fill on the page's side (issue 14): each condition that fails, on its own, stops the fill
// (the decision, src/content/auto-fill.ts), and the whole runtime with it (runtime-rig.ts): no
// click, "Filled #1 — Undo", Undo, and a rejection that is offered and never filled.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTO_FILL_CONDITIONS, blocker, pageFacts, type AutoFillFacts } from '../../../src/content/auto-fill';
import { TEXT } from '../../../src/content/text';
import type { Challenge, SiteAdapter } from '../../../src/sites/types';
import { xAdapter } from '../../../src/sites/x';
import { CODE, FakePanel, LOGIN, codeInput, enableNext, load, makeRig, nextButton, ok, sent, settle, showToast, type Rig } from './runtime-rig';

vi.mock('wxt/browser', () => import('../i18n-browser'));

const READY = { state: 'ready', accountId: 'a1', label: '@sparekey_demo', left: 2, autoFill: true } as const;

/** Every condition holds. */
const ALL: AutoFillFacts = {
  offer: { ...READY },
  mode: 'backup',
  topFrame: true,
  exactOrigin: true,
  visible: true,
  focused: true,
  guard: true,
  firstForStep: true,
  failedBefore: false,
};

describe('the decision: every condition must hold', () => {
  it('fills when all hold', () => {
    expect(blocker(ALL)).toBeNull();
  });

  const failing: Record<(typeof AUTO_FILL_CONDITIONS)[number], Partial<AutoFillFacts>[]> = {
    'turned-on': [{ offer: { state: 'ready', accountId: 'a1', left: 2 } }],
    'one-account': [
      { offer: { state: 'choose', left: 3, autoFill: true, choices: [] } },
      { offer: { state: 'none', left: 0, autoFill: true } },
      { offer: { ...READY, waitMs: 3_000 } },
    ],
    'backup-step': [{ mode: 'unknown' }, { mode: 'app' }, { mode: 'email' }],
    'top-frame': [{ topFrame: false }],
    'exact-origin': [{ exactOrigin: false }],
    visible: [{ visible: false }],
    focused: [{ focused: false }],
    guard: [{ guard: false }],
    'first-for-step': [{ firstForStep: false }],
    'no-failure-before': [{ failedBefore: true }],
  };
  it.each(AUTO_FILL_CONDITIONS.map((c) => [c]))('condition "%s" failing alone stops the fill', (condition) => {
    for (const change of failing[condition]) expect(blocker({ ...ALL, ...change })).toBe(condition);
  });

  it('reads the page: top frame, exact origin, visibility and focus', () => {
    expect(pageFacts(document, ['https://x.com'])).toEqual({ topFrame: true, exactOrigin: true, visible: true, focused: expect.any(Boolean) });
    expect(pageFacts(document, ['https://twitter.com']).exactOrigin).toBe(false);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    expect(pageFacts(document, ['https://x.com'])).toMatchObject({ visible: false, focused: false });
  });
});

let rig: Rig;

/** The page runtime at X's backup-code step with auto-fill on (unless `offer` says otherwise). */
async function atStep(file = 'login-2fa-backup.html', offer: object = READY, adapter?: SiteAdapter) {
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  load(file, LOGIN);
  rig = makeRig(adapter);
  rig.replies['content/prompt-seen'] = () => ok(offer);
  rig.replies['content/auto-fill'] = () => ok({ value: CODE, reservationId: 'r1', accountId: 'a1', seq: 1, autoSubmit: false });
  rig.replies['content/undo-fill'] = () => ok({ ...READY });
  rig.replies['content/report-outcome'] = () => ok({ ...READY, left: 1 });
  rig.runtime.start();
  await settle();
}

afterEach(() => vi.restoreAllMocks());

describe('auto-fill in the page runtime', () => {
  it('fills the step with no click, and the chip says "Filled #1 —" with Undo', async () => {
    await atStep();
    expect(sent('content/auto-fill')).toEqual([{ mode: 'backup' }]);
    expect(sent('content/request-fill')).toEqual([]);
    expect(codeInput().value).toBe(CODE);
    expect(rig.chip()?.view).toEqual({ buttons: [expect.objectContaining({ label: TEXT.undo })], status: TEXT.autoFilled(1) });
    expect(rig.runtime.state.watching).toEqual({ reservationId: 'r1', submitted: false });
  });

  it('condition "turned-on": nothing without the background\'s word that auto-fill is on (the default)', async () => {
    await atStep('login-2fa-backup.html', { ...READY, autoFill: undefined });
    expect(sent('content/auto-fill')).toEqual([]);
    expect(codeInput().value).toBe('');
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
  });

  it('condition "one-account": nothing while several accounts fit (the person chooses)', async () => {
    await atStep('login-2fa-backup.html', { state: 'choose', left: 3, autoFill: true, choices: [{ accountId: 'a1', label: '@a', left: 1 }, { accountId: 'a2', label: '@b', left: 2 }] });
    expect(sent('content/auto-fill')).toEqual([]);
    expect(codeInput().value).toBe('');
  });

  it('condition "backup-step": nothing at a step the adapter could not name (unknown), only the chip', async () => {
    const unknown = Object.create(xAdapter) as SiteAdapter;
    unknown.detectChallenge = (doc, url) => {
      const c = xAdapter.detectChallenge(doc, url);
      return c ? ({ ...c, mode: 'unknown' } as Challenge) : null;
    };
    await atStep('login-2fa-backup.html', READY, unknown);
    expect(sent('content/auto-fill')).toEqual([]);
    expect(codeInput().value).toBe('');
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
  });

  it('condition "backup-step": nothing at X\'s authenticator-app step (the chip offers the switch)', async () => {
    await atStep('login-2fa-app.html');
    expect(sent('content/auto-fill')).toEqual([]);
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useInstead]);
  });

  it('condition "visible": nothing in a hidden tab', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await atStep();
    await new Promise((r) => setTimeout(r, 150)); // hidden tabs scan on a timer, not a frame
    await settle();
    expect(rig.chip()).toBeDefined();
    expect(sent('content/auto-fill')).toEqual([]);
  });

  it('condition "focused": nothing while the tab does not have focus', async () => {
    load('login-2fa-backup.html', LOGIN);
    rig = makeRig();
    rig.replies['content/prompt-seen'] = () => ok(READY);
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    rig.runtime.start();
    await settle();
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
    expect(sent('content/auto-fill')).toEqual([]);
  });

  it('condition "guard": nothing filled while the guard\'s passive checks fail (something covers or hides the chip or X\'s field), and the code asked for meanwhile goes back', async () => {
    load('login-2fa-backup.html', LOGIN);
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    rig = makeRig();
    // The page interferes as soon as our chip is there (the guard looks just after it shows,
    // while the background is already asked: the code it grants must not reach the page).
    rig.replies['content/prompt-seen'] = () => {
      rig.chip()!.plain = false;
      return ok(READY);
    };
    rig.replies['content/auto-fill'] = () => ok({ value: CODE, reservationId: 'r1', accountId: 'a1', seq: 1, autoSubmit: true });
    rig.replies['content/undo-fill'] = () => ok({ ...READY });
    rig.runtime.start();
    enableNext();
    await settle();
    expect(rig.chip()?.shown).toBe(true);
    expect(sent('content/auto-fill')).toEqual([{ mode: 'backup' }]);
    expect(codeInput().value).toBe('');
    expect(sent('content/undo-fill')).toEqual([{ reservationId: 'r1', trusted: true }]);
    expect(rig.runtime.state.watching).toBeNull();
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
  });

  it('condition "guard": the guard looks only after the page\'s own observers reacted to our chip going in', async () => {
    load('login-2fa-backup.html', LOGIN);
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    rig = makeRig();
    rig.replies['content/prompt-seen'] = () => ok(READY);
    rig.replies['content/auto-fill'] = () => ok({ value: CODE, reservationId: 'r1', accountId: 'a1', seq: 1, autoSubmit: false });
    rig.replies['content/undo-fill'] = () => ok({ ...READY });
    // A page's MutationObserver is told of our chip in a microtask queued when it goes in; an attack
    // that covers it from there must be seen (the fill was asked for before: it goes back).
    const show = FakePanel.prototype.show;
    vi.spyOn(FakePanel.prototype, 'show').mockImplementation(function (this: FakePanel) {
      if (!this.shown) queueMicrotask(() => (this.plain = false));
      show.call(this);
    });
    rig.runtime.start();
    await settle();
    expect(sent('content/auto-fill')).toEqual([{ mode: 'backup' }]);
    expect(codeInput().value).toBe('');
    expect(sent('content/undo-fill')).toEqual([{ reservationId: 'r1', trusted: true }]);
  });

  it('condition "guard": a click on the chip while a refused automatic fill\'s code is going back asks only once it is back', async () => {
    load('login-2fa-backup.html', LOGIN);
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    rig = makeRig();
    rig.replies['content/prompt-seen'] = () => {
      rig.chip()!.plain = false;
      return ok(READY);
    };
    let answer!: (r: unknown) => void;
    // The background's answer comes when the test says (the rig's send awaits what a reply returns).
    rig.replies['content/auto-fill'] = (() => new Promise((resolve) => (answer = resolve))) as never;
    rig.replies['content/undo-fill'] = () => ok({ ...READY });
    rig.replies['content/request-fill'] = () => ok({ value: CODE, reservationId: 'r2', accountId: 'a1', seq: 2 });
    rig.runtime.start();
    await settle();
    rig.chip()!.plain = true;
    rig.chip()!.press(TEXT.useCode(2));
    await settle();
    expect(sent('content/request-fill')).toEqual([]);
    answer(ok({ value: CODE, reservationId: 'r1', accountId: 'a1', seq: 1, autoSubmit: false }));
    await settle();
    expect(sent('content/undo-fill')).toEqual([{ reservationId: 'r1', trusted: true }]);
    expect(sent('content/request-fill')).toHaveLength(1);
    expect(rig.runtime.state.watching).toEqual({ reservationId: 'r2', submitted: false });
  });

  it('condition "top-frame" and "exact-origin" are read from the page itself', () => {
    const framed = { defaultView: { top: {}, origin: 'https://x.com', location: { origin: 'https://x.com' } }, visibilityState: 'visible', hasFocus: () => true } as unknown as Document;
    expect(pageFacts(framed, ['https://x.com']).topFrame).toBe(false);
    const sandboxed = { defaultView: { origin: 'null', location: { origin: 'https://x.com' } }, visibilityState: 'visible', hasFocus: () => true } as unknown as Document & { defaultView: { top: unknown } };
    (sandboxed.defaultView as { top: unknown }).top = sandboxed.defaultView;
    expect(pageFacts(sandboxed, ['https://x.com'])).toMatchObject({ topFrame: true, exactOrigin: false });
  });

  it('offers on the chip when the background refuses (its own checks: background/auto-fill.ts)', async () => {
    load('login-2fa-backup.html', LOGIN);
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    rig = makeRig();
    rig.replies['content/prompt-seen'] = () => ok(READY);
    rig.replies['content/auto-fill'] = () => ({ ok: false, error: { code: 'conflict', message: 'no' } });
    rig.runtime.start();
    await settle();
    expect(sent('content/auto-fill')).toHaveLength(1);
    expect(codeInput().value).toBe('');
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
  });

  it('condition "first-for-step": once per appearance; more changes on the same step ask nothing new', async () => {
    await atStep();
    document.body.append(document.createElement('div'));
    await settle();
    rig.runtime.refresh();
    await settle();
    expect(sent('content/auto-fill')).toHaveLength(1);
  });

  it('condition "no-failure-before": after a rejection the next code is offered on the chip, never filled, even on a new input', async () => {
    await atStep();
    enableNext();
    nextButton().click();
    showToast();
    await settle();
    expect(sent('content/report-outcome')).toEqual([{ reservationId: 'r1', outcome: 'rejected' }]);
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(1)]);
    expect(rig.chip()?.view?.status).toBe(TEXT.rejected);
    // X draws the step again with a fresh input: still only offered.
    const fresh = codeInput().cloneNode(true) as HTMLInputElement;
    fresh.value = '';
    codeInput().replaceWith(fresh);
    await settle();
    expect(sent('content/auto-fill')).toHaveLength(1);
    expect(codeInput().value).toBe('');
    expect(rig.chip()?.view?.buttons.map((b) => b.label)).toEqual([TEXT.useCode(2)]);
  });

  it('Undo empties X\'s field, gives the code back, and the chip offers it again without filling it', async () => {
    await atStep();
    rig.chip()!.press(TEXT.undo);
    await settle();
    expect(codeInput().value).toBe('');
    expect(sent('content/undo-fill')).toEqual([{ reservationId: 'r1', trusted: true }]);
    expect(rig.runtime.state.watching).toBeNull();
    expect(rig.chip()?.view).toEqual({ buttons: [expect.objectContaining({ label: TEXT.useCode(2) })], status: TEXT.undone });
    // The vault changed: the chip asks again, and still only offers.
    rig.runtime.refresh();
    await settle();
    expect(sent('content/auto-fill')).toHaveLength(1);
    expect(codeInput().value).toBe('');
  });

  it('no Undo once the code was sent to the site: its answer settles it', async () => {
    await atStep();
    enableNext();
    nextButton().click();
    rig.chip()!.press(TEXT.undo);
    await settle();
    expect(sent('content/undo-fill')).toEqual([]);
    expect(codeInput().value).toBe(CODE);
  });

  it('with auto-submit on, presses Next and offers no Undo', async () => {
    load('login-2fa-backup.html', LOGIN);
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    rig = makeRig();
    rig.replies['content/prompt-seen'] = () => ok(READY);
    rig.replies['content/auto-fill'] = () => ok({ value: CODE, reservationId: 'r1', accountId: 'a1', seq: 1, autoSubmit: true });
    rig.runtime.start();
    enableNext();
    await settle();
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(codeInput().value).toBe(CODE);
    expect(rig.runtime.state.watching).toEqual({ reservationId: 'r1', submitted: true });
    expect(rig.chip()?.view).toEqual({ buttons: [], status: TEXT.submitting });
  });
});
