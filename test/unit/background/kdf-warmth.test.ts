// The KDF thread is warmed when a locked vault's status is asked (the popup, before the person
// types) and released once the vault is unlocked.
import { describe, expect, it, vi } from 'vitest';
import { PASS, makeRig } from './rig';

describe('warming and releasing the KDF thread', () => {
  it('warms on a locked status, not on an unlocked one, and releases after unlock and create', async () => {
    const rig = makeRig();
    const kdf = { warm: vi.fn(), release: vi.fn() };
    rig.deps.kdf = kdf;
    await rig.ok('vault/status', {});
    expect(kdf.warm).not.toHaveBeenCalled(); // no vault yet
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    expect(kdf.release).toHaveBeenCalledTimes(1);
    await rig.ok('vault/status', {});
    expect(kdf.warm).not.toHaveBeenCalled();
    await rig.ok('vault/lock', {});
    expect(kdf.warm).toHaveBeenCalledTimes(1); // the lock's own reply is a locked status
    await rig.ok('vault/status', {});
    expect(kdf.warm).toHaveBeenCalledTimes(2);
    await rig.ok('vault/unlock', { passphrase: PASS });
    expect(kdf.release).toHaveBeenCalledTimes(2);
  });

  it('keeps it warm after a wrong passphrase', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    await rig.ok('vault/lock', {});
    const kdf = { warm: vi.fn(), release: vi.fn() };
    rig.deps.kdf = kdf;
    const reply = await rig.send('vault/unlock', { passphrase: 'not it at all, sorry' });
    expect(reply.ok).toBe(false);
    expect(kdf.release).not.toHaveBeenCalled();
  });
});
