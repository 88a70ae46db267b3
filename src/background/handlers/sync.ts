// Sync on and off, and its state for Settings (extension pages only; the router checked the sender).
import { msg } from '../../i18n';
import type { BackgroundDeps } from '../deps';
import { Refusal } from '../errors';
import type { Handlers } from '../router';

export function syncHandlers(deps: BackgroundDeps) {
  const sync = () => {
    if (!deps.sync) throw new Refusal('internal', msg('bgSyncUnavailable'));
    return deps.sync;
  };
  return {
    'sync/status': () => sync().status(),
    'sync/set': ({ on, passphrase }) => (on ? sync().enable(passphrase) : sync().disable()),
  } satisfies Partial<Handlers>;
}
