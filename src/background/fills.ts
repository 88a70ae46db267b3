// The fill pipeline: the one way a backup code reaches a page, whoever asked for it — the chip
// (content/request-fill), the popup's "Fill on this tab" (fill/active-tab), the keyboard command
// and the context menu (outside-fill.ts). Every path takes the same steps: pick the account the
// tab's exact origin allows, check the tab still shows that origin right before anything is
// released, grant the next code (one code of an account out at a time, and the cool-down after a
// failed fill: release-limit.ts), then settle the reservation by what the page reports — or hand
// the code back unburnt when nothing reached the page. Tab closed or moved with no outcome:
// reservations.ts settles it as unconfirmed.
import { msg } from '../i18n';
import type { FillGrant, Offer, Outcome } from '../messages/protocol';
import { siteForOrigin } from '../sites/index';
import type { SiteInfo } from '../sites/types';
import { markRejected, markUnconfirmed, markUsed, release, reserve } from '../vault/transitions';
import type { Account, Code } from '../vault/types';
import { accountsFor, pickAccount } from './accounts';
import type { BackgroundDeps } from './deps';
import { Refusal } from './errors';
import type { OpenVault } from './open-vault';
import { autoFillOn } from './auto-fill-prefs';
import { cooldownFor, releaseHold } from './release-limit';
import type { ContentCaller } from './router';
import { originOf } from './sender';
import { isOtherSite } from './other-sites';

/** What the chip shows for this origin: the account it would fill, a choice, or nothing. */
export function offerFor(vault: OpenVault, site: SiteInfo, origin: string, hint?: string, now?: number): Offer {
  const picked = pickAccount(vault, accountsFor(vault, site, origin), hint);
  if (picked.kind === 'none') return { state: 'none', left: 0 };
  if (picked.kind === 'ambiguous')
    return {
      state: 'choose',
      left: picked.accounts.reduce((n, a) => n + vault.summary(a.id).left, 0),
      choices: picked.accounts.map((a) => ({ accountId: a.id, label: a.label, left: vault.summary(a.id).left })),
    };
  const { account } = picked;
  const left = vault.summary(account.id).left;
  const offer: Offer = { state: left > 0 ? 'ready' : 'none', accountId: account.id, label: account.label, left };
  // After a failed fill the chip waits with the page (release-limit.ts) instead of being refused.
  const waitMs = left > 0 && now !== undefined ? cooldownFor(vault.codesOf(account.id), now) : 0;
  if (waitMs > 0) offer.waitMs = waitMs;
  return offer;
}

/**
 * Step 1, pick: the account named by its id, else the one the login's identifier names (or the
 * only one with codes left). 'several' when the person has to choose.
 */
function chooseAccount(vault: OpenVault, candidates: Account[], accountId: string | undefined, hint: string | undefined): Account | 'several' | undefined {
  if (accountId) return candidates.find((a) => a.id === accountId);
  const picked = pickAccount(vault, candidates, hint);
  if (picked.kind === 'ambiguous') return 'several';
  return picked.kind === 'one' ? picked.account : undefined;
}

/** Step 2, re-check: the tab must still show `origin` right before a code is released to it. */
export async function tabShows(deps: BackgroundDeps, tabId: number, origin: string): Promise<boolean> {
  return originOf(await deps.tabs.url(tabId)) === origin;
}

/**
 * Step 3, grant: reserves the next code of `account` for one tab and returns its value. One code
 * of an account is out at a time (handing a second tab another code would, under X's rule, let one
 * invalidate the other, and lets a looping page collect codes); the same tab asking again gets its
 * own reservation back. `page`: the request came from a content script, which also waits out the
 * cool-down after a failed fill (release-limit.ts).
 */
