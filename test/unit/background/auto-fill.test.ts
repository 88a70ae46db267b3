// Auto-fill as the background decides it (issue 14): every condition, each on its own, stops the
// fill; the test names say which. A refusal releases nothing and writes nothing to the history.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { autoFillOn, readAutoFillPrefs, withChoice } from '../../../src/background/auto-fill-prefs';
import { STREAK_MS } from '../../../src/background/release-limit';
import type { ChallengeMode } from '../../../src/messages/protocol';
import { LOGIN, PASS, X_CODES, contentSender, rigWithX, type Rig } from './rig';

const tab1 = contentSender(1, LOGIN);
const tab2 = contentSender(2, LOGIN);

/** An X account with three codes, tabs 1 and 2 on X's login, tab 1 active, auto-fill on for X. */
async function ready(on = true) {
  const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
  rig.tabs.urls.set(1, LOGIN);
  rig.tabs.urls.set(2, LOGIN);
  rig.tabs.activeTab = 1;
  if (on) await rig.ok('autofill/set', { site: 'x', on: true, trusted: true });
  return { rig, accountId };
}

async function statuses(rig: Rig, accountId: string) {
  return (await rig.ok('accounts/get', { accountId })).codes.map((c) => c.status);
}

async function historyOf(rig: Rig, accountId: string, seq: number) {
  const vault = await rig.deps.session.unlocked();
  return vault.codesOf(accountId).find((c) => c.seq === seq)!.history.map((h) => h.reason);
}

/** Refused with this rule (the background names it in its log), and nothing reserved. */
async function expectRefused(rig: Rig, _accountId: string, rule: string, body: { mode: ChallengeMode; accountHint?: string } = { mode: 'backup' }, sender = tab1) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const reply = await rig.send('content/auto-fill', body, sender);
  expect(reply.ok).toBe(false);
  expect(warn.mock.calls.flat().join(' ')).toContain(`no automatic fill: ${rule}`);
  warn.mockRestore();
  return reply;
}

afterEach(() => vi.restoreAllMocks());

