// The encrypted repository: accounts, codes and the event log, sealed under the vault key.
import type { IDBPDatabase } from 'idb';
import type { VaultHeader } from '../crypto';
import type { Account, Code, VaultEvent } from '../vault/types';
import { readHeader, replaceHeader } from './header';
import {
  accountRow,
  codeRow,
  eventRow,
  openAccountRow,
  openCodeRow,
  openEach,
  openEventRow,
  type RecordError,
} from './rows';
import { META_KEYS, STORES, type SparekeyDB } from './schema';
import { abortAndSettle } from './transactions';

/** One multi-record change, applied all or nothing. */
export interface VaultChange {
  putAccounts?: readonly Account[];
  putCodes?: readonly Code[];
  /** Deleting an account does not delete its codes: list them in deleteCodeIds. */
  deleteAccountIds?: readonly string[];
  deleteCodeIds?: readonly string[];
  /** Appended to the log. An id that already exists fails the whole change: the log is append-only. */
  events?: readonly VaultEvent[];
}

export interface LoadedVault {
  accounts: Account[];
  codes: Code[];
  /** Records that failed to open, each naming its `store/id`. They are left as they are. */
  errors: RecordError[];
}

export interface LoadEventsQuery {
  accountId?: string;
  /** At most this many events (the newest). */
  limit?: number;
}

export class VaultStore {
  constructor(
    private readonly db: IDBPDatabase<SparekeyDB>,
    private readonly vaultKey: Uint8Array,
  ) {}

  readHeader(): Promise<VaultHeader | undefined> {
    return readHeader(this.db);
  }

  /** See store/header.ts: one put, so an interrupted passphrase change keeps the old one. */
  replaceHeader(header: VaultHeader): Promise<void> {
    return replaceHeader(this.db, header);
  }

  /** Every account and code, read in one transaction (a consistent snapshot). */
  async loadAll(): Promise<LoadedVault> {
    const tx = this.db.transaction([STORES.accounts, STORES.codes], 'readonly');
    const [accountRows, codeRows] = await Promise.all([
      tx.objectStore(STORES.accounts).getAll(),
      tx.objectStore(STORES.codes).getAll(),
      tx.done,
    ]);
    const accounts = openEach(accountRows, (row) => openAccountRow(this.vaultKey, row));
    const codes = openEach(codeRows, (row) => openCodeRow(this.vaultKey, row));
    return { accounts: accounts.values, codes: codes.values, errors: [...accounts.errors, ...codes.errors] };
  }

  /**
   * Applies `change` in ONE readwrite transaction: deletes, then puts, then appended events.
   * Every record is sealed before the transaction opens; if any request fails, the transaction
   * is aborted and nothing of the change is written.
   */
  async commit(change: VaultChange): Promise<void> {
    const key = this.vaultKey;
    const accounts = (change.putAccounts ?? []).map((account) => accountRow(key, account));
    const codes = (change.putCodes ?? []).map((code) => codeRow(key, code));
    const events = (change.events ?? []).map((event) => eventRow(key, event));

    const tx = this.db.transaction([STORES.accounts, STORES.codes, STORES.events], 'readwrite');
    const pending: Promise<unknown>[] = [];
    try {
      const accountStore = tx.objectStore(STORES.accounts);
      const codeStore = tx.objectStore(STORES.codes);
      const eventStore = tx.objectStore(STORES.events);
      for (const id of change.deleteAccountIds ?? []) pending.push(accountStore.delete(id));
      for (const id of change.deleteCodeIds ?? []) pending.push(codeStore.delete(id));
      for (const row of accounts) pending.push(accountStore.put(row));
      for (const row of codes) pending.push(codeStore.put(row));
      for (const row of events) pending.push(eventStore.add(row));
      await Promise.all([...pending, tx.done]);
    } catch (error) {
      await abortAndSettle(tx, pending);
      throw error;
    }
  }

  /** Events, newest first, optionally for one account and at most `limit` of them. */
  async loadEvents(query: LoadEventsQuery = {}): Promise<{ events: VaultEvent[]; errors: RecordError[] }> {
    const { accountId, limit = Number.POSITIVE_INFINITY } = query;
    const events: VaultEvent[] = [];
    const errors: RecordError[] = [];
    if (limit <= 0) return { events, errors };
    // The account id is inside the sealed event, so filtering means opening each one, newest
    // first, until enough match.
    const tx = this.db.transaction(STORES.events, 'readonly');
    let cursor = await tx.store.openCursor(null, 'prev');
    while (cursor !== null && events.length < limit) {
      const opened = openEach([cursor.value], (row) => openEventRow(this.vaultKey, row));
      errors.push(...opened.errors);
      for (const event of opened.values) {
        if (accountId === undefined || event.accountId === accountId) events.push(event);
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return { events, errors };
  }

  /**
   * Sync's join (issue 16, item 4): this device's vault becomes the synced one, under its header
   * and key, holding `vault` (already merged with this device's own). One transaction, so a worker
   * killed half-way leaves the old vault as it was.
   */
  static async replaceVault(
    db: IDBPDatabase<SparekeyDB>,
    header: VaultHeader,
    vaultKey: Uint8Array,
    vault: { accounts: readonly Account[]; codes: readonly Code[]; events: readonly VaultEvent[] },
  ): Promise<void> {
    const accounts = vault.accounts.map((a) => accountRow(vaultKey, a));
    const codes = vault.codes.map((c) => codeRow(vaultKey, c));
    const events = vault.events.map((e) => eventRow(vaultKey, e));
    const tx = db.transaction([STORES.meta, STORES.accounts, STORES.codes, STORES.events], 'readwrite');
    const pending: Promise<unknown>[] = [];
    try {
      for (const name of [STORES.accounts, STORES.codes, STORES.events] as const) pending.push(tx.objectStore(name).clear());
      pending.push(tx.objectStore(STORES.meta).put(header, META_KEYS.header));
      for (const row of accounts) pending.push(tx.objectStore(STORES.accounts).put(row));
      for (const row of codes) pending.push(tx.objectStore(STORES.codes).put(row));
      for (const row of events) pending.push(tx.objectStore(STORES.events).put(row));
      await Promise.all([...pending, tx.done]);
    } catch (error) {
      await abortAndSettle(tx, pending);
      throw error;
    }
  }

  /** Deletes everything, header included, in one transaction. */
  async wipe(): Promise<void> {
    const names = [STORES.meta, STORES.accounts, STORES.codes, STORES.events] as const;
    const tx = this.db.transaction(names, 'readwrite');
    await Promise.all([...names.map((name) => tx.objectStore(name).clear()), tx.done]);
  }
}
