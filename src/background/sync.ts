// Sync through the browser's storage.sync (issue 16): glue between the open vault, the item format
// (src/sync) and the merge (src/vault/sync-merge.ts). While unlocked, every change schedules a
// flush (pace.ts: debounced, inside Chrome's write limits) that reads what sync holds, merges it in
// (so another device's changes arrive here too), commits the merge locally and writes the changed
// items. While locked nothing can be read or sealed: the next unlock runs a flush first.
import { parseVaultHeader, type VaultHeader } from '../crypto';
import { msg } from '../i18n';
import type { SyncStatus } from '../messages/protocol';
import { VaultStore } from '../store';
import {
  HEADER_KEY,
  SKIP_REASONS,
  SYNC_BUDGET_BYTES,
  decodeSync,
  isEmptyChange,
  localChange,
  nextFlushAt,
  planSyncWrite,
  recentFlushes,
  slotKey,
  slotOf,
  type DecodedSync,
} from '../sync';
import { mergeVaults, type SyncVault, type Tombstone } from '../vault/sync-merge';
import type { BackgroundDeps } from './deps';
import { Refusal } from './errors';
import type { OpenVault } from './open-vault';
import type { Stored } from './storage-item';
import type { SyncState } from './sync-state';

/** storage.sync, as sync needs it: small, so tests can fake it. */
export interface SyncArea {
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncDeps {
  area: SyncArea;
  state: Stored<SyncState>;
  /** setTimeout, for the debounced flush. */
  later: (fn: () => void, ms: number) => void;
}

async function localVault(vault: OpenVault): Promise<SyncVault> {
  const accounts = vault.allAccounts();
  const { events } = await vault.store.loadEvents();
  return { accounts, codes: accounts.flatMap((a) => vault.codesOf(a.id)), events, tombstones: [] };
}

function parsedOrUndefined(raw: unknown): VaultHeader | undefined {
  try {
    return raw === undefined ? undefined : parseVaultHeader(raw);
  } catch {
    return undefined;
  }
}

export class Sync {
  private timer = false;

  constructor(
    private readonly deps: BackgroundDeps,
    private readonly sync: SyncDeps,
  ) {}

  async status(): Promise<SyncStatus> {
    const s = await this.sync.state.get();
    const status: SyncStatus = { enabled: s.enabled, budget: SYNC_BUDGET_BYTES, skipped: s.skipped };
    if (s.bytes !== undefined) status.bytes = s.bytes;
    if (s.tooBig) status.tooBig = s.tooBig;
    if (s.lastSyncAt !== undefined) status.lastSyncAt = s.lastSyncAt;
    return status;
  }

  /** A change (local or from sync): flush once the pace allows. */
  soon(): void {
    if (this.timer) return;
    void this.sync.state.get().then((s) => {
      if (!s.enabled || this.timer) return;
      const now = this.deps.now();
      this.timer = true;
      this.sync.later(() => {
        this.timer = false;
        void this.flush().catch(() => undefined);
      }, Math.max(0, nextFlushAt(recentFlushes(s.flushes, now), now) - now));
    });
  }

  /** Pull, merge, commit here, push: in the vault's queue, between its other changes. */
  flush(): Promise<void> {
    return this.deps.queue(() => this.flushNow());
  }

  private async flushNow(): Promise<void> {
    const state = await this.sync.state.get();
    if (!state.enabled || !this.deps.session.isUnlocked()) return;
    const vault = await this.deps.session.unlocked();
    const key = await this.deps.session.vaultKey();
    const local0 = await this.deps.session.header();
    if (!key || !local0) return;
    const remote = await this.sync.area.getAll();
    const decoded = await decodeSync(key, remote);
    const synced = decoded.header;
    if (remote[HEADER_KEY] !== undefined && (!synced || synced.createdAt !== local0.createdAt)) {
      // Another vault took the synced place (or its header is damaged): nothing is merged or
      // written until the person joins it again from Settings.
      await this.sync.state.set({ ...state, enabled: false });
      return;
    }
    // The passphrase changed on another device (its header differs, and ours is the one we last
    // synced): once the index, sealed under the vault key, vouches for that header, it replaces
    // ours, so the next unlock here asks for the new passphrase. Not vouched for yet (the index is
    // still on its way): left in sync, and tried at the next unlock (session.ts). Changed here
    // since the last sync: ours goes up.
    let header = local0;
    const changedElsewhere = synced !== undefined && synced.salt !== header.salt && header.salt === state.headerSalt;
    if (changedElsewhere && decoded.vouchedSalt === synced.salt) {
      await vault.store.replaceHeader(synced);
      header = synced;
    }
    const headerToWrite = changedElsewhere ? synced : header;
    // Vouch only for a header this device has verified: its own, or one an authentic index named.
    const vouch = changedElsewhere && header !== synced ? (decoded.vouchedSalt ?? local0.salt) : header.salt;

    const local = await localVault(vault);
    const sk = slotKey(key);
    const here = new Set(local.accounts.map((a) => a.id));
    const known = new Set(state.knownSlots);
    const deletedHere: Tombstone[] = decoded.vault.accounts
      .filter((a) => !here.has(a.id) && known.has(slotOf(sk, a.id)))
      .map((a) => ({ accountId: a.id, at: this.deps.now() }));
    const merged = mergeVaults({ ...local, tombstones: deletedHere }, decoded.vault);
    const change = localChange(local, merged);
    if (!isEmptyChange(change)) {
      await vault.store.commit(change);
      await this.deps.session.reload();
    }
    const plan = await planSyncWrite(key, headerToWrite, merged, remote, decoded, vouch);
    const next: SyncState = {
      ...state,
      knownSlots: merged.accounts.map((a) => slotOf(sk, a.id)),
      skipped: countSkipped(decoded),
      headerSalt: header.salt,
      lastSyncAt: this.deps.now(),
    };
    if (plan.ok) {
      if (Object.keys(plan.set).length > 0) await this.sync.area.set(plan.set);
      if (plan.remove.length > 0) await this.sync.area.remove(plan.remove);
      if (Object.keys(plan.set).length + plan.remove.length > 0) next.flushes = [...recentFlushes(state.flushes, this.deps.now()), this.deps.now()];
      next.bytes = plan.bytes;
      delete next.tooBig;
    } else {
      next.tooBig = { bytes: plan.bytes };
    }
    await this.sync.state.set(next);
    if (!isEmptyChange(change)) this.deps.changed();
  }