export async function grantNext(
  deps: BackgroundDeps,
  vault: OpenVault,
  account: Account,
  tabId: number,
  origin: string,
  codeId?: string,
  page = false,
  auto = false,
): Promise<FillGrant> {
  const codes = vault.codesOf(account.id);
  const held = codes.find((c) => c.status === 'reserved');
  if (held?.reservation?.tabId === tabId && held.reservation.origin === origin && (!codeId || codeId === held.id))
    return grantOf(account, held);
  const hold = releaseHold(codes, deps.now(), { tabId, origin }, page) ?? (held ? { kind: 'out' as const } : null);
  if (hold) {
    // No code value here: which account, where, and why, so a looping page shows in the log.
    console.warn(`[sparekey] no code released for account ${account.id} to tab ${tabId} at ${origin}: ${hold.kind === 'out' ? 'another code is out' : `cool-down, ${hold.waitMs} ms left`}`);
    if (hold.kind === 'out') throw new Refusal('conflict', msg('bgCodeInUse', { account: account.label }));
    throw new Refusal('throttled', msg('bgNextCodeWait', { count: Math.ceil(hold.waitMs / 1000) }), { retryAfterMs: hold.waitMs });
  }
  const code = codeId ? codes.find((c) => c.id === codeId) : vault.next(account.id);
  if (!code) throw new Refusal('not-found', msg('bgNoCodesLeft', { account: account.label }));
  const result = reserve(account, codes, code.id, { now: deps.now(), newId: deps.newId }, { tabId, origin, auto });
  await vault.apply(account, result);
  const reserved = vault.codesOf(account.id).find((c) => c.id === code.id)!;
  return grantOf(account, reserved);
}

function grantOf(account: Account, code: Code): FillGrant {
  return { value: code.value, reservationId: code.reservation!.id, accountId: account.id, seq: code.seq };
}

/** Step 4, settle: applies an outcome to a reservation, refusing one of another tab or origin. */
export async function settleReservation(
  deps: BackgroundDeps,
  vault: OpenVault,
  reservationId: string,
  outcome: Outcome,
  by?: { tabId: number; origin: string },
): Promise<Account> {
  const code = vault.findReservation(reservationId);
  if (!code || code.status !== 'reserved') throw new Refusal('not-found', msg('bgFillSettled'));
  if (by && (code.reservation?.tabId !== by.tabId || code.reservation?.origin !== by.origin))
    throw new Refusal('not-allowed', msg('bgFillOtherTab'));
  const account = vault.account(code.accountId);
  const codes = vault.codesOf(account.id);
  const ctx = { now: deps.now(), newId: deps.newId };
  const result =
    outcome === 'accepted'
      ? markUsed(account, codes, code.id, reservationId, ctx, by?.origin)
      : outcome === 'rejected'
        ? markRejected(account, codes, code.id, reservationId, ctx, by?.origin)
        : markUnconfirmed(account, codes, code.id, reservationId, ctx);
  await vault.apply(account, result);
  return account;
}

/** Step 4 when nothing reached the page: the code goes back, unburnt. */
async function releaseGrant(deps: BackgroundDeps, vault: OpenVault, account: Account, grant: FillGrant): Promise<void> {
  const codes = vault.codesOf(account.id);
  const code = codes.find((c) => c.reservation?.id === grant.reservationId);
  if (code) await vault.apply(account, release(account, codes, code.id, grant.reservationId, { now: deps.now(), newId: deps.newId }));
}

/** A page that could show a 2FA step or backup codes gets the runtime that looks for them. */
export async function loadPageRuntime(deps: BackgroundDeps, caller: ContentCaller): Promise<void> {
  if (!(await tabShows(deps, caller.tabId, caller.origin))) throw new Refusal('not-allowed', msg('bgTabLeft'));
  // Another site's page: read only when an account has this exact origin. Locked, the vault cannot
  // say; the origin is granted (the watcher runs nowhere else), which only a person adding such an
  // account did, so the chip may say "locked" there and nothing is released before the unlock.
  if (isOtherSite(caller.site) && deps.session.isUnlocked() && accountsFor(await deps.session.unlocked(), caller.site, caller.origin).length === 0)
    throw new Refusal('not-found', msg('bgNoAccountPage', { site: caller.site.name }));
  await deps.tabs.loadRuntime(caller.tabId);
}

