// Lock state and settings (extension pages only; the router checked the sender).
import type { BackgroundDeps } from '../deps';
import type { Handlers } from '../router';
import { lockVault, vaultStatus } from '../vault-state';

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
