// Lock state and settings (extension pages only; the router checked the sender).
import type { VaultStatus } from '../../messages/protocol';
import type { BackgroundDeps } from '../deps';
import type { Handlers } from '../router';

export async function vaultStatus(deps: BackgroundDeps): Promise<VaultStatus> {
  const state = await deps.session.state();
  const damaged = state === 'unlocked' ? (await deps.session.unlocked()).damaged : [];
  return { state, settings: await deps.settings.get(), damaged };
}

export function vaultHandlers(deps: BackgroundDeps) {
  const after = async () => {
    deps.changed();
    return vaultStatus(deps);
  };
  return {
    'vault/status': () => vaultStatus(deps),
    'vault/create': ({ passphrase, confirm }) =>
      deps.queue(() => deps.session.create(passphrase, confirm)).then(after),
    'vault/unlock': ({ passphrase }) => deps.queue(() => deps.session.unlock(passphrase)).then(after),
    'vault/lock': () => deps.queue(() => deps.session.lock()).then(after),
    'vault/change-passphrase': ({ current, next, confirm }) =>
      deps.queue(() => deps.session.changePassphrase(current, next, confirm)).then(after),
    'settings/set': (patch) => deps.settings.set(patch),
  } satisfies Partial<Handlers>;
}
