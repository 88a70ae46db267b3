// Pending captures hold raw codes in storage.session. Locking an unlocked vault clears them; a
// capture seen while the vault is locked waits for the unlock, so the page can still offer Save.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/background/app';
import { CAPTURE_EXPIRY_ALARM, MAX_AGE_MS } from '../../../src/background/captures';
import { lockVault } from '../../../src/background/vault-state';
import { PASS, contentSender, makeRig, rigWithX, X_CODES } from './rig';

const CODE_PAGE = 'https://x.com/settings/account/login_verification/backup_code';
const page = contentSender(3, CODE_PAGE);
const FRESH = 'mmmm6666nnnn';
const LATER = 'pppp7777qqqq';

const pending = (rig: { session: { data: Map<string, unknown> } }) =>
  (rig.session.data.get('pendingCaptures') as Array<{ codes: string[] }> | undefined) ?? [];

describe('pending captures and the lock', () => {
  it('clears a capture seen while unlocked when the vault is locked from the popup', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 2));
    rig.tabs.urls.set(3, CODE_PAGE);
    const seen = await rig.ok('content/codes-seen', { codes: [FRESH], handle: '@alice' }, page);
    expect(seen).toMatchObject({ state: 'ready', fresh: 1 });
    expect(pending(rig)).toHaveLength(1);
    await rig.ok('vault/lock', {});
    expect(rig.session.data.has('pendingCaptures')).toBe(false);
    expect(JSON.stringify([...rig.session.data.values()])).not.toContain(FRESH);
    await rig.ok('vault/unlock', { passphrase: PASS });
    expect(await rig.ok('captures/list', {})).toEqual([]);
    expect(await rig.send('content/codes-save', { captureId: seen.captureId!, revision: seen.preview!.revision, trusted: true }, page)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('clears it when the auto-lock (lockVault) runs in a restarted worker that has not restored yet', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 2));
    rig.tabs.urls.set(3, CODE_PAGE);
    await rig.ok('content/codes-seen', { codes: [FRESH], handle: '@alice' }, page);
    const revived = rig.restart();
    expect(revived.deps.session.isUnlocked()).toBe(false);
    await lockVault(revived.deps);
    expect(rig.session.data.has('pendingCaptures')).toBe(false);
    expect(rig.session.data.has('vaultKey')).toBe(false);
  });

  it('keeps a capture seen while locked through further locks, and offers Save after the unlock', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 2));
    await rig.ok('vault/lock', {});
    rig.tabs.urls.set(3, CODE_PAGE);
    const seen = await rig.ok('content/codes-seen', { codes: [FRESH], handle: '@alice' }, page);
    expect(seen).toMatchObject({ state: 'locked', fresh: 1 });
    // An auto-lock alarm or a second lock on the locked vault forgets nothing.
    await lockVault(rig.deps);
    await rig.ok('vault/lock', {});
    await lockVault(rig.restart().deps);
    expect(pending(rig)).toMatchObject([{ codes: [FRESH] }]);

    await rig.ok('vault/unlock', { passphrase: PASS });
    expect(await rig.ok('captures/list', {})).toMatchObject([{ id: seen.captureId, fresh: 1, handle: '@alice' }]);
    // The page asks again after the unlock and now gets Save.
    const again = await rig.ok('content/codes-seen', { codes: [FRESH], handle: '@alice' }, page);
    expect(again).toMatchObject({ state: 'ready', captureId: seen.captureId, fresh: 1 });
    expect(await rig.ok('content/codes-save', { captureId: seen.captureId!, revision: again.preview!.revision, trusted: true }, page)).toMatchObject({ added: 1 });
    expect(await rig.ok('accounts/list', {})).toMatchObject([{ id: accountId, total: 3 }]);
    expect(pending(rig)).toEqual([]);
  });

  it('clears, at the next lock, a capture seen while locked that was left unsaved after the unlock', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 2));
    await rig.ok('vault/lock', {});
    rig.tabs.urls.set(3, CODE_PAGE);
    await rig.ok('content/codes-seen', { codes: [FRESH], handle: '@alice' }, page);
    await rig.ok('vault/unlock', { passphrase: PASS });
    rig.tabs.urls.set(4, CODE_PAGE);
    await rig.ok('content/codes-seen', { codes: [LATER], handle: '@alice' }, contentSender(4, CODE_PAGE));
    expect(pending(rig)).toHaveLength(2);
    await rig.ok('vault/lock', {});
    expect(pending(rig)).toEqual([]);
  });
});

describe('pending captures that expire', () => {
  it('are deleted from storage.session when they expire, not merely hidden, and an alarm is set for that moment', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 2));
    await rig.ok('vault/lock', {});
    rig.tabs.urls.set(3, CODE_PAGE);
    const seenAt = rig.clock.now;
    await rig.ok('content/codes-seen', { codes: [FRESH], handle: '@alice' }, page);
    expect(rig.alarms.get(CAPTURE_EXPIRY_ALARM)).toBe(seenAt + MAX_AGE_MS);
    rig.clock.now = seenAt + MAX_AGE_MS;
    // What the alarm does when it fires: read the box, which deletes what expired.
    await createHandlers(rig.deps).captures.all();
    expect(rig.session.data.has('pendingCaptures')).toBe(false);
    expect(JSON.stringify([...rig.session.data.values()])).not.toContain(FRESH);
  });

  it('deletes only the expired ones and sets the alarm for the next', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 2));
    await rig.ok('vault/lock', {});
    rig.tabs.urls.set(3, CODE_PAGE);
    rig.tabs.urls.set(4, CODE_PAGE);
    const first = rig.clock.now;
    await rig.ok('content/codes-seen', { codes: [FRESH], handle: '@alice' }, page);
    rig.clock.now += 10 * 60_000;
    await rig.ok('content/codes-seen', { codes: [LATER], handle: '@bob' }, contentSender(4, CODE_PAGE));
    rig.clock.now = first + MAX_AGE_MS;
    expect(await rig.ok('captures/list', {})).toHaveLength(1);
    expect(pending(rig).map((c) => c.codes)).toEqual([[LATER]]);
    expect(rig.alarms.get(CAPTURE_EXPIRY_ALARM)).toBe(first + 10 * 60_000 + MAX_AGE_MS);
  });
});
