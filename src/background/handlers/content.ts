// What a content script on a verified site origin may ask. The router has already checked that
// the sender is our content script in a tab's top frame on an origin a site adapter lists; the
// origin used below is the sender's (the caller), never anything from the message body.
import { dismissPagesCapture, savePagesCapture, seeCodes } from '../capturing';
import type { CaptureBox } from '../captures';
import type { BackgroundDeps } from '../deps';
import { autoFillForPage, undoForPage } from '../auto-fill';
import { fillForPage, loadPageRuntime, offerForPage, settleForPage } from '../fills';
import type { Handlers } from '../router';

export function contentHandlers(deps: BackgroundDeps, captures: CaptureBox) {
  return {
    // Nothing of the vault is needed or released: a page that could show a 2FA step or backup
    // codes gets the runtime that looks for them, locked or not. The tab must still show the
    // caller's origin.
    'content/load-runtime': async (_body, caller) => {
      await loadPageRuntime(deps, caller);
      return { loaded: true as const };
    },
    'content/prompt-seen': ({ accountHint }, caller) => offerForPage(deps, caller, accountHint),
    'content/request-fill': ({ accountHint, accountId }, caller) => fillForPage(deps, caller, { accountHint, accountId }),
    'content/auto-fill': ({ mode, accountHint }, caller) => autoFillForPage(deps, caller, { mode, accountHint }),
    'content/undo-fill': ({ reservationId }, caller) => undoForPage(deps, caller, reservationId),
    'content/report-outcome': ({ reservationId, outcome }, caller) => settleForPage(deps, caller, reservationId, outcome),
    'content/codes-seen': ({ codes, handle }, caller) => seeCodes(deps, captures, caller, codes, handle),
    'content/codes-save': ({ captureId, revision }, caller) => savePagesCapture(deps, captures, caller, captureId, revision),
    'content/codes-dismiss': ({ captureId }, caller) => dismissPagesCapture(deps, captures, caller, captureId),
    'content/open-popup': async () => ({ opened: await deps.tabs.openPopup() }),
  } satisfies Partial<Handlers>;
}
