import { describe, expect, it, vi } from 'vitest';
import { COOLDOWN_MS } from '../../../src/background/release-limit';
import { LOGIN, PASS, X_CODES, contentSender, makeRig, rigWithX } from './rig';

const tab1 = contentSender(1, LOGIN);
const tab2 = contentSender(2, LOGIN);

async function onLogin(tabs: number[] = [1, 2]) {
  const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
  for (const t of tabs) rig.tabs.urls.set(t, LOGIN);
  return { rig, accountId };
}

describe('content-script commands', () => {
  it('refuses every content command from a lookalike origin, a subframe or our popup', async () => {
    const { rig } = await onLogin();
    for (const sender of [
      contentSender(1, 'https://x.com.evil.test/i/flow/login'),
      contentSender(1, LOGIN, 3),
      { id: 'sparekey-test', url: 'chrome-extension://sparekey-test/popup.html' },
      { id: 'someone-else', url: LOGIN, frameId: 0, tab: { id: 1, url: LOGIN } },
    ]) {
      expect(await rig.send('content/prompt-seen', { mode: 'backup' }, sender)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      expect(await rig.send('content/request-fill', { trusted: true }, sender)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
  });

  it('refuses vault commands from a content script', async () => {
    const { rig, accountId } = await onLogin();
    expect(await rig.send('accounts/get', { accountId, reveal: [] }, tab1)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('offers without revealing a value: how many are left, for which account', async () => {
    const { rig, accountId } = await onLogin();
    const offer = await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1);
    expect(offer).toEqual({ state: 'ready', accountId, label: '@alice', left: 3 });
    expect(JSON.stringify(offer)).not.toContain(X_CODES[0]);
  });

  it('says locked when locked and none when the site has no account', async () => {
    const { rig } = await onLogin();
    await rig.ok('vault/lock', {});
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1)).toEqual({ state: 'locked', left: 0 });
    const empty = makeRig();
    await empty.ok('vault/create', { passphrase: PASS, confirm: PASS });
    expect(await empty.ok('content/prompt-seen', { mode: 'backup' }, tab1)).toEqual({ state: 'none', left: 0 });
  });

  it('lets the login identifier pick among several accounts, else asks to choose', async () => {
    const { rig, accountId } = await onLogin();
    const bob = await rig.ok('accounts/add', { site: 'x', label: '@bob' });
    await rig.ok('codes/add', { accountId: bob.id, values: [X_CODES[4]!], source: 'paste' });
    expect(await rig.ok('content/prompt-seen', { mode: 'backup', accountHint: 'BOB' }, tab1)).toMatchObject({ state: 'ready', accountId: bob.id, left: 1 });
    const choose = await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1);
    expect(choose.state).toBe('choose');
    expect(choose.choices?.map((c) => c.accountId).sort()).toEqual([accountId, bob.id].sort());
    expect(await rig.send('content/request-fill', { trusted: true }, tab1)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await rig.ok('content/request-fill', { trusted: true, accountId: bob.id }, tab1)).toMatchObject({ value: X_CODES[4], seq: 1 });
  });

  it('hands out the oldest code with a reservation, and the same one again to the same tab', async () => {
    const { rig } = await onLogin();
    const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
    expect(grant).toMatchObject({ value: X_CODES[0], seq: 1 });
    expect(await rig.ok('content/request-fill', { trusted: true }, tab1)).toEqual(grant);
  });

  it('never hands a second tab a code while X (ordered) has one out', async () => {
    const { rig } = await onLogin();
    await rig.ok('content/request-fill', { trusted: true }, tab1);
    expect(await rig.send('content/request-fill', { trusted: true }, tab2)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses to release a code when the tab has left the origin since it asked', async () => {
    const { rig, accountId } = await onLogin();
    rig.tabs.urls.set(1, 'https://evil.test/');
    expect(await rig.send('content/request-fill', { trusted: true }, tab1)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect((await rig.ok('accounts/get', { accountId })).counts.reserved).toBe(0);
  });

  it('refuses a fill request without the trusted-click attestation', async () => {
    const { rig } = await onLogin();
    expect(await rig.send('content/request-fill', {} as never, tab1)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('records an accepted code as used with time and origin, and offers the next', async () => {
    const { rig, accountId } = await onLogin();
    const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
    const offer = await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'accepted' }, tab1);
    expect(offer).toMatchObject({ state: 'ready', left: 2 });
    const first = (await rig.ok('accounts/get', { accountId })).codes[0]!;
    expect(first).toMatchObject({ status: 'used', usedAt: rig.clock.now, usedOrigin: 'https://x.com' });
  });

  it('marks a rejected code and hands out the next one', async () => {
    const { rig, accountId } = await onLogin();
    const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
    await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'rejected' }, tab1);
    rig.clock.now += COOLDOWN_MS;
    expect(await rig.ok('content/request-fill', { trusted: true }, tab1)).toMatchObject({ value: X_CODES[1], seq: 2 });
    expect((await rig.ok('accounts/get', { accountId })).codes[0]!.status).toBe('rejected');
  });

  describe('releases to pages under the background\'s own limit', () => {
    it('hands a page looping request-fill → rejected one code, then makes it wait, longer each time', async () => {
      const { rig, accountId } = await onLogin();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
      await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'rejected' }, tab1);
      const refused = await rig.send('content/request-fill', { trusted: true }, tab1);
      expect(refused).toMatchObject({ ok: false, error: { code: 'throttled', retryAfterMs: COOLDOWN_MS } });
      expect(warn.mock.calls.flat().join(' ')).toMatch(/no code released for account .* cool-down/);
      expect(warn.mock.calls.flat().join(' ')).not.toContain(X_CODES[1]);
      rig.clock.now += COOLDOWN_MS;
      const second = await rig.ok('content/request-fill', { trusted: true }, tab1);
      await rig.ok('content/report-outcome', { reservationId: second.reservationId, outcome: 'rejected' }, tab1);
      rig.clock.now += COOLDOWN_MS;
      expect(await rig.send('content/request-fill', { trusted: true }, tab1)).toMatchObject({ error: { code: 'throttled', retryAfterMs: COOLDOWN_MS } });
      // A loop gets a handful of codes in minutes, not all of them in milliseconds.
      const codes = (await rig.ok('accounts/get', { accountId })).codes;
      expect(codes.filter((c) => c.status === 'rejected')).toHaveLength(2);
      expect(codes.filter((c) => c.status === 'unused')).toHaveLength(1);
      warn.mockRestore();
    });

    it('tells the chip how long the next code waits, and offers it plainly afterwards', async () => {
      const { rig } = await onLogin();
      const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
      const offer = await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'unknown' }, tab1);
      expect(offer).toMatchObject({ state: 'ready', waitMs: COOLDOWN_MS });
      rig.clock.now += COOLDOWN_MS;
      expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1)).not.toHaveProperty('waitMs');
    });

    it('releases one code of an account at a time until its outcome is known; the same tab gets its own back', async () => {
      const { rig } = await onLogin();
      const first = await rig.ok('content/request-fill', { trusted: true }, tab1);
      expect(await rig.ok('content/request-fill', { trusted: true }, tab1)).toMatchObject({ reservationId: first.reservationId });
      expect(await rig.send('content/request-fill', { trusted: true }, tab2)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      rig.tabs.activeTab = 2;
      expect(await rig.send('fill/active-tab', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });

    it('lets the popup, keyboard and menu fill the next code during the cool-down (browser gestures)', async () => {
      const { rig } = await onLogin();
      const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
      await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'rejected' }, tab1);
      rig.tabs.activeTab = 1;
      expect(await rig.ok('fill/active-tab', {})).toEqual({ seq: 2 });
    });
  });

  it('makes an unknown outcome unconfirmed for the person to resolve', async () => {
    const { rig, accountId } = await onLogin();
    const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
    await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'unknown' }, tab1);
    const summary = (await rig.ok('accounts/list', {}))[0]!;
    expect(summary.unconfirmed).toBe(1);
    await rig.ok('codes/set-status', { accountId, codeId: (await rig.ok('accounts/get', { accountId })).codes[0]!.id, status: 'used' });
    expect((await rig.ok('accounts/list', {}))[0]!.unconfirmed).toBe(0);
  });

  it('refuses an outcome from another tab, and a second outcome for the same fill', async () => {
    const { rig } = await onLogin();
    const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
    expect(await rig.send('content/report-outcome', { reservationId: grant.reservationId, outcome: 'accepted' }, tab2)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'accepted' }, tab1);
    expect(await rig.send('content/report-outcome', { reservationId: grant.reservationId, outcome: 'rejected' }, tab1)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('reports codes seen on the page as new, stores them only on save, and knows them afterwards', async () => {
    const { rig, accountId } = await onLogin();
    const page = contentSender(1, 'https://x.com/settings/account/login_verification/backup_code');
    const seen = await rig.ok('content/codes-seen', { codes: ['kkkk 6666 llll'], handle: '@alice' }, page);
    expect(seen).toMatchObject({ state: 'ready', fresh: 1, label: '@alice' });
    expect((await rig.ok('accounts/get', { accountId })).total).toBe(3);
    await rig.ok('content/codes-save', { captureId: seen.captureId!, revision: seen.preview!.revision, trusted: true }, page);
    const after = await rig.ok('accounts/get', { accountId });
    expect(after.total).toBe(4);
    expect(after.codes[3]).toMatchObject({ seq: 4, source: 'page' });
    expect(await rig.ok('content/codes-seen', { codes: ['kkkk6666llll'], handle: '@alice' }, page)).toMatchObject({ fresh: 0 });
  });

  it('counts what a capture adds with one rule in the page and the popup: an account labelled "Alice" is @alice\'s', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 2), 'Alice');
    const page = contentSender(1, 'https://x.com/settings/account/login_verification/backup_code');
    rig.tabs.urls.set(1, 'https://x.com/settings/account/login_verification/backup_code');
    expect(await rig.ok('content/codes-seen', { codes: [X_CODES[0]!], handle: '@alice' }, page)).toMatchObject({ state: 'ready', fresh: 0 });
    const seen = await rig.ok('content/codes-seen', { codes: ['kkkk6666llll'], handle: '@alice' }, page);
    expect(seen).toMatchObject({ state: 'ready', fresh: 1 });
    expect(await rig.ok('captures/list', {})).toMatchObject([{ handle: '@alice', fresh: 1 }]);
    await rig.ok('captures/save', { captureId: seen.captureId!, revision: seen.preview!.revision });
    expect((await rig.ok('accounts/list', {})).map((a) => [a.label, a.total])).toEqual([['Alice', 3]]);
  });

  it('keeps a code seen while locked and saves it after unlocking', async () => {
    const { rig } = await onLogin();
    await rig.ok('vault/lock', {});
    const page = contentSender(1, 'https://x.com/settings/account/login_verification/backup_code');
    const seen = await rig.ok('content/codes-seen', { codes: ['mmmm7777nnnn'], handle: '@carol' }, page);
    expect(seen).toMatchObject({ state: 'locked', fresh: 1 });
    expect(await rig.send('content/codes-save', { captureId: seen.captureId!, revision: 1, trusted: true }, page)).toMatchObject({ ok: false, error: { code: 'locked' } });
    await rig.ok('vault/unlock', { passphrase: PASS });
    const pending = await rig.ok('captures/list', {});
    expect(pending).toMatchObject([{ handle: '@carol', fresh: 1, origin: 'https://x.com' }]);
    const again = await rig.ok('content/codes-seen', { codes: ['mmmm7777nnnn'], handle: '@carol' }, page);
    const saved = await rig.ok('content/codes-save', { captureId: again.captureId!, revision: again.preview!.revision, trusted: true }, page);
    expect(saved).toMatchObject({ added: 1 });
    expect((await rig.ok('accounts/list', {})).map((a) => a.label)).toContain('@carol');
  });

  it('refuses to save another tab\'s capture', async () => {
    const { rig } = await onLogin();
    const page = 'https://x.com/settings/account/login_verification/backup_code';
    const seen = await rig.ok('content/codes-seen', { codes: ['mmmm7777nnnn'], handle: '@alice' }, contentSender(1, page));
    expect(await rig.send('content/codes-save', { captureId: seen.captureId!, revision: seen.preview!.revision, trusted: true }, contentSender(2, page))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('tells the chip whether to press Next itself (the auto-submit setting, off by default)', async () => {
    const { rig } = await onLogin();
    expect(await rig.ok('content/request-fill', { trusted: true }, tab1)).toMatchObject({ autoSubmit: false });
    await rig.ok('settings/set', { autoSubmit: true });
    expect(await rig.ok('content/request-fill', { trusted: true }, tab1)).toMatchObject({ autoSubmit: true });
  });

  it('forgets a capture on "Not now", only for the tab that saw it', async () => {
    const { rig } = await onLogin();
    const page = 'https://x.com/settings/account/login_verification/backup_code';
    const seen = await rig.ok('content/codes-seen', { codes: ['mmmm7777nnnn'], handle: '@alice' }, contentSender(1, page));
    expect(await rig.send('content/codes-dismiss', { captureId: seen.captureId!, trusted: true }, contentSender(2, page))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await rig.ok('content/codes-dismiss', { captureId: seen.captureId!, trusted: true }, contentSender(1, page));
    expect(await rig.ok('captures/list', {})).toEqual([]);
  });

  it('asks the browser to open the popup for "Unlock Sparekey" and says whether it could', async () => {
    const { rig } = await onLogin();
    expect(await rig.ok('content/open-popup', { trusted: true }, tab1)).toEqual({ opened: true });
    rig.tabs.popupOpens = false;
    expect(await rig.ok('content/open-popup', { trusted: true }, tab1)).toEqual({ opened: false });
    expect(await rig.send('content/open-popup', { trusted: true }, contentSender(1, 'https://x.com.evil.test/'))).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(rig.tabs.popups).toBe(2);
  });

  it('refuses codes of the wrong format', async () => {
    const { rig } = await onLogin();
    expect(await rig.send('content/codes-seen', { codes: ['not a code!'], handle: '@alice' }, tab1)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('filling from the popup', () => {
  it('fills the active tab through its content script after the same checks', async () => {
    const { rig, accountId } = await onLogin();
    rig.tabs.activeTab = 1;
    expect(await rig.ok('fill/active-tab', {})).toEqual({ seq: 1 });
    expect(rig.tabs.fills).toMatchObject([{ tabId: 1, grant: { value: X_CODES[0], accountId, autoSubmit: false } }]);
  });

  it('gives the code back when the page had no field to fill', async () => {
    const { rig, accountId } = await onLogin();
    rig.tabs.activeTab = 1;
    rig.tabs.fillWorks = false;
    expect(await rig.send('fill/active-tab', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await rig.ok('accounts/get', { accountId })).counts).toMatchObject({ unused: 3, reserved: 0 });
  });

  it('asks the page first: a tab at no 2FA step (or at the e-mailed code) reserves nothing and writes no history', async () => {
    const { rig, accountId } = await onLogin();
    rig.tabs.activeTab = 1;
    const before = (await rig.ok('history/list', { accountId })).events.length;
    rig.tabs.steps.set(1, null);
    expect(await rig.send('fill/active-tab', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(rig.tabs.fills).toEqual([]);
    expect((await rig.ok('history/list', { accountId })).events).toHaveLength(before);
    expect((await rig.ok('accounts/get', { accountId })).counts).toMatchObject({ unused: 3, reserved: 0 });
  });

  it('picks the account by the identifier typed in that login, as the chip does, when several fit', async () => {
    const { rig } = await onLogin();
    const bob = await rig.ok('accounts/add', { site: 'x', label: '@bob' });
    await rig.ok('codes/add', { accountId: bob.id, values: [X_CODES[4]!], source: 'paste' });
    rig.tabs.activeTab = 1;
    expect(await rig.send('fill/active-tab', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(rig.tabs.fills).toEqual([]);
    rig.tabs.hints.set(1, 'BOB');
    expect(await rig.ok('fill/active-tab', {})).toEqual({ seq: 1 });
    expect(rig.tabs.fills).toMatchObject([{ tabId: 1, grant: { value: X_CODES[4], accountId: bob.id } }]);
  });

  it("names the active tab's origin as fillable only while its page shows a 2FA step", async () => {
    const { rig } = await onLogin();
    rig.tabs.activeTab = 1;
    expect(await rig.ok('fill/active-tab-step', {})).toEqual({ origin: 'https://x.com' });
    rig.tabs.steps.set(1, 'app');
    expect(await rig.ok('fill/active-tab-step', {})).toEqual({ origin: 'https://x.com' });
    rig.tabs.steps.set(1, null);
    expect(await rig.ok('fill/active-tab-step', {})).toEqual({ origin: null });
    rig.tabs.urls.set(5, 'https://x.com.evil.test/i/flow/login');
    rig.tabs.activeTab = 5;
    expect(await rig.ok('fill/active-tab-step', {})).toEqual({ origin: null });
    rig.tabs.activeTab = undefined;
    expect(await rig.ok('fill/active-tab-step', {})).toEqual({ origin: null });
  });

  it('refuses a tab that is not a supported site', async () => {
    const { rig } = await onLogin();
    rig.tabs.urls.set(5, 'https://x.com.evil.test/i/flow/login');
    rig.tabs.activeTab = 5;
    expect(await rig.send('fill/active-tab', {})).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(rig.tabs.fills).toEqual([]);
  });
});
