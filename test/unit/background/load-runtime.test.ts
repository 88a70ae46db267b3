import { describe, expect, it } from 'vitest';
import { LOGIN, contentSender, makeRig } from './rig';

describe('content/load-runtime', () => {
  it('loads the page runtime into the asking tab, locked vault or not', async () => {
    const rig = makeRig();
    rig.tabs.urls.set(7, LOGIN);
    expect(await rig.ok('content/load-runtime', {}, contentSender(7, LOGIN))).toEqual({ loaded: true });
    expect(rig.tabs.runtimes).toEqual([7]);
  });

  it('loads nothing for a lookalike origin, a subframe, another extension or our own popup', async () => {
    const rig = makeRig();
    rig.tabs.urls.set(1, LOGIN);
    for (const sender of [
      contentSender(1, 'https://x.com.evil.test/i/flow/login'),
      contentSender(1, 'http://x.com/i/flow/login'),
      contentSender(1, LOGIN, 2),
      { id: 'someone-else', url: LOGIN, frameId: 0, tab: { id: 1, url: LOGIN } },
      { id: 'sparekey-test', url: 'chrome-extension://sparekey-test/popup.html' },
    ]) {
      expect(await rig.send('content/load-runtime', {}, sender)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    expect(rig.tabs.runtimes).toEqual([]);
  });

  it('loads nothing into a tab that left the page that asked', async () => {
    const rig = makeRig();
    rig.tabs.urls.set(1, 'https://evil.test/');
    expect(await rig.send('content/load-runtime', {}, contentSender(1, LOGIN))).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(rig.tabs.runtimes).toEqual([]);
  });
});
