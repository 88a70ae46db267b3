// Pending captures and fills started from extension pages (popup, keyboard command, context menu).
import { msg } from '../../i18n';
import type { PendingCapture } from '../../messages/protocol';
import { siteById, siteForOrigin } from '../../sites/index';
import { release } from '../../vault/transitions';
import { accountsFor, pickAccount } from '../accounts';
import type { CaptureBox } from '../captures';
import type { BackgroundDeps } from '../deps';
import { Refusal } from '../errors';
import { originOf } from '../sender';
import type { Handlers } from '../router';
import { grantNext } from './content';
import { freshCount, previewCapture, saveCapture } from '../capture-plan';

/**
 * Fills a code into a tab's 2FA input through its content script. Shared by the popup, the
 * keyboard command and the context menu, so all three pass the same checks as the inline chip:
 * the tab must show an exact site origin, the account must belong to that origin, and the tab is
 * checked again right before the code is released.
 */

export async function fillTab(
  deps: BackgroundDeps,
  tab: { id: number; url?: string } | undefined,
  choice: { accountId?: string; codeId?: string } = {},
): Promise<{ seq: number }> {
  return deps.queue(async () => {
    const origin = originOf(tab?.url);
    const site = origin ? siteForOrigin(origin) : undefined;
    if (!tab || !origin || !site) throw new Refusal('not-allowed', msg('bgNotAFillSite'));
    const vault = await deps.session.unlocked();
    const candidates = accountsFor(vault, site, origin);
    if (originOf(await deps.tabs.url(tab.id)) !== origin)
      throw new Refusal('not-allowed', msg('bgTabChanged'));
    // Asked first, so a tab at no 2FA step reserves nothing (and writes nothing to the history);
    // the identifier typed in this login picks the account as it does for the chip.
    const page = await deps.tabs.pageState(tab.id);
    if (!page.challenge) throw new Refusal('not-found', msg('bgNoCodeField'));
    const picked = choice.accountId
      ? candidates.find((a) => a.id === choice.accountId)
      : (() => {
          const p = pickAccount(vault, candidates, page.accountHint);
          if (p.kind === 'ambiguous') throw new Refusal('conflict', msg('bgSeveralAccountsTab'));
          return p.kind === 'one' ? p.account : undefined;
        })();
    if (!picked) throw new Refusal('not-found', msg('bgNoAccountTab', { site: site.name }));
    const grant = await grantNext(deps, vault, picked, tab.id, origin, choice.codeId);
    const { autoSubmit } = await deps.settings.get();
    const filled = await deps.tabs.fill(tab.id, { ...grant, autoSubmit }).catch(() => false);
    if (!filled) {
      // Nothing reached the page: the code goes back, unburnt.
      const codes = vault.codesOf(picked.id);
      const code = codes.find((c) => c.reservation?.id === grant.reservationId);
      if (code) await vault.apply(picked, release(picked, codes, code.id, grant.reservationId, { now: deps.now(), newId: deps.newId }));
      throw new Refusal('not-found', msg('bgNoCodeField'));
    }
    deps.changed();
    return { seq: grant.seq };
  });
}

export function captureHandlers(deps: BackgroundDeps, captures: CaptureBox) {
  return {
    'captures/list': async (): Promise<PendingCapture[]> => {
      const vault = deps.session.isUnlocked() ? await deps.session.unlocked() : undefined;
      return (await captures.all()).map((c) => {
        // The page's banner counts with the same rule (content/codes-seen): they agree.
        const site = siteById(c.site);
        const fresh = vault && site ? freshCount(vault, site, c.origin, c.handle, c.codes).fresh : c.codes.length;
        const p: PendingCapture = {
          id: c.id,
          tabId: c.tabId,
          origin: c.origin,
          site: c.site,
          fresh,
          seenAt: c.seenAt,
        };
        if (c.handle) p.handle = c.handle;
        if (vault && fresh > 0) p.preview = previewCapture(vault, c, deps.now());
        return p;
      });
    },
    'captures/save': ({ captureId, revision }) =>
      deps.queue(async () => {
        const vault = await deps.session.unlocked();
        const capture = await captures.get(captureId);
        if (!capture) throw new Refusal('not-found', msg('bgCaptureGone'));
        const summary = await saveCapture(deps, vault, capture, revision);
        await captures.remove(captureId);
        deps.changed();
        return summary;
      }),
    'captures/dismiss': async ({ captureId }) => {
      await captures.remove(captureId);
      deps.changed();
      return { dismissed: captureId };
    },
    'fill/active-tab-step': async () => {
      const tab = await deps.tabs.active();
      const origin = originOf(tab?.url);
      if (!tab || !origin || !siteForOrigin(origin)) return { origin: null };
      return { origin: (await deps.tabs.pageState(tab.id)).challenge ? origin : null };
    },
    'fill/active-tab': async ({ accountId, codeId }) => {
      const choice: { accountId?: string; codeId?: string } = {};
      if (accountId) choice.accountId = accountId;
      if (codeId) choice.codeId = codeId;
      return fillTab(deps, await deps.tabs.active(), choice);
    },
  } satisfies Partial<Handlers>;
}
