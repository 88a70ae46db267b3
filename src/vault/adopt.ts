// An account keeps the policy it was created with (newAccount copies the site's). When a later
// release learns more about a site, here that GitHub, GitLab, Google, … regenerate their codes as
// a set (`batch`, where they were `any-order` before), the stored account adopts it at unlock.
//
// Under any-order Sparekey never kept sets apart: codes pasted in two parts may well be one set,
// and invalidating some of them unseen could throw away codes the site still accepts. So the
// account's codes become one batch (the newest code's) and nothing is invalidated now; the next
// new set invalidates them all, and the person sees that before saving it.
import type { TransitionResult, VaultCtx } from './context';
import { EVENT_KINDS } from './moves';
import { codesOf, currentBatch } from './policy';
import type { Account, Code, Policy } from './types';

export interface Adoption {
  account: Account;
  result: TransitionResult;
}

/** The account under `sitePolicy`, when it must change; null when the stored policy stands. */
export function adoptSitePolicy(
  account: Account,
  codes: readonly Code[],
  sitePolicy: Policy | undefined,
  ctx: VaultCtx,
): Adoption | null {
  if (account.policy.kind !== 'any-order' || sitePolicy?.kind !== 'batch') return null;
  const own = codesOf(account, codes);
  const current = currentBatch(account, own);
  const changed = own.filter((c) => c.batch !== current).map((c): Code => ({ ...c, batch: current! }));
  const byId = new Map(changed.map((c) => [c.id, c]));
  return {
    account: { ...account, policy: { ...sitePolicy } },
    result: {
      codes: codes.map((c) => byId.get(c.id) ?? c),
      changed,
      events: [
        {
          id: ctx.newId(),
          at: ctx.now,
          kind: EVENT_KINDS.policyChanged,
          accountId: account.id,
          detail: { from: account.policy.kind, to: sitePolicy.kind, regrouped: changed.length },
        },
      ],
    },
  };
}
