// The vault's lock state as the popup sees it, and the one way to lock it (the popup's button and
// the auto-lock alarm in main.ts alike).
import type { VaultStatus } from '../messages/protocol';
import { CaptureBox } from './captures';
import type { BackgroundDeps } from './deps';

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