/** The chip's first question (content/prompt-seen): what it would offer, or that it is locked. */
export async function offerForPage(deps: BackgroundDeps, caller: ContentCaller, accountHint?: string): Promise<Offer> {
  if (!deps.session.isUnlocked() && (await deps.session.state()) !== 'unlocked') return { state: 'locked', left: 0 };
  const offer = offerFor(await deps.session.unlocked(), caller.site, caller.origin, accountHint, deps.now());
  return withAutoFill(deps, caller, offer);
}

/** Marks a ready offer whose account has auto-fill on: the page may then ask content/auto-fill. */
async function withAutoFill(deps: BackgroundDeps, caller: ContentCaller, offer: Offer): Promise<Offer> {
  if (offer.state === 'ready' && offer.accountId && autoFillOn(await deps.autoFill.get(), caller.site.id, offer.accountId)) offer.autoFill = true;
  return offer;
}

/** The chip asks for a code (content/request-fill): the content script fills what it gets. */
export function fillForPage(
  deps: BackgroundDeps,
  caller: ContentCaller,
  choice: { accountHint?: string | undefined; accountId?: string | undefined },
): Promise<FillGrant & { autoSubmit: boolean }> {
  return deps.queue(async () => {
    const vault = await deps.session.unlocked();
    const account = chooseAccount(vault, accountsFor(vault, caller.site, caller.origin), choice.accountId, choice.accountHint);
    if (account === 'several') throw new Refusal('conflict', msg('bgSeveralAccountsPage'));
    if (!account) throw new Refusal('not-found', msg('bgNoAccountPage', { site: caller.site.name }));
    if (!(await tabShows(deps, caller.tabId, caller.origin))) throw new Refusal('not-allowed', msg('bgTabLeft'));
    const grant = await grantNext(deps, vault, account, caller.tabId, caller.origin, undefined, true);
    deps.changed();
    return { ...grant, autoSubmit: (await deps.settings.get()).autoSubmit };
  });
}

/** The page reports how the code it was given did (content/report-outcome); the chip's next offer. */
export function settleForPage(deps: BackgroundDeps, caller: ContentCaller, reservationId: string, outcome: Outcome): Promise<Offer> {
  return deps.queue(async () => {
    const vault = await deps.session.unlocked();
    const account = await settleReservation(deps, vault, reservationId, outcome, caller);
    deps.changed();
    return withAutoFill(deps, caller, offerFor(vault, caller.site, caller.origin, account.label, deps.now()));
  });
}

/**
 * Fills a code into a tab's 2FA input through its content script: the popup, the keyboard command
 * and the context menu, so all three pass the same checks as the inline chip: the tab must show an
 * exact site origin, the account must belong to that origin, and the tab is checked again right
 * before the code is released.
 */
export function fillTab(
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
    if (!(await tabShows(deps, tab.id, origin))) throw new Refusal('not-allowed', msg('bgTabChanged'));
    // Asked first, so a tab at no 2FA step reserves nothing (and writes nothing to the history);
    // the identifier typed in this login picks the account as it does for the chip.
    const page = await deps.tabs.pageState(tab.id);
    if (!page.challenge) throw new Refusal('not-found', msg('bgNoCodeField'));
    const account = chooseAccount(vault, candidates, choice.accountId, page.accountHint);
    if (account === 'several') throw new Refusal('conflict', msg('bgSeveralAccountsTab'));
    if (!account) throw new Refusal('not-found', msg('bgNoAccountTab', { site: site.name }));
    const grant = await grantNext(deps, vault, account, tab.id, origin, choice.codeId);
    const { autoSubmit } = await deps.settings.get();
    const filled = await deps.tabs.fill(tab.id, { ...grant, autoSubmit }).catch(() => false);
    if (!filled) {
      await releaseGrant(deps, vault, account, grant);
      throw new Refusal('not-found', msg('bgNoCodeField'));
    }
    deps.changed();
    return { seq: grant.seq };
  });
}

/** The popup's question: the active tab's origin if it shows a 2FA step now, else null. */
export async function activeTabStep(deps: BackgroundDeps): Promise<{ origin: string | null }> {
  const tab = await deps.tabs.active();
  const origin = originOf(tab?.url);
  if (!tab || !origin || !siteForOrigin(origin)) return { origin: null };
  return { origin: (await deps.tabs.pageState(tab.id)).challenge ? origin : null };
}
