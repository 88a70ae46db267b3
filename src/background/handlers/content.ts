// What a content script on a verified site origin may ask. The router has already checked that
// the sender is our content script in a tab's top frame on an origin a site adapter lists; the
// origin used below is the sender's, never anything from the message body.
import { msg } from '../../i18n';
import type { CaptureSeen, FillGrant, Offer, Outcome } from '../../messages/protocol';
import { formatById, siteById } from '../../sites/index';
import type { SiteInfo } from '../../sites/types';
import { markRejected, markUnconfirmed, markUsed, reserve } from '../../vault/transitions';
import type { Account, Code } from '../../vault/types';
import { accountsFor, pickAccount } from '../accounts';
import { captureLabel } from '../../vault/identity';
import { checkSeen, freshCount, previewCapture, saveCapture } from '../capture-plan';
import type { Capture, CaptureBox } from '../captures';
import type { BackgroundDeps } from '../deps';
import { Refusal } from '../errors';
import { originOf } from '../sender';
import type { OpenVault } from '../open-vault';
import { cooldownFor, releaseHold } from '../release-limit';
import type { ContentCaller, Handlers } from '../router';

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

/** The tab must still show the caller's origin right before a code is released to it. */
async function tabStillOn(deps: BackgroundDeps, caller: ContentCaller): Promise<void> {
  if (originOf(await deps.tabs.url(caller.tabId)) !== caller.origin)
    throw new Refusal('not-allowed', msg('bgTabLeft'));
}

/**
 * Reserves the next code of `account` for one tab and returns its value. One code of an account
 * is out at a time (handing a second tab another code would, under X's rule, let one invalidate
 * the other, and lets a looping page collect codes); the same tab asking again gets its own
 * reservation back. `page`: the request came from a content script, which also waits out the
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
    throw new Refusal('throttled', msg('bgNextCodeWait', { seconds: Math.ceil(hold.waitMs / 1000) }), { retryAfterMs: hold.waitMs });
  }
  const code = codeId ? codes.find((c) => c.id === codeId) : vault.next(account.id);
  if (!code) throw new Refusal('not-found', msg('bgNoCodesLeft', { account: account.label }));
  const result = reserve(account, codes, code.id, { now: deps.now(), newId: deps.newId }, { tabId, origin });
  await vault.apply(account, result);
  const reserved = vault.codesOf(account.id).find((c) => c.id === code.id)!;
  return grantOf(account, reserved);
}

function grantOf(account: Account, code: Code): FillGrant {
  return { value: code.value, reservationId: code.reservation!.id, accountId: account.id, seq: code.seq };
}

/** Applies an outcome to a reservation, refusing one that belongs to another tab or origin. */
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

export function contentHandlers(deps: BackgroundDeps, captures: CaptureBox) {
  const locked: Offer = { state: 'locked', left: 0 };
  return {
    // Nothing of the vault is needed or released: a page that could show a 2FA step or backup
    // codes gets the runtime that looks for them, locked or not.
    'content/load-runtime': async (_body, caller) => {
      await tabStillOn(deps, caller);
      await deps.tabs.loadRuntime(caller.tabId);
      return { loaded: true as const };
    },
    'content/prompt-seen': async ({ accountHint }, caller) => {
      if (!deps.session.isUnlocked() && (await deps.session.state()) !== 'unlocked') return locked;
      return offerFor(await deps.session.unlocked(), caller.site, caller.origin, accountHint, deps.now());
    },
    'content/request-fill': ({ accountHint, accountId }, caller) =>
      deps.queue(async () => {
        const vault = await deps.session.unlocked();
        const candidates = accountsFor(vault, caller.site, caller.origin);
        let account: Account | undefined;
        if (accountId) account = candidates.find((a) => a.id === accountId);
        else {
          const picked = pickAccount(vault, candidates, accountHint);
          if (picked.kind === 'ambiguous')
            throw new Refusal('conflict', msg('bgSeveralAccountsPage'));
          if (picked.kind === 'one') account = picked.account;
        }
        if (!account) throw new Refusal('not-found', msg('bgNoAccountPage', { site: caller.site.name }));
        await tabStillOn(deps, caller);
        const grant = await grantNext(deps, vault, account, caller.tabId, caller.origin, undefined, true);
        deps.changed();
        return { ...grant, autoSubmit: (await deps.settings.get()).autoSubmit };
      }),
    'content/report-outcome': ({ reservationId, outcome }, caller) =>
      deps.queue(async () => {
        const vault = await deps.session.unlocked();
        const account = await settleReservation(deps, vault, reservationId, outcome, caller);
        deps.changed();
        return offerFor(vault, caller.site, caller.origin, account.label, deps.now());
      }),
    'content/codes-seen': ({ codes, handle }, caller): Promise<CaptureSeen> =>
      deps.queue(async () => {
        const format = formatById(caller.site.format);
        const values = [...new Set(codes.map((c) => format.normalize(c)).filter((c): c is string => c !== null))];
        if (values.length === 0) throw new Refusal('invalid', msg('bgNoCodeSeen'));
        checkSeen(caller.site, values);
        const capture: Omit<Capture, 'revision'> = {
          id: deps.newId(),
          tabId: caller.tabId,
          origin: caller.origin,
          site: caller.site.id,
          codes: values,
          seenAt: deps.now(),
        };
        if (handle) capture.handle = handle;
        const kept = caller.site.capture?.kept;
        if (!deps.session.isUnlocked() && (await deps.session.state()) !== 'unlocked') {
          const held = await captures.put(capture, kept);
          deps.changed();
          return { state: 'locked', captureId: held.id, fresh: held.codes.length };
        }
        const vault = await deps.session.unlocked();
        const label = captureLabel(handle, caller.site.name);
        const { fresh } = freshCount(vault, caller.site, caller.origin, handle, values);
        if (fresh === 0) return { state: 'ready', fresh: 0, label };
        const held = await captures.put(capture, kept);
        const pending = freshCount(vault, caller.site, caller.origin, handle, held.codes);
        deps.changed();
        return { state: 'ready', captureId: held.id, fresh: pending.fresh, label, preview: previewCapture(vault, held, deps.now()) };
      }),
    'content/codes-save': ({ captureId, revision }, caller) =>
      deps.queue(async () => {
        const vault = await deps.session.unlocked();
        const capture = await captures.get(captureId);
        if (!capture || capture.tabId !== caller.tabId || capture.origin !== caller.origin)
          throw new Refusal('not-found', msg('bgCaptureGoneReload'));
        const summary = await saveCapture(deps, vault, capture, revision);
        await captures.remove(captureId);
        deps.changed();
        return summary;
      }),
    'content/codes-dismiss': async ({ captureId }, caller) => {
      const capture = await captures.get(captureId);
      if (!capture || capture.tabId !== caller.tabId || capture.origin !== caller.origin)
        throw new Refusal('not-found', msg('bgCaptureGone'));
      await captures.remove(captureId);
      deps.changed();
      return { dismissed: captureId };
    },
    'content/open-popup': async () => ({ opened: await deps.tabs.openPopup() }),
  } satisfies Partial<Handlers>;
}
