// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/i/flow/login"}
// The page runtime as a whole (runtime-rig.ts): what it costs a page (detection.ts schedules its
// scans) and how it follows the page and ends with it.
import { describe, expect, it, vi } from 'vitest';
import { TEXT } from '../../../src/content/text';
import type { SiteAdapter } from '../../../src/sites/types';
import { xAdapter } from '../../../src/sites/x';
import { BACKUP_SCREEN, LOGIN, enableNext, load, makeRig, nextButton, sent, settle, type Rig } from './runtime-rig';

// The page runtime words its text through browser.i18n: the shipped English messages here.
vi.mock('wxt/browser', () => import('../i18n-browser'));

let rig: Rig;

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
