// Browsing and editing the vault from extension pages. Code values leave the worker only when a
// page explicitly asks to reveal them.
import { msg } from '../../i18n';
import { FORMATS, SITES, siteById } from '../../sites/index';
import { OTHER_SITE_ID, otherSite, parseSiteOrigin } from '../../sites/generic/origin';
import { mergeCodes, previewMerge } from '../../vault/merge';
import {
  invalidate,
  markUnusedByHand,
  markUsedByHand,
  resolveUnconfirmed,
} from '../../vault/transitions';
import type { BackgroundDeps } from '../deps';
import { Refusal } from '../errors';
import { newAccount } from '../accounts';
import { accountNamed } from '../../vault/identity';
import type { OpenVault } from '../open-vault';
import type { Handlers } from '../router';
import { detail } from '../account-view';

/** Another site's record from the origin the person named, checked again here (the popup checked it first). */
function otherSiteNamed(origin: string | undefined) {
  const check = parseSiteOrigin(origin ?? '', (o) => SITES.find((s) => s.origins.includes(o))?.name);
  // Exactly the origin, as the popup sends it: never a URL cut down here.
  if (!check.ok || check.origin !== origin) throw new Refusal('invalid', msg('bgBadOrigin'));
  return otherSite(check.origin);
}

export function accountHandlers(deps: BackgroundDeps) {
  const ctx = () => ({ now: deps.now(), newId: deps.newId });
  const vault = () => deps.session.unlocked();
  const change = <T>(task: (v: OpenVault) => Promise<T>) =>
    deps.queue(async () => {
      const result = await task(await vault());
      deps.changed();
      return result;
    });

  return {
    'accounts/list': async () => {
      const v = await vault();
      return v
        .allAccounts()
        .sort((a, b) => a.label.localeCompare(b.label))
        .map((a) => v.summary(a.id));
    },
    'accounts/get': async ({ accountId, reveal }) => detail(await vault(), accountId, reveal),
    'accounts/add': ({ site: siteId, label, origin }) =>
      change(async (v) => {
        const site = siteId === OTHER_SITE_ID ? otherSiteNamed(origin) : siteById(siteId);
        if (!site) throw new Refusal('invalid', msg('bgUnknownSite', { site: siteId }));
        if (accountNamed(v.allAccounts(), site.id, label, site.id === OTHER_SITE_ID ? site.origins[0] : undefined))
          throw new Refusal('conflict', msg('bgAccountExists', { site: site.name, account: label }));
        const account = newAccount(site, label, deps.newId(), deps.now());
        await v.putAccount(account, [
          { id: deps.newId(), at: deps.now(), kind: 'account-added', accountId: account.id },
        ]);
        return v.summary(account.id);
      }),
    'accounts/rename': ({ accountId, label }) =>
      change(async (v) => {
        const account = { ...v.account(accountId), label: label.trim(), updatedAt: deps.now() };
        await v.putAccount(account, [
          { id: deps.newId(), at: deps.now(), kind: 'account-renamed', accountId },
        ]);
        return v.summary(accountId);
      }),
    'accounts/delete': ({ accountId, confirmLabel }) =>
      change(async (v) => {
        const account = v.account(accountId);
        if (confirmLabel !== account.label)
          throw new Refusal('invalid', msg('bgDeleteConfirm'));
        await v.deleteAccount(accountId, [
          { id: deps.newId(), at: deps.now(), kind: 'account-deleted', accountId },
        ]);
        return { deleted: accountId };
      }),
    'codes/add': ({ accountId, values, source }) =>
      change(async (v) => {
        const account = v.account(accountId);
        const result = mergeCodes(account, v.codesOf(accountId), values, {
          ...ctx(),
          source,
          batch: deps.newId(),
          formats: FORMATS,
        });
        await v.apply(account, result);
        return {
          accountId,
          added: result.added.length,
          duplicates: result.duplicates,
          invalid: result.invalid,
          invalidated: result.invalidated.length,
        };
      }),
    // Read-only: the same merge as codes/add on a copy, so the popup shows exactly what Save will
    // invalidate (a batch site's earlier set, X's codes beyond five) before anything happens.
    'codes/preview': async ({ accountId, values }) => {
      const v = await vault();
      const account = v.account(accountId);
      const codes = v.codesOf(accountId);
      const result = previewMerge(account, codes, values, { now: deps.now(), source: 'paste', formats: FORMATS });
      const existing = new Set(codes.map((c) => c.id));
      return {
        adds: result.added.length,
        duplicates: result.duplicates,
        invalid: result.invalid,
        invalidates: result.invalidated.filter((c) => existing.has(c.id)).map((c) => c.seq).sort((a, b) => a - b),
      };
    },
    'codes/set-status': ({ accountId, codeId, status }) =>
      change(async (v) => {
        const account = v.account(accountId);
        const codes = v.codesOf(accountId);
        const code = codes.find((c) => c.id === codeId);
        if (!code) throw new Refusal('not-found', msg('bgNoSuchCode'));
        const c = ctx();
        const result =
          code.status === 'unconfirmed' && status !== 'invalidated'
            ? resolveUnconfirmed(account, codes, codeId, status, c)
            : status === 'used'
              ? markUsedByHand(account, codes, codeId, c)
              : status === 'unused'
                ? markUnusedByHand(account, codes, codeId, c)
                : status === 'invalidated'
                  ? invalidate(account, codes, codeId, c)
                  : (() => {
                      throw new Refusal('conflict', msg('bgOnlyUnconfirmedRejected'));
                    })();
        await v.apply(account, result);
        return detail(v, accountId);
      }),
    'history/list': async ({ accountId, limit }) => {
      const v = await vault();
      const q: { accountId?: string; limit?: number } = { limit: limit ?? 500 };
      if (accountId) q.accountId = accountId;
      const { events, errors } = await v.store.loadEvents(q);
      // An event that fails to open can't be filtered by account, so every damaged one met on the
      // way is named: a log with a hole in it must say so.
      return { events, damaged: errors.map((e) => e.where) };
    },
  } satisfies Partial<Handlers>;
}
