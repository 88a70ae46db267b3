// A site that answers its 2FA form with a new document (GitHub's form post) cannot report the
// outcome from the page that was filled: that page is gone by then. The content script tells us
// at the submit (content/submitted); the tab's next completed load is judged here by the site's
// verdictAfterLoad, from the URL alone (src/sites/github/adapter.ts says why that is enough).
// Held in memory: a worker that dies in between leaves the code reserved to the tab, which
// reconcileTab settles as unconfirmed when the tab closes or leaves the site.
import { adapterForOrigin, siteForOrigin } from '../sites/index';
import type { Outcome } from '../messages/protocol';
import type { BackgroundDeps } from './deps';
import { settleReservation } from './fills';
import { originOf } from './sender';

/** Longer than any form post takes; an entry this old is about a load that never came. */
export const AWAIT_LOAD_MS = 60_000;

interface Awaited {
  reservationId: string;
  origin: string;
  successPaths: readonly string[];
  at: number;
}

export class AwaitedLoads {
  readonly #byTab = new Map<number, Awaited>();

  constructor(private readonly now: () => number) {}

  /** The step filled in `tabId` was submitted: its next load decides. A newer submit replaces an older one. */
  expect(tabId: number, origin: string, reservationId: string, successPaths: readonly string[]): void {
    this.#byTab.set(tabId, { reservationId, origin, successPaths: [...successPaths], at: this.now() });
  }

  /** What the tab's load of `url` says of the awaited code, once; undefined when nothing is awaited. */
  take(tabId: number, url: string | undefined): { reservationId: string; origin: string; outcome: Outcome } | undefined {
    const awaited = this.#byTab.get(tabId);
    if (!awaited) return undefined;
    this.#byTab.delete(tabId);
    if (this.now() - awaited.at > AWAIT_LOAD_MS) return undefined;
    // Another origin of the same site counts: Google's sign-in on accounts.google.com continues to
    // myaccount.google.com. Anywhere else is 'left'.
    const landed = url !== undefined ? originOf(url) : undefined;
    const verdict =
      url !== undefined && landed !== undefined && (landed === awaited.origin || siteForOrigin(awaited.origin)?.origins.includes(landed))
        ? adapterForOrigin(awaited.origin)?.verdictAfterLoad?.(new URL(url), awaited.successPaths)
        : 'left';
    const outcome: Outcome = verdict === 'accepted' ? 'accepted' : verdict === 'rejected' ? 'rejected' : 'unknown';
    return { reservationId: awaited.reservationId, origin: awaited.origin, outcome };
  }

  /** Whether a submit in `tabId` waits for its load to be judged (and is not too old to be). */
  awaits(tabId: number): boolean {
    const awaited = this.#byTab.get(tabId);
    return awaited !== undefined && this.now() - awaited.at <= AWAIT_LOAD_MS;
  }

  forget(tabId: number): void {
    this.#byTab.delete(tabId);
  }
}

/** The tab finished loading `url`: settles the code it awaited, if any. A code settled meanwhile (in the page) is left as it is. */
export async function judgeLoad(deps: BackgroundDeps, loads: AwaitedLoads, tabId: number, url: string | undefined): Promise<Outcome | undefined> {
  const judged = loads.take(tabId, url);
  if (!judged || !deps.session.isUnlocked()) return undefined;
  return deps.queue(async () => {
    const vault = await deps.session.unlocked();
    try {
      await settleReservation(deps, vault, judged.reservationId, judged.outcome, { tabId, origin: judged.origin });
    } catch {
      return undefined;
    }
    deps.changed();
    return judged.outcome;
  });
}
