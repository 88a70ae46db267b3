// Auto-fill's choices from the popup (extension pages only; the router checked the sender). The
// popup sends a choice only from a trusted click (`trusted` is its attestation).
import { chooseAutoFill } from '../auto-fill';
import type { BackgroundDeps } from '../deps';
import type { Handlers } from '../router';

export function autoFillHandlers(deps: BackgroundDeps) {
  return {
    'autofill/get': () => deps.autoFill.get(),
    'autofill/set': ({ site, accountId, on }) => chooseAutoFill(deps, { site, accountId, on }),
  } satisfies Partial<Handlers>;
}
