import { describe, expect, it } from 'vitest';
import { PASS, X_CODES, makeRig, memoryKv } from './rig';
import { lockVault } from '../../../src/background/vault-state';
import { useMortality } from '../adversarial/mortal';

// Aborts a real IndexedDB write where a test arms it; counts writes harmlessly otherwise.
const mortality = useMortality();

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

  it('keeps the old passphrase, the records and the session when the header write is aborted', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const acc = await rig.ok('accounts/add', { site: 'x', label: '@alice' });
    await rig.ok('codes/add', { accountId: acc.id, values: X_CODES.slice(0, 3), source: 'paste' });
    // The header's put itself is the first write of a change; its transaction is aborted there.
    mortality.arm(1);
    expect(await rig.send('vault/change-passphrase', { current: PASS, next: NEW, confirm: NEW })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(mortality.log).toEqual(['put meta']);
    mortality.disarm();
    // The same worker carries on unlocked, and the change can simply be tried again.
    expect((await rig.ok('accounts/list', {}))[0]).toMatchObject({ id: acc.id, left: 3 });
    const afterBrowserRestart = () => makeRig({ factory: rig.factory, session: memoryKv(), local: memoryKv() });
    expect(await afterBrowserRestart().send('vault/unlock', { passphrase: NEW })).toMatchObject({ error: { code: 'wrong-passphrase' } });
    const old = afterBrowserRestart();
    await old.ok('vault/unlock', { passphrase: PASS });
    expect((await old.ok('accounts/list', {}))[0]).toMatchObject({ id: acc.id, left: 3 });

    await rig.ok('vault/change-passphrase', { current: PASS, next: NEW, confirm: NEW });
    expect(await afterBrowserRestart().send('vault/unlock', { passphrase: PASS })).toMatchObject({ error: { code: 'wrong-passphrase' } });
    const renewed = afterBrowserRestart();
    await renewed.ok('vault/unlock', { passphrase: NEW });
    expect((await renewed.ok('accounts/list', {}))[0]).toMatchObject({ id: acc.id, left: 3 });
  });

  it('throttles a wrong current passphrase on change exactly like unlock, on the same counter', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const change = (current: string) => rig.send('vault/change-passphrase', { current, next: NEW, confirm: NEW });
    for (let i = 0; i < 4; i++) {
      const reply = await change(`guess ${i}`);
      expect(reply).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
      if (!reply.ok) expect(reply.error.retryAfterMs).toBeUndefined();
    }
    expect(await change('guess 4')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', retryAfterMs: 1000 } });
    // Neither the right current passphrase nor an unlock gets around the wait.
    expect(await change(PASS)).toMatchObject({ ok: false, error: { code: 'throttled', retryAfterMs: 1000 } });
    await rig.ok('vault/lock', {});
    expect(await rig.send('vault/unlock', { passphrase: PASS })).toMatchObject({ error: { code: 'throttled' } });
    rig.clock.now += 1000;
    // A wrong unlock now counts on from the change's five failures.
    expect(await rig.send('vault/unlock', { passphrase: 'guess 5' })).toMatchObject({ error: { code: 'wrong-passphrase', retryAfterMs: 2000 } });
    rig.clock.now += 2000;
    await rig.ok('vault/unlock', { passphrase: PASS });
    expect(rig.local.data.has('unlockFailures')).toBe(false);
    await rig.ok('vault/change-passphrase', { current: PASS, next: NEW, confirm: NEW });
  });

  it('throttles a wrong vault passphrase on backup export like unlock, on the same counter', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const exportWith = (passphrase: string) => rig.send('backup/export', { passphrase, own: false });
    for (let i = 0; i < 4; i++) {
      const reply = await exportWith(`guess ${i}`);
      expect(reply).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
      if (!reply.ok) expect(reply.error.retryAfterMs).toBeUndefined();
    }
    expect(await exportWith('guess 4')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', retryAfterMs: 1000 } });
    expect(rig.local.data.get('unlockFailures')).toMatchObject({ failures: 5 });
    // The right passphrase waits too, and so does the unlock screen after a lock.
    expect(await exportWith(PASS)).toMatchObject({ ok: false, error: { code: 'throttled', retryAfterMs: 1000 } });
    rig.clock.now += 1000;
    expect(await rig.send('vault/change-passphrase', { current: 'guess 5', next: NEW, confirm: NEW })).toMatchObject({
      error: { code: 'wrong-passphrase', retryAfterMs: 2000 },
    });
    rig.clock.now += 2000;
    const file = await rig.ok('backup/export', { passphrase: PASS, own: false });
    expect(file.text.length).toBeGreaterThan(0);
    expect(rig.local.data.has('unlockFailures')).toBe(false);
  });

  it('stays locked when an auto-lock lands while a restarted worker is still restoring', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const acc = await rig.ok('accounts/add', { site: 'x', label: '@alice' });
    await rig.ok('codes/add', { accountId: acc.id, values: X_CODES, source: 'paste' });
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    // The lock lands at every point of the restore (reading the key, opening the database,
    // reading and decrypting the records) and after it.
    let landedDuringRestore = 0;
    for (let ticks = 0; ticks < 40; ticks++) {
      const revived = rig.restart();
      let restored = false;
      const restoring = revived.deps.session.restore().then(() => void (restored = true));
      for (let i = 0; i < ticks; i++) await tick();
      if (!restored) landedDuringRestore++;
      await revived.deps.session.lock();
      await restoring;
      expect(revived.deps.session.isUnlocked(), `lock after ${ticks} ticks`).toBe(false);
      expect(rig.session.data.has('vaultKey'), `lock after ${ticks} ticks`).toBe(false);
      expect((await revived.ok('vault/status', {})).state).toBe('locked');
      expect(await revived.send('accounts/list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
      // Back to unlocked for the next round, as the person would.
      await revived.ok('vault/unlock', { passphrase: PASS });
    }
    expect(landedDuringRestore).toBeGreaterThan(3);
  });

  it('stays locked when the queued auto-lock (lockVault) races the restore', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const revived = rig.restart();
    const restoring = revived.deps.session.restore();
    await lockVault(revived.deps);
    await restoring;
    expect(rig.session.data.has('vaultKey')).toBe(false);
    expect((await revived.ok('vault/status', {})).state).toBe('locked');
  });

  it('stores settings with bounds and applies defaults', async () => {
    const rig = makeRig();
    expect((await rig.ok('vault/status', {})).settings).toEqual({ autoLockMinutes: 15, autoSubmit: false, clipboardClearSeconds: 30 });
    expect(await rig.ok('settings/set', { autoLockMinutes: 480 })).toMatchObject({ autoLockMinutes: 480 });
    expect(await rig.send('settings/set', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('settings/set', { autoLockMinutes: 481 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
