// What a content script on a verified site origin may ask. The router has already checked that
// the sender is our content script in a tab's top frame on an origin a site adapter lists; the
// origin used below is the sender's (the caller), never anything from the message body.
import { dismissPagesCapture, savePagesCapture, seeCodes } from '../capturing';
import type { CaptureBox } from '../captures';
import type { BackgroundDeps } from '../deps';
import { autoFillForPage, undoForPage } from '../auto-fill';
import { fillForPage, loadPageRuntime, offerForPage, settleForPage } from '../fills';
import type { AwaitedLoads } from '../load-verdicts';
import type { Handlers } from '../router';
import { isOtherSite } from '../other-sites';
import { Refusal } from '../errors';
import { msg } from '../../i18n';

export function contentHandlers(deps: BackgroundDeps, captures: CaptureBox, loads: AwaitedLoads) {
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
    // Only the site's own paths are kept (the adapter's success paths are local already); the
    // reservation must be this tab's on this origin when the load is judged (settleReservation).
    'content/submitted': async ({ reservationId, successPaths }, caller) => {
      loads.expect(caller.tabId, caller.origin, reservationId, successPaths.filter((p) => p.startsWith('/') && !p.startsWith('//')));
      return { awaiting: true as const };
    },
    // Codes are captured on the pages of the sites Sparekey knows; another site's are pasted.
    'content/codes-seen': async ({ codes, handle }, caller) => {
      if (isOtherSite(caller.site)) throw new Refusal('not-allowed', msg('bgSenderRefused', { reason: 'no capture on another site' }));
      return seeCodes(deps, captures, caller, codes, handle);
    },
    'content/codes-save': ({ captureId, revision }, caller) => savePagesCapture(deps, captures, caller, captureId, revision),
    'content/codes-dismiss': ({ captureId }, caller) => dismissPagesCapture(deps, captures, caller, captureId),
    'content/open-popup': async () => ({ opened: await deps.tabs.openPopup() }),
  } satisfies Partial<Handlers>;
}
