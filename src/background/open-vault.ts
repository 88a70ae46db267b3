// The unlocked vault in the worker's memory: every account and code decrypted once at unlock,
// written through to IndexedDB on each change (the store stays the truth; memory is rebuilt from
// it whenever the worker restarts). Changes go to the store first and reach memory only once the
// transaction has committed, so a failed write never leaves memory ahead of disk.

import { msg } from '../i18n';
import { siteById } from '../sites/index';
import { adoptSitePolicy } from '../vault/adopt';
import type { TransitionResult } from '../vault/context';
import { codesOf, counts, nextCode } from '../vault/policy';
import type { Account, Code, VaultEvent } from '../vault/types';
import type { VaultStore } from '../store';
import type { AccountSummary } from '../messages/protocol';
import { Refusal } from './errors';
import { createIdSource } from './ids';

export class OpenVault {
  private readonly accounts = new Map<string, Account>();
  private readonly codes = new Map<string, Code[]>();

  private constructor(
    readonly store: VaultStore,
    /** store/id of records that could not be opened; left untouched on disk. */
    readonly damaged: string[],
  ) {}

  static async load(store: VaultStore, now: () => number = Date.now): Promise<OpenVault> {
    const { accounts, codes, errors } = await store.loadAll();
    const vault = new OpenVault(store, errors.map((e) => e.where ?? e.message));
    for (const a of accounts) vault.accounts.set(a.id, a);
    for (const c of codes) {
      const list = vault.codes.get(c.accountId) ?? [];
      list.push(c);
      vault.codes.set(c.accountId, list);
    }
    for (const list of vault.codes.values()) list.sort((a, b) => a.seq - b.seq);
    await vault.adoptSitePolicies(now);
    return vault;
  }

  /**
   * Accounts stored under a policy their site has since replaced (vault/adopt.ts) take the new
   * one, written in one transaction before the vault is used: an account stored as `batch` never
   * sits on disk beside codes still grouped the old way. Also after a restore, which may bring
   * accounts saved under the old policy.
   */
  async adoptSitePolicies(now: () => number): Promise<void> {
    const ctx = { now: now(), newId: createIdSource(now) };
    const writes = [...this.accounts.values()].flatMap((a) => {
      const adopted = adoptSitePolicy(a, this.codesOf(a.id), siteById(a.site)?.policy, ctx);
      return adopted ? [adopted] : [];
    });
    if (writes.length > 0) await this.applyAll(writes);
  }

  allAccounts(): Account[] {
    return [...this.accounts.values()];
  }

  account(id: string): Account {
    const a = this.accounts.get(id);
    if (!a) throw new Refusal('not-found', msg('bgNoSuchAccount'));
    return a;
  }

  codesOf(accountId: string): Code[] {
    return this.codes.get(accountId) ?? [];
  }

  /** Every reserved code, for reconciling reservations with tabs. */
  reserved(): Code[] {
    return [...this.codes.values()].flat().filter((c) => c.status === 'reserved');
  }

  findReservation(reservationId: string): Code | undefined {
    for (const list of this.codes.values())
      for (const c of list) if (c.reservation?.id === reservationId) return c;
    return undefined;
  }

  summary(accountId: string): AccountSummary {
    const a = this.account(accountId);
    const codes = this.codesOf(accountId);
    const c = counts(codes);
    return {
      id: a.id,
      site: a.site,
      label: a.label,
      origins: [...a.origins],
      policy: a.policy,
      counts: {
        unused: c.unused,
        reserved: c.reserved,
        unconfirmed: c.unconfirmed,
        used: c.used,
        rejected: c.rejected,
        invalidated: c.invalidated,
      },
      left: c.unused,
      total: codes.length,
      unconfirmed: c.unconfirmed,
    };
  }

  next(accountId: string): Code | undefined {
    return nextCode(this.account(accountId), this.codesOf(accountId));
  }

  /** Writes a rule's result for one account in one transaction, then updates memory. */
  async apply(account: Account, result: TransitionResult, extraEvents: VaultEvent[] = []): Promise<void> {
    await this.applyAll([{ account, result }], extraEvents);
  }

  /**
   * Several accounts' results and extra log entries in ONE transaction, then memory: a restore
   * that touches many accounts is all or nothing, so a worker killed halfway leaves no account
   * restored without the log entries that say so.
   */
  async applyAll(
    writes: ReadonlyArray<{ account: Account; result: TransitionResult }>,
    extraEvents: readonly VaultEvent[] = [],
  ): Promise<void> {
    const stamped = writes.map(({ account, result }) => ({
      account: { ...account, updatedAt: Math.max(account.updatedAt, ...result.events.map((e) => e.at)) },
      result,
    }));
    await this.store.commit({
      putAccounts: stamped.map((w) => w.account),
      putCodes: stamped.flatMap((w) => w.result.changed),
      events: [...stamped.flatMap((w) => w.result.events), ...extraEvents],
    });
    for (const { account, result } of stamped) {
      this.accounts.set(account.id, account);
      this.codes.set(account.id, codesOf(account, result.codes).sort((a, b) => a.seq - b.seq));
    }
  }

  async putAccount(account: Account, events: VaultEvent[]): Promise<void> {
    await this.store.commit({ putAccounts: [account], events });
    this.accounts.set(account.id, account);
    if (!this.codes.has(account.id)) this.codes.set(account.id, []);
  }

  async deleteAccount(accountId: string, events: VaultEvent[]): Promise<void> {
    const codeIds = this.codesOf(accountId).map((c) => c.id);
    await this.store.commit({ deleteAccountIds: [accountId], deleteCodeIds: codeIds, events });
    this.accounts.delete(accountId);
    this.codes.delete(accountId);
  }
}
