// Lock state and settings (extension pages only; the router checked the sender).
import type { VaultStatus } from '../../messages/protocol';
import { CaptureBox } from '../captures';
import type { BackgroundDeps } from '../deps';
import type { Handlers } from '../router';

export async function vaultStatus(deps: BackgroundDeps): Promise<VaultStatus> {
  const state = await deps.session.state();
  // A locked popup is usually followed by an unlock: start the KDF thread while the person types.
  if (state === 'locked') deps.kdf?.warm();
  const damaged = state === 'unlocked' ? (await deps.session.unlocked()).damaged : [];
  return { state, settings: await deps.settings.get(), damaged };
}

/**
 * The one way to lock, for the popup's button and the auto-lock alarm alike: in the queue, so it
 * lands between vault changes, never inside one. Pending captures hold raw codes in
 * storage.session; those of an unlocked vault go with the key. A capture seen while the vault is
 * locked is kept (locking a locked vault forgets nothing), so the page can offer Save once the
 * person unlocks.
 */
export function lockVault(deps: BackgroundDeps): Promise<void> {
  return deps.queue(async () => {
    // Captures first: a worker killed between the two writes leaves the key, not the codes.
    if (await deps.session.holdsKey()) await new CaptureBox(deps.sessionStore, deps.now).clear();
    await deps.session.lock();
  });
}

export function vaultHandlers(deps: BackgroundDeps) {
  const released = () => deps.kdf?.release();
  const after = async () => {
    deps.changed();
    return vaultStatus(deps);
  };
  return {
    'vault/status': () => vaultStatus(deps),
    // Unlocked: nothing derives until the next lock, so the KDF thread (and its memory) goes.
    'vault/create': ({ passphrase, confirm }) =>
      deps.queue(() => deps.session.create(passphrase, confirm)).then(released).then(after),
    'vault/unlock': ({ passphrase }) => deps.queue(() => deps.session.unlock(passphrase)).then(released).then(after),
    'vault/lock': () => lockVault(deps).then(after),
    'vault/change-passphrase': ({ current, next, confirm }) =>
      deps.queue(() => deps.session.changePassphrase(current, next, confirm)).then(after),
    'settings/set': (patch) => deps.settings.set(patch),
  } satisfies Partial<Handlers>;
}
