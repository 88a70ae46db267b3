import { describe, expect, it, vi } from 'vitest';
import { PASS, makeRig, memoryKv } from './rig';
import { VaultStore } from '../../../src/store';

const NEW = 'lantern otter quietly sings';

describe('vault session', () => {
  it('starts with no vault and creates one, unlocked', async () => {
    const rig = makeRig();
    expect((await rig.ok('vault/status', {})).state).toBe('no-vault');
    expect((await rig.ok('vault/create', { passphrase: PASS, confirm: PASS })).state).toBe('unlocked');
    expect(rig.session.data.get('vaultKey')).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
  });

  it('refuses a confirmation that differs, a weak passphrase, and a second vault', async () => {
    const rig = makeRig();
    expect(await rig.send('vault/create', { passphrase: PASS, confirm: PASS + 'x' })).toMatchObject({ ok: false, error: { code: 'mismatch' } });
    expect(await rig.send('vault/create', { passphrase: 'password1', confirm: 'password1' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    expect(await rig.send('vault/create', { passphrase: PASS, confirm: PASS })).toMatchObject({ ok: false, error: { code: 'vault-exists' } });
  });

  it('locks, forgets the key everywhere, and unlocks again', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    expect((await rig.ok('vault/lock', {})).state).toBe('locked');
    expect(rig.session.data.has('vaultKey')).toBe(false);
    expect(await rig.send('accounts/list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await rig.ok('vault/unlock', { passphrase: PASS })).state).toBe('unlocked');
  });

  it('says no-vault rather than locked before a vault exists', async () => {
    const rig = makeRig();
    expect(await rig.send('accounts/list', {})).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(await rig.send('vault/unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'no-vault' } });
  });

  it('comes back unlocked after the worker dies, from storage.session alone', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const acc = await rig.ok('accounts/add', { site: 'x', label: '@alice' });
    const revived = rig.restart();
    expect((await revived.ok('vault/status', {})).state).toBe('unlocked');
    expect((await revived.ok('accounts/list', {})).map((a) => a.id)).toEqual([acc.id]);
  });

  it('is locked after a browser restart (storage.session emptied)', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const afterRestart = makeRig({ factory: rig.factory, local: rig.local, session: memoryKv() });
    expect((await afterRestart.ok('vault/status', {})).state).toBe('locked');
  });

  it('answers a wrong passphrase clearly and changes nothing', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    await rig.ok('vault/lock', {});
    const reply = await rig.send('vault/unlock', { passphrase: 'not the passphrase' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    if (!reply.ok) expect(reply.error.message).not.toContain('not the passphrase');
    expect((await rig.ok('vault/unlock', { passphrase: PASS })).state).toBe('unlocked');
  });

  it('makes each try after five failures wait longer, without ever locking the owner out', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    await rig.ok('vault/lock', {});
    for (let i = 0; i < 4; i++) {
      const reply = await rig.send('vault/unlock', { passphrase: 'wrong' });
      expect(reply).toMatchObject({ error: { code: 'wrong-passphrase' } });
      if (!reply.ok) expect(reply.error.retryAfterMs).toBeUndefined();
    }
    const fifth = await rig.send('vault/unlock', { passphrase: 'wrong' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', retryAfterMs: 1000 } });
    // Even the right passphrase waits its turn…
    expect(await rig.send('vault/unlock', { passphrase: PASS })).toMatchObject({ error: { code: 'throttled' } });
    rig.clock.now += 1000;
    expect(await rig.send('vault/unlock', { passphrase: 'wrong' })).toMatchObject({ error: { retryAfterMs: 2000 } });
    rig.clock.now += 1999;
    expect(await rig.send('vault/unlock', { passphrase: PASS })).toMatchObject({ error: { code: 'throttled', retryAfterMs: 1 } });
    // …and a worker restart doesn't reset the count.
    const revived = rig.restart();
    expect(await revived.send('vault/unlock', { passphrase: PASS })).toMatchObject({ error: { code: 'throttled' } });
    rig.clock.now += 1;
    expect((await revived.ok('vault/unlock', { passphrase: PASS })).state).toBe('unlocked');
    expect(rig.local.data.has('unlockFailures')).toBe(false);
  });

  it('changes the passphrase by re-wrapping the key: records untouched, old passphrase refused', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const acc = await rig.ok('accounts/add', { site: 'x', label: '@alice' });
    expect(await rig.send('vault/change-passphrase', { current: 'wrong', next: NEW, confirm: NEW })).toMatchObject({ error: { code: 'wrong-passphrase' } });
    expect(await rig.send('vault/change-passphrase', { current: PASS, next: NEW, confirm: NEW + '!' })).toMatchObject({ error: { code: 'mismatch' } });
    expect(await rig.send('vault/change-passphrase', { current: PASS, next: 'password', confirm: 'password' })).toMatchObject({ error: { code: 'weak-passphrase' } });
    await rig.ok('vault/change-passphrase', { current: PASS, next: NEW, confirm: NEW });
    await rig.ok('vault/lock', {});
    expect(await rig.send('vault/unlock', { passphrase: PASS })).toMatchObject({ error: { code: 'wrong-passphrase' } });
    await rig.ok('vault/unlock', { passphrase: NEW });
    expect((await rig.ok('accounts/list', {}))[0]?.id).toBe(acc.id);
  });

  it('keeps the old passphrase working when a change is interrupted before the header is written', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const spy = vi.spyOn(VaultStore.prototype, 'replaceHeader').mockRejectedValueOnce(new Error('worker killed'));
    expect(await rig.send('vault/change-passphrase', { current: PASS, next: NEW, confirm: NEW })).toMatchObject({ ok: false, error: { code: 'internal' } });
    spy.mockRestore();
    const revived = makeRig({ factory: rig.factory, local: rig.local, session: memoryKv() });
    expect((await revived.ok('vault/unlock', { passphrase: PASS })).state).toBe('unlocked');
  });

  it('stores settings with bounds and applies defaults', async () => {
    const rig = makeRig();
    expect((await rig.ok('vault/status', {})).settings).toEqual({ autoLockMinutes: 15, autoSubmit: false, clipboardClearSeconds: 30 });
    expect(await rig.ok('settings/set', { autoLockMinutes: 480 })).toMatchObject({ autoLockMinutes: 480 });
    expect(await rig.send('settings/set', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('settings/set', { autoLockMinutes: 481 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
