// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/i/flow/login"}
// The capture banner on X's backup-code screen, through the whole page runtime (runtime-rig.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { atHandle } from '../../../src/content/capture-banner';
import { TEXT } from '../../../src/content/text';
import { BACKUP_SCREEN, DIR, load, makeRig, ok, sent, settle, type Rig } from './runtime-rig';

// The page runtime words its text through browser.i18n: the shipped English messages here.
vi.mock('wxt/browser', () => import('../i18n-browser'));

let rig: Rig;

describe('the account the banner names', () => {
  it('is @handle for a site handle, and an e-mail address as it is (the Mozilla account)', () => {
    expect(atHandle('sparekey_demo')).toBe('@sparekey_demo');
    expect(atHandle('alex@example.com')).toBe('alex@example.com');
    expect(atHandle(undefined)).toBeUndefined();
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

  it('keeps saying "Saved" when a question asked before the click (a page/refresh) is answered after the save', async () => {
    load('settings-backup-code.html', BACKUP_SCREEN);
    rig = makeRig();
    rig.runtime.start();
    await settle();
    // The vault changed just before the click: the banner asks again, and the answer comes late,
    // saying (as it would once saved) that nothing on the screen is new.
    let answer!: () => void;
    rig.replies['content/codes-seen'] = (() =>
      new Promise((resolve) => (answer = () => resolve(ok({ state: 'ready', fresh: 0, label: '@sparekey_demo' }))))) as never;
    rig.runtime.refresh();
    await settle();
    rig.banner()!.press('Save');
    await settle();
    expect(rig.banner()?.view?.message).toBe('Saved to Sparekey for @sparekey_demo.');
    answer();
    await settle();
    expect(rig.banner()?.view?.message).toBe('Saved to Sparekey for @sparekey_demo.');
    expect(rig.panels.filter((p) => p.shown)).toHaveLength(1);
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
