// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/i/flow/login"}
// The chip at X's 2FA step and every fill (the person's click, or page/fill from the background),
// through the whole page runtime (runtime-rig.ts).
import { describe, expect, it, vi } from 'vitest';
import { OUTCOME_TIMEOUT_MS } from '../../../src/content/outcome';
import { TEXT } from '../../../src/content/text';
import type { Result } from '../../../src/messages/protocol';
import { CODE, LOGIN, codeInput, enableNext, load, makeRig, nextButton, ok, playing, sent, settle, showToast, type Rig } from './runtime-rig';

// The page runtime words its text through browser.i18n: the shipped English messages here.
vi.mock('wxt/browser', () => import('../i18n-browser'));

let rig: Rig;

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