describe('auto-fill in the background', () => {
  it('fills the next code with no click when every condition holds, and the history says filled automatically', async () => {
    const { rig, accountId } = await ready();
    const grant = await rig.ok('content/auto-fill', { mode: 'backup' }, tab1);
    expect(grant).toMatchObject({ value: X_CODES[0], accountId, seq: 1, autoSubmit: false });
    expect(await statuses(rig, accountId)).toEqual(['reserved', 'unused', 'unused']);
    expect(await historyOf(rig, accountId, 1)).toEqual(['pasted', 'filled-automatically']);
  });

  it('condition "backup-code step": refuses an unknown, app or e-mail step', async () => {
    const { rig, accountId } = await ready();
    for (const mode of ['unknown', 'app', 'email'] as const) {
      const reply = await expectRefused(rig, accountId, 'not-backup-step', { mode });
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    expect(await statuses(rig, accountId)).toEqual(['unused', 'unused', 'unused']);
  });

  it('condition "exact origin and top frame": refuses a subframe and a lookalike origin', async () => {
    const { rig, accountId } = await ready();
    for (const sender of [contentSender(1, LOGIN, 3), contentSender(1, 'https://x.com.evil.test/i/flow/login')]) {
      expect(await rig.send('content/auto-fill', { mode: 'backup' }, sender)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    expect(await statuses(rig, accountId)).toEqual(['unused', 'unused', 'unused']);
  });

  it('condition "exact origin": refuses when the tab no longer shows the origin', async () => {
    const { rig, accountId } = await ready();
    rig.tabs.urls.set(1, 'https://evil.test/');
    await expectRefused(rig, accountId, 'tab-left');
    expect(await statuses(rig, accountId)).toEqual(['unused', 'unused', 'unused']);
  });

  it('condition "tab visible and focused": refuses a tab that is not the active tab of the focused window', async () => {
    const { rig, accountId } = await ready();
    rig.tabs.activeTab = 2;
    await expectRefused(rig, accountId, 'tab-not-focused');
    rig.tabs.activeTab = undefined;
    await expectRefused(rig, accountId, 'tab-not-focused');
    expect(await statuses(rig, accountId)).toEqual(['unused', 'unused', 'unused']);
  });

  it('condition "setting on": refuses while auto-fill is off, as it is by default', async () => {
    const { rig, accountId } = await ready(false);
    expect(await rig.ok('autofill/get', {})).toEqual({ sites: {}, accounts: {} });
    await expectRefused(rig, accountId, 'off');
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1)).not.toHaveProperty('autoFill');
  });

  it('condition "setting on, per account": an account turned off is refused while its site is on', async () => {
    const { rig, accountId } = await ready();
    await rig.ok('autofill/set', { accountId, on: false, trusted: true });
    await expectRefused(rig, accountId, 'off');
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1)).not.toHaveProperty('autoFill');
  });

  it('condition "setting on, per account": an account turned on fills while its site is off, and null hands it back to the site', async () => {
    const { rig, accountId } = await ready(false);
    await rig.ok('autofill/set', { accountId, on: true, trusted: true });
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1)).toMatchObject({ state: 'ready', autoFill: true });
    expect(await rig.ok('content/auto-fill', { mode: 'backup' }, tab1)).toMatchObject({ seq: 1 });
    expect(await rig.ok('autofill/set', { accountId, on: null, trusted: true })).toEqual({ sites: {}, accounts: {} });
  });

  it('condition "exactly one account": refuses when several accounts fit and no identifier names one', async () => {
    const { rig, accountId } = await ready();
    const bob = await rig.ok('accounts/add', { site: 'x', label: '@bob' });
    await rig.ok('codes/add', { accountId: bob.id, values: [X_CODES[4]!], source: 'paste' });
    await expectRefused(rig, accountId, 'not-one-account');
    expect(await statuses(rig, bob.id)).toEqual(['unused']);
    // The identifier typed in this login names one: that one is filled.
    expect(await rig.ok('content/auto-fill', { mode: 'backup', accountHint: 'BOB' }, tab1)).toMatchObject({ accountId: bob.id, value: X_CODES[4] });
  });

  it('condition "one per account until the outcome is known": refuses while a code of the account is out in another tab', async () => {
    const { rig, accountId } = await ready();
    await rig.ok('content/request-fill', { trusted: true }, tab2);
    await expectRefused(rig, accountId, 'code-out');
    expect(await statuses(rig, accountId)).toEqual(['reserved', 'unused', 'unused']);
  });

  it('condition "one per account until the outcome is known": refuses a second automatic fill in the same tab', async () => {
    const { rig, accountId } = await ready();
    await rig.ok('content/auto-fill', { mode: 'backup' }, tab1);
    await expectRefused(rig, accountId, 'code-out');
    expect(await statuses(rig, accountId)).toEqual(['reserved', 'unused', 'unused']);
  });

  it('condition "after a rejection, offered not filled": refuses after a rejected fill, until STREAK_MS pass quietly', async () => {
    const { rig, accountId } = await ready();
    const grant = await rig.ok('content/auto-fill', { mode: 'backup' }, tab1);
    const offer = await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'rejected' }, tab1);
    expect(offer).toMatchObject({ state: 'ready', left: 2 });
    await expectRefused(rig, accountId, 'after-failure');
    expect(await statuses(rig, accountId)).toEqual(['rejected', 'unused', 'unused']);
    rig.clock.now += STREAK_MS;
    expect(await rig.ok('content/auto-fill', { mode: 'backup' }, tab1)).toMatchObject({ seq: 2 });
  });

  it('condition "after a rejection": a fill left with no outcome (unconfirmed) stops automatic fills too', async () => {
    const { rig, accountId } = await ready();
    const grant = await rig.ok('content/auto-fill', { mode: 'backup' }, tab1);
    await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'unknown' }, tab1);
    expect((await statuses(rig, accountId))[0]).toBe('unconfirmed');
    await expectRefused(rig, accountId, 'after-failure');
  });

  it('an accepted code leaves the next appearance free to fill automatically', async () => {
    const { rig } = await ready();
    const grant = await rig.ok('content/auto-fill', { mode: 'backup' }, tab1);
    await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'accepted' }, tab1);
    expect(await rig.ok('content/auto-fill', { mode: 'backup' }, tab1)).toMatchObject({ seq: 2 });
  });

  it('refuses while locked', async () => {
    const { rig, accountId } = await ready();
    await rig.ok('vault/lock', {});
    expect(await rig.send('content/auto-fill', { mode: 'backup' }, tab1)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1)).toEqual({ state: 'locked', left: 0 });
    await rig.ok('vault/unlock', { passphrase: PASS });
    expect(await statuses(rig, accountId)).toEqual(['unused', 'unused', 'unused']);
  });

  it('marks the chip\'s offer autoFill only for a ready account with auto-fill on', async () => {
    const { rig, accountId } = await ready();
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, tab1)).toEqual({ state: 'ready', accountId, label: '@alice', left: 3, autoFill: true });
  });
});

