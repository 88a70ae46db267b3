// A reservation whose tab closed or left the site with no outcome becomes "unconfirmed": the
// person resolves it in the popup. Run on tab events and whenever the worker (re)opens the vault,
// so a worker that was dead while the tab closed still reaches the same truth.
import type { BackgroundDeps } from './deps';
import { settleReservation } from './fills';
import { originOf } from './sender';

/** Unconfirms reservations held by `tabId` unless the tab still shows their origin. */
export async function reconcileTab(deps: BackgroundDeps, tabId: number, url: string | undefined): Promise<number> {
  if (!deps.session.isUnlocked()) return 0;
  return deps.queue(async () => {
    const vault = await deps.session.unlocked();
    const origin = originOf(url);
    let settled = 0;
    for (const code of vault.reserved()) {
      const r = code.reservation;
      if (!r || r.tabId !== tabId || (origin !== undefined && r.origin === origin)) continue;
      await settleReservation(deps, vault, r.id, 'unknown');
      settled++;
    }
    if (settled) deps.changed();
    return settled;
  });
}

/** After a restart: every reserved code whose tab is gone or elsewhere becomes unconfirmed. */
export async function reconcileAll(deps: BackgroundDeps): Promise<number> {
  if (!deps.session.isUnlocked()) return 0;
  const vault = await deps.session.unlocked();
  const tabs = new Set(vault.reserved().map((c) => c.reservation?.tabId));
  let settled = 0;
  for (const tabId of tabs) {
    if (tabId === undefined) continue;
    settled += await reconcileTab(deps, tabId, await deps.tabs.url(tabId));
  }
  return settled;
}
