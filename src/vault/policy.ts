// What each policy allows, as pure queries over an account's codes.
//   ordered   (X): use codes in generation order; at most `maxActive` active, a newer one
//              invalidates the oldest; using code k invalidates every active code before k.
//   any-order: each code once, in any order.
//   batch     (GitHub, GitLab, Google, …): each code once, in any order within a set; the site
//              makes a whole new set on request and that kills every unused code of the old one,
//              so the account's current batch is the only one with active codes.
//   single:   one current code; a new one replaces the old.
import { VaultError } from './errors';
import { REASONS } from './reasons';
import { isActive } from './status';
import { CODE_STATUSES, type Account, type Code, type CodeStatus, type Policy } from './types';

export function codesOf(account: Pick<Account, 'id'>, codes: readonly Code[]): Code[] {
  return codes.filter((c) => c.accountId === account.id);
}

/** A code of this account, or a typed error saying why not. */
export function findCode(account: Pick<Account, 'id'>, codes: readonly Code[], codeId: string): Code {
  const code = codes.find((c) => c.id === codeId);
  if (!code) throw new VaultError('not-found', `No code with id ${codeId}.`, { codeId });
  if (code.accountId !== account.id) {
    throw new VaultError('wrong-account', `Code ${codeId} belongs to another account.`, { codeId });
  }
  return code;
}

/** How many codes may be active at once; Infinity when the policy sets no limit. */
export function activeLimit(policy: Policy): number {
  if (policy.kind === 'single') return 1;
  if (policy.kind === 'ordered' && policy.maxActive !== undefined) return Math.max(1, policy.maxActive);
  return Infinity;
}

const bySeq = (a: Code, b: Code) => a.seq - b.seq;

/** The code to offer: the oldest unused one. Reserved codes are locked by another fill. */
export function nextCode(account: Pick<Account, 'id'>, codes: readonly Code[]): Code | undefined {
  return codesOf(account, codes)
    .filter((c) => c.status === 'unused')
    .sort(bySeq)[0];
}

/**
 * The codes that using `codeId` would invalidate, oldest first, so the popup can warn before
 * anything happens. Only the ordered policy invalidates on use.
 */
export function previewUse(account: Account, codes: readonly Code[], codeId: string): Code[] {
  const target = findCode(account, codes, codeId);
  if (account.policy.kind !== 'ordered') return [];
  return codesOf(account, codes)
    .filter((c) => c.id !== target.id && c.seq < target.seq && isActive(c.status))
    .sort(bySeq);
}

export type CodeCounts = Record<CodeStatus, number> & {
  /** Codes still on offer: the unused ones. */
  left: number;
  total: number;
};

export function counts(codes: readonly Code[]): CodeCounts {
  const byStatus = Object.fromEntries(CODE_STATUSES.map((s) => [s, 0])) as Record<CodeStatus, number>;
  for (const c of codes) byStatus[c.status] += 1;
  return { ...byStatus, left: byStatus.unused, total: codes.length };
}

/**
 * batch: the account's current set, the batch of its newest code (highest seq: a merge numbers
 * its codes after every code the account holds). Undefined for an account with no codes.
 */
export function currentBatch(account: Pick<Account, 'id'>, codes: readonly Code[]): string | undefined {
  return codesOf(account, codes).sort(bySeq).at(-1)?.batch;
}

export interface Invalidation {
  code: Code;
  reason: typeof REASONS.invalidatedByUse | typeof REASONS.invalidatedByNewer | typeof REASONS.invalidatedByNewBatch;
  /** The code whose use or arrival invalidates this one. */
  bySeq: number;
}

/**
 * What the policy requires now: for `ordered`, every active code older than the newest used one;
 * for `batch`, every active code outside the current batch (by the current batch's first code);
 * then, beyond the active limit, the oldest active codes (each pushed out by the code `limit`
 * places newer). Empty when the account already obeys its policy.
 */
export function requiredInvalidations(account: Account, codes: readonly Code[]): Invalidation[] {
  const own = codesOf(account, codes).sort(bySeq);
  const out: Invalidation[] = [];
  let active = own.filter((c) => isActive(c.status));
  if (account.policy.kind === 'ordered') {
    const lastUsed = own.filter((c) => c.status === 'used').at(-1);
    if (lastUsed) {
      for (const c of active) {
        if (c.seq < lastUsed.seq) out.push({ code: c, reason: REASONS.invalidatedByUse, bySeq: lastUsed.seq });
      }
      active = active.filter((c) => c.seq > lastUsed.seq);
    }
  }
  if (account.policy.kind === 'batch') {
    const current = own.at(-1)?.batch;
    const first = own.find((c) => c.batch === current);
    for (const c of active) {
      if (c.batch !== current) out.push({ code: c, reason: REASONS.invalidatedByNewBatch, bySeq: first!.seq });
    }
    active = active.filter((c) => c.batch === current);
  }
  const limit = activeLimit(account.policy);
  for (let i = 0; i + limit < active.length; i++) {
    out.push({ code: active[i]!, reason: REASONS.invalidatedByNewer, bySeq: active[i + limit]!.seq });
  }
  return out;
}