describe('Undo after an automatic fill', () => {
  it('gives the code back: unused again, its history says the fill was undone, and the chip gets its offer', async () => {
    const { rig, accountId } = await ready();
    const grant = await rig.ok('content/auto-fill', { mode: 'backup' }, tab1);
    const offer = await rig.ok('content/undo-fill', { reservationId: grant.reservationId, trusted: true }, tab1);
    expect(offer).toMatchObject({ state: 'ready', left: 3 });
    expect(await statuses(rig, accountId)).toEqual(['unused', 'unused', 'unused']);
    expect(await historyOf(rig, accountId, 1)).toEqual(['pasted', 'filled-automatically', 'auto-fill-undone']);
    const events = (await rig.ok('history/list', { accountId })).events.map((e) => e.detail?.['reason']);
    expect(events).toContain('auto-fill-undone');
  });

  it('condition "after an Undo": no automatic fill of that account until STREAK_MS pass (the chip offers it)', async () => {
    const { rig, accountId } = await ready();
    const grant = await rig.ok('content/auto-fill', { mode: 'backup' }, tab1);
    await rig.ok('content/undo-fill', { reservationId: grant.reservationId, trusted: true }, tab1);
    await expectRefused(rig, accountId, 'after-undo');
    expect(await rig.ok('content/request-fill', { trusted: true }, tab1)).toMatchObject({ seq: 1 });
  });

  it('refuses to undo a fill a person clicked for, and another tab\'s fill', async () => {
    const { rig, accountId } = await ready();
    const clicked = await rig.ok('content/request-fill', { trusted: true }, tab1);
    expect(await rig.send('content/undo-fill', { reservationId: clicked.reservationId, trusted: true }, tab1)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await rig.send('content/undo-fill', { reservationId: clicked.reservationId, trusted: true }, tab2)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await statuses(rig, accountId)).toEqual(['reserved', 'unused', 'unused']);
  });
});

describe('auto-fill choices', () => {
  it('are off everywhere by default and when storage holds anything malformed', () => {
    expect(readAutoFillPrefs(undefined)).toEqual({ sites: {}, accounts: {} });
    expect(readAutoFillPrefs({ sites: { x: 'yes', github: true }, accounts: [true] })).toEqual({ sites: { github: true }, accounts: { 0: true } });
    expect(autoFillOn(readAutoFillPrefs(null), 'x', 'a1')).toBe(false);
  });

  it('let an account\'s own choice beat its site\'s, both ways', () => {
    const siteOn = withChoice(readAutoFillPrefs(undefined), { site: 'x', on: true });
    expect(autoFillOn(siteOn, 'x', 'a1')).toBe(true);
    expect(autoFillOn(withChoice(siteOn, { accountId: 'a1', on: false }), 'x', 'a1')).toBe(false);
    expect(autoFillOn(withChoice(readAutoFillPrefs(undefined), { accountId: 'a1', on: true }), 'x', 'a1')).toBe(true);
    expect(autoFillOn(siteOn, 'github', 'a1')).toBe(false);
  });

  it('refuse an unknown site, a site and an account at once, a site set to null, and an account not in the vault', async () => {
    const { rig, accountId } = await ready(false);
    expect(await rig.send('autofill/set', { site: 'nowhere', on: true, trusted: true })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('autofill/set', { site: 'x', accountId, on: true, trusted: true })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('autofill/set', { site: 'x', on: null, trusted: true })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('autofill/set', { accountId: 'no-such-account', on: true, trusted: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await rig.send('autofill/set', { site: 'x', on: true } as never)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.ok('autofill/get', {})).toEqual({ sites: {}, accounts: {} });
  });

  it('are set only from our extension pages, never by a content script', async () => {
    const { rig } = await ready(false);
    expect(await rig.send('autofill/set', { site: 'x', on: true, trusted: true }, tab1)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await rig.ok('autofill/get', {})).toEqual({ sites: {}, accounts: {} });
  });
});