  /**
   * Turns sync on: with nothing synced yet or this same vault synced, at once. With another
   * device's vault synced, this device joins it: `passphrase` must open it and this vault alike;
   * this vault's accounts are merged into the synced one, which becomes the vault here.
   */
  async enable(passphrase?: string): Promise<SyncStatus> {
    const joinNeeded = await this.deps.queue(async () => {
      await this.deps.session.unlocked();
      const header = await this.deps.session.header();
      const remote = await this.sync.area.getAll();
      const synced = parsedOrUndefined(remote[HEADER_KEY]);
      if (remote[HEADER_KEY] !== undefined && !synced) throw new Refusal('conflict', msg('bgSyncHeaderDamaged'));
      const state = await this.sync.state.get();
      if (!synced || synced.createdAt === header?.createdAt) {
        await this.sync.state.set({ ...state, enabled: true, headerSalt: synced?.salt ?? header?.salt });
        return false;
      }
      if (passphrase === undefined) return true;
      await this.join(synced, passphrase, remote);
      return false;
    });
    if (joinNeeded) return { ...(await this.status()), joinNeeded: true };
    await this.flush();
    this.deps.changed();
    return this.status();
  }

  private async join(synced: VaultHeader, passphrase: string, remote: Record<string, unknown>): Promise<void> {
    const { session } = this.deps;
    const keys = await session.joinKeys(synced, passphrase, () => msg('bgSyncDifferentPassphrase'));
    keys.local.fill(0);
    const decoded = await decodeSync(keys.synced, remote);
    const merged = mergeVaults(await localVault(await session.unlocked()), decoded.vault);
    const plan = await planSyncWrite(keys.synced, synced, merged, remote, decoded);
    if (!plan.ok) throw new Refusal('invalid', msg('bgSyncTooBig', { size: kB(plan.bytes), limit: kB(SYNC_BUDGET_BYTES) }));
    // Sync first: a worker killed after it leaves this device's old vault intact, to join again.
    if (Object.keys(plan.set).length > 0) await this.sync.area.set(plan.set);
    if (plan.remove.length > 0) await this.sync.area.remove(plan.remove);
    await VaultStore.replaceVault(await session.database(), synced, keys.synced, merged);
    await session.switchTo(keys.synced);
    const sk = slotKey(keys.synced);
    const state = await this.sync.state.get();
    await this.sync.state.set({
      ...state,
      enabled: true,
      headerSalt: synced.salt,
      knownSlots: merged.accounts.map((a) => slotOf(sk, a.id)),
      skipped: countSkipped(decoded),
      bytes: plan.bytes,
      lastSyncAt: this.deps.now(),
    });
  }

  async disable(): Promise<SyncStatus> {
    const state = await this.sync.state.get();
    await this.sync.state.set({ ...state, enabled: false });
    return this.status();
  }
}

/**
 * The header in sync when it is not this device's (another device changed the passphrase), for
 * the unlock to try (session.ts checks that the key it unwraps opens this vault's records).
 */
export async function syncedHeaderFor(sync: Pick<SyncDeps, 'area' | 'state'>): Promise<VaultHeader | undefined> {
  if (!(await sync.state.get()).enabled) return undefined;
  return parsedOrUndefined((await sync.area.getAll())[HEADER_KEY]);
}

function countSkipped(decoded: DecodedSync): number {
  return decoded.skipped.filter((s) => s.reason !== SKIP_REASONS.incomplete).length;
}

/** Bytes as whole kilobytes (1,000), as the quota's figures are said. */
export function kB(bytes: number): number {
  return Math.ceil(bytes / 1000);
}
