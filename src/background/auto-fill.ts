// Auto-fill (issue 14): a backup code filled with no click, decided HERE, not by the page. The page
// runtime asks (content/auto-fill) only after its own checks (content/auto-fill.ts); a page's
// renderer could ask anyway, so every condition the background can see is checked again:
//   1. the step is a backup-code step the adapter named ('backup'; never unknown, app or e-mail);
//   2. the caller is our script in the tab's top frame on the site's exact origin (the router),
//      and the tab still shows that origin;
//   3. the tab is the active tab of the focused window;
//   4. the person turned auto-fill on for this account (its own choice, else its site's);
//   5. exactly one account fits (the identifier typed in this login, or the only one);
//   6. no code of the account is out, in any tab, until its outcome is known; and no automatic
//      fill after a failed one or an Undo (release-limit.ts autoHold): the chip offers, a person clicks.
// What goes out is recorded in the history as filled automatically. Undo gives the code back.
import { msg } from '../i18n';
import type { AutoFillPrefs, ChallengeMode, FillGrant, Offer } from '../messages/protocol';
import { PAGE_SITES } from '../sites/index';
import { REASONS } from '../vault/reasons';
import { release } from '../vault/transitions';
import { accountsFor, pickAccount } from './accounts';
import { autoFillOn, withChoice } from './auto-fill-prefs';
import type { BackgroundDeps } from './deps';
import { Refusal } from './errors';
import { grantNext, offerForPage } from './fills';
import { autoHold } from './release-limit';
import type { ContentCaller } from './router';
import { originOf } from './sender';

/** Why the background refuses an automatic fill, in the order it checks; each has its test. */
export const AUTO_REFUSALS = ['not-backup-step', 'tab-left', 'tab-not-focused', 'off', 'not-one-account', 'code-out', 'after-failure', 'after-undo'] as const;
export type AutoRefusal = (typeof AUTO_REFUSALS)[number];

function refuse(why: AutoRefusal): never {
  // Which rule, never a value: a looping page shows in the log.
  console.warn(`[sparekey] no automatic fill: ${why}`);
  const code = why === 'code-out' || why === 'after-failure' || why === 'after-undo' ? 'conflict' : 'not-allowed';
  throw new Refusal(code, msg('bgAutoFillRefused'));
}

/** content/auto-fill: fills with no click when every condition above holds. */
export function autoFillForPage(
  deps: BackgroundDeps,
  caller: ContentCaller,
  step: { mode: ChallengeMode; accountHint?: string | undefined },
): Promise<FillGrant & { autoSubmit: boolean }> {
  return deps.queue(async () => {
    if (step.mode !== 'backup') refuse('not-backup-step');
    // Read at once (the step is waiting on this answer), then judged in order; nothing is
    // reserved before every check passed, and the tab's origin is read right before that.
    // The vault, the choices and the settings are in memory (remembered.ts); the tab is one look.
    const [vault, tab, prefs, settings] = await Promise.all([
      deps.session.unlocked(),
      deps.tabs.look(caller.tabId),
      deps.autoFill.get(),
      deps.settings.get(),
    ]);
    if (originOf(tab?.url) !== caller.origin) refuse('tab-left');
    if (!tab?.focused) refuse('tab-not-focused');
    const picked = pickAccount(vault, accountsFor(vault, caller.site, caller.origin), step.accountHint);
    if (picked.kind === 'one' && !autoFillOn(prefs, caller.site.id, picked.account.id)) refuse('off');
    if (picked.kind !== 'one') refuse('not-one-account');
    const { account } = picked;
    const hold = autoHold(vault.codesOf(account.id), deps.now());
    if (hold === 'out') refuse('code-out');
    if (hold) refuse(hold);
    const grant = await grantNext(deps, vault, account, caller.tabId, caller.origin, undefined, true, true);
    deps.changed();
    return { ...grant, autoSubmit: settings.autoSubmit };
  });
}

/**
 * content/undo-fill: "Undo" on the chip after an automatic fill. Only this tab's own reservation,
 * and only one that was filled automatically; the code goes back to unused and its history says why.
 */
export async function undoForPage(deps: BackgroundDeps, caller: ContentCaller, reservationId: string): Promise<Offer> {
  await deps.queue(async () => {
    const vault = await deps.session.unlocked();
    const code = vault.findReservation(reservationId);
    if (!code || code.status !== 'reserved') throw new Refusal('not-found', msg('bgFillSettled'));
    if (code.reservation?.tabId !== caller.tabId || code.reservation.origin !== caller.origin)
      throw new Refusal('not-allowed', msg('bgFillOtherTab'));
    if (code.history.at(-1)?.reason !== REASONS.filledAutomatically) throw new Refusal('not-allowed', msg('bgUndoOnlyAuto'));
    const account = vault.account(code.accountId);
    await vault.apply(account, release(account, vault.codesOf(account.id), code.id, reservationId, { now: deps.now(), newId: deps.newId }, REASONS.undone));
    deps.changed();
  });
  return offerForPage(deps, caller);
}

/** autofill/set: one choice, a site's (on or off) or an account's (on, off, or null: as its site). */
export function chooseAutoFill(
  deps: BackgroundDeps,
  choice: { site?: string | undefined; accountId?: string | undefined; on: boolean | null },
): Promise<AutoFillPrefs> {
  const { site, accountId, on } = choice;
  return deps.queue(async () => {
    const prefs = await deps.autoFill.get();
    let next: AutoFillPrefs;
    if (site !== undefined && accountId === undefined && on !== null) {
      if (!PAGE_SITES.some((s) => s.id === site)) throw new Refusal('invalid', msg('bgAutoFillChoice'));
      next = withChoice(prefs, { site, on });
    } else if (accountId !== undefined && site === undefined) {
      // Throws not-found for an account that is not in the vault (and locked while locked).
      (await deps.session.unlocked()).account(accountId);
      next = withChoice(prefs, { accountId, on });
    } else {
      throw new Refusal('invalid', msg('bgAutoFillChoice'));
    }
    await deps.autoFill.set(next);
    deps.changed();
    return next;
  });
}
