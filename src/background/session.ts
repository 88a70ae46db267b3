// Lock state. The vault key exists in two places only while unlocked: this worker's memory and
// storage.session (memory-only, trusted contexts), so a killed worker — Chrome's service worker,
// Firefox's event page — comes back unlocked without asking again. Lock, auto-lock and a browser
// restart leave neither. The passphrase itself is never kept.

import type { IDBPDatabase } from 'idb';
import {
  DEFAULT_KDF,
  createVault,
  deriveKey,
  fromBase64,
  parseVaultHeader,
  rewrapVault,
  toBase64,
  unlockVault,
  type Derive,
  type KdfParams,
  type VaultHeader,
} from '../crypto';
import { createHeader, readHeader, replaceHeader, VaultStore, type SparekeyDB } from '../store';
import { msg, type Localized } from '../i18n';
import { estimateStrength } from '../passphrase/strength';
import { strengthMessage } from '../passphrase/text';
import type { VaultState } from '../messages/protocol';
import type { KeyValue } from './browser-storage';
import { Refusal } from './errors';
import { recordFailure, waitRemaining, type ThrottleState } from './throttle';
import { OpenVault } from './open-vault';
import { storedIn, type Stored } from './storage-item';
import { STORED } from './stored';

/** A wrong passphrase, said two ways: try again now, or wait this many seconds first. */
interface WrongWords {
  again(): Localized;
  wait(seconds: number): Localized;
}
const WRONG_PASSPHRASE: WrongWords = {
  again: () => msg('errorWrongPassphrase'),
  wait: (seconds) => msg('errorWrongPassphraseWait', { count: seconds }),
};
const WRONG_CURRENT: WrongWords = {
  again: () => msg('bgCurrentPassphraseWrong'),
  wait: (seconds) => msg('bgCurrentPassphraseWrongWait', { count: seconds }),
};
const WRONG_FOR_BACKUP: WrongWords = {
  again: () => msg('bgBackupWrongPassphrase'),
  wait: (seconds) => msg('bgBackupWrongPassphraseWait', { count: seconds }),
};
/** Why the vault passphrase is being checked: the words of a wrong one differ, the gate does not. */
export type PassphrasePurpose = 'unlock' | 'change' | 'backup';
const WRONG: Record<PassphrasePurpose, WrongWords> = {
  unlock: WRONG_PASSPHRASE,
  change: WRONG_CURRENT,
  backup: WRONG_FOR_BACKUP,
};

export interface SessionDeps {
  openDb: () => Promise<IDBPDatabase<SparekeyDB>>;
  /** storage.session: holds the vault key while unlocked. */
  keyCache: KeyValue;
  /** storage.local: holds the wrong-passphrase counter (no secret). */
  local: KeyValue;
  now: () => number;
  kdf?: KdfParams;
  /** Where Argon2id runs (kdf-host.ts: a KDF thread in the browsers); default this thread. */
  derive?: Derive;
  /** The header another device re-wrapped under a new passphrase, from sync (sync.ts): tried at unlock. */
  syncedHeader?: () => Promise<VaultHeader | undefined>;
}

export class Session {
  private vault: OpenVault | undefined;
  private db: IDBPDatabase<SparekeyDB> | undefined;
  private restoring: Promise<void> | undefined;
  /**
   * Bumped by every lock. An open (restore, unlock, create) that began before a lock finds a
   * different number when its slow part is done and drops what it read: a restarted worker's
   * restore must not re-install the vault after the auto-lock that woke the worker.
   */
  private generation = 0;

  /** The derivation every passphrase check and key wrap here uses; backups use it too. */
  readonly derive: Derive;
  /** The vault key while unlocked (storage.session) and the back-off counter (storage.local). */
  private readonly cachedKey: Stored<string | undefined>;
  private readonly failures: Stored<ThrottleState>;

  constructor(private readonly deps: SessionDeps) {
    this.derive = deps.derive ?? deriveKey;
    this.cachedKey = storedIn(STORED.vaultKey, deps.keyCache);
    this.failures = storedIn(STORED.unlockFailures, deps.local);
  }

  /** The vault's IndexedDB database (sync's join replaces the vault in it). */
  async database(): Promise<IDBPDatabase<SparekeyDB>> {
    return (this.db ??= await this.deps.openDb());
  }

  /** After a worker restart: reopen with the cached key if the person had unlocked. */
  restore(): Promise<void> {
    return (this.restoring ??= this.restoreOnce());
  }

  private async restoreOnce(): Promise<void> {
    const generation = this.generation;
    const cached = await this.cachedKey.get();
    if (!cached || this.vault || generation !== this.generation) return;
    let vault: OpenVault;
    try {
      vault = await OpenVault.load(new VaultStore(await this.database(), fromBase64(cached)), this.deps.now);
    } catch {
      // A key that no longer opens this vault (wiped, restored): forget it, stay locked.
      if (generation === this.generation) await this.cachedKey.remove();
      return;
    }
    // The key is already in storage.session: nothing to write back, so a lock that ran meanwhile
    // (and removed it) stays the last word.
    if (generation === this.generation) this.vault = vault;
  }

  async state(): Promise<VaultState> {
    await this.restore();
    if (this.vault) return 'unlocked';
    return (await readHeader(await this.database())) ? 'locked' : 'no-vault';
  }

  /** The open vault, or a 'locked' refusal. */
  async unlocked(): Promise<OpenVault> {
    await this.restore();
    if (!this.vault) {
      const exists = await readHeader(await this.database());
      throw exists
        ? new Refusal('locked', msg('bgLocked'))
        : new Refusal('no-vault', msg('bgNoVault'));
    }
    return this.vault;
  }

  isUnlocked(): boolean {
    return this.vault !== undefined;
  }

  async create(passphrase: string, confirm: string): Promise<void> {
    if (passphrase !== confirm) throw new Refusal('mismatch', msg('errorMismatch'));
    const strength = estimateStrength(passphrase);
    if (!strength.acceptable) throw new Refusal('weak-passphrase', strengthMessage(strength));
    const db = await this.database();
    if (await readHeader(db)) throw new Refusal('vault-exists', msg('bgVaultExists'));
    const { header, vaultKey } = await createVault(passphrase, this.deps.kdf ?? DEFAULT_KDF, this.derive);
    await createHeader(db, header);
    await this.open(vaultKey);
  }

  async unlock(passphrase: string): Promise<void> {
    await this.restore();
    if (this.vault) return;
    const db = await this.database();
    const raw = await readHeader(db);
    if (!raw) throw new Refusal('no-vault', msg('bgNothingToUnlock'));
    const header = parseVaultHeader(raw);
    let key: Uint8Array;
    try {
      key = await this.checkPassphrase(header, passphrase, 'unlock');
    } catch (error) {
      const rewrapped = error instanceof Refusal && error.code === 'wrong-passphrase' ? await this.syncedKey(header, passphrase) : undefined;
      if (!rewrapped) throw error;
      key = rewrapped;
    }
    await this.open(key);
  }

  /**
   * The passphrase changed on another device (issue 16, item 4): its header came through sync.
   * Taken only if it is this vault's (same creation time), `passphrase` opens it, and the key it
   * unwraps opens this vault's records: then it replaces the local header.
   */
  private async syncedKey(header: VaultHeader, passphrase: string): Promise<Uint8Array | undefined> {
    const synced = await this.deps.syncedHeader?.().catch(() => undefined);
    if (!synced || synced.createdAt !== header.createdAt || synced.salt === header.salt) return undefined;
    const key = await unlockVault(synced, passphrase, this.derive).catch(() => undefined);
    if (!key) return undefined;
    const db = await this.database();
    const { accounts, codes, errors } = await new VaultStore(db, key).loadAll();
    if (errors.length > 0 && accounts.length + codes.length === 0) {
      key.fill(0);
      return undefined;
    }
    await replaceHeader(db, synced);
    await this.failures.remove();
    return key;
  }

  /**
   * Checks that `passphrase` is the open vault's, under the same back-off as unlock (the backup
   * export under the vault passphrase asks for it again). Resolves when it is; refuses like unlock.
   */
  async verifyPassphrase(passphrase: string, purpose: PassphrasePurpose): Promise<void> {
    await this.unlocked();
    const header = parseVaultHeader(await readHeader(await this.database()));
    (await this.checkPassphrase(header, passphrase, purpose)).fill(0);
  }

  /**
   * The one passphrase gate: unwraps the vault key with `passphrase` under the wrong-passphrase
   * back-off. Unlock, passphrase change and backup export share the one counter, so guessing
   * through any of them waits the same.
   */
  private async checkPassphrase(header: VaultHeader, passphrase: string, purpose: PassphrasePurpose): Promise<Uint8Array> {
    const wrong = WRONG[purpose];
    const throttle = await this.failures.get();
    const wait = waitRemaining(throttle, this.deps.now());
    if (wait > 0)
      throw new Refusal('throttled', msg('errorThrottled', { count: Math.ceil(wait / 1000) }), {
        retryAfterMs: wait,
      });
    let key: Uint8Array;
    try {
      key = await unlockVault(header, passphrase, this.derive);
    } catch (e) {
      if ((e as { code?: string }).code === 'wrong-passphrase') {
        const next = recordFailure(throttle, this.deps.now());
        await this.failures.set(next);
        const after = waitRemaining(next, this.deps.now());
        throw new Refusal(
          'wrong-passphrase',
          after > 0 ? wrong.wait(Math.ceil(after / 1000)) : wrong.again(),
          after > 0 ? { retryAfterMs: after } : {},
        );
      }
      throw e;
    }
    if (throttle.failures > 0) await this.failures.remove();
    return key;
  }

  private async open(key: Uint8Array): Promise<void> {
    const generation = this.generation;
    const vault = await OpenVault.load(new VaultStore(await this.database(), key), this.deps.now);
    if (generation !== this.generation) return;
    // Key first: if the worker dies writing it, memory holds no vault that storage can't restore.
    await this.cachedKey.set(toBase64(key));
    if (generation !== this.generation) return;
    this.vault = vault;
  }

  /** The vault key while unlocked (sync seals with it), else undefined. */
  async vaultKey(): Promise<Uint8Array | undefined> {
    await this.restore();
    const cached = this.vault ? await this.cachedKey.get() : undefined;
    return cached ? fromBase64(cached) : undefined;
  }

  /** The stored header, parsed; undefined with no vault. */
  async header(): Promise<VaultHeader | undefined> {
    const raw = await readHeader(await this.database());
    return raw ? parseVaultHeader(raw) : undefined;
  }

  /** Reads the open vault again from the store, after sync committed a merge to it. */
  async reload(): Promise<void> {
    const generation = this.generation;
    const store = this.vault?.store;
    if (!store) return;
    const vault = await OpenVault.load(store, this.deps.now);
    if (generation === this.generation && this.vault) this.vault = vault;
  }

  /**
   * Sync's join: `passphrase` must open both this vault and the synced `header`. Gives both keys,
   * or refuses: wrong for the synced vault (under the back-off), or right for it but not for this
   * one (the two vaults can't be joined; the person is offered the backup file).
   */
  async joinKeys(header: VaultHeader, passphrase: string, different: () => Localized): Promise<{ local: Uint8Array; synced: Uint8Array }> {
    await this.unlocked();
    const synced = await this.checkPassphrase(header, passphrase, 'unlock');
    const local = await unlockVault(parseVaultHeader(await readHeader(await this.database())), passphrase, this.derive).catch(() => undefined);
    if (!local) {
      synced.fill(0);
      // Not 'wrong-passphrase': the popup words that one itself, and this one must say what to do.
      throw new Refusal('conflict', different());
    }
    return { local, synced };
  }

  /** Sync's join, the end: the vault is now the synced one (written by VaultStore.replaceVault). */
  async switchTo(vaultKey: Uint8Array): Promise<void> {
    this.vault = undefined;
    await this.open(vaultKey);
  }

  /** Unlocked here, or unlocked before this worker restarted and not yet restored. */
  async holdsKey(): Promise<boolean> {
    return this.vault !== undefined || (await this.cachedKey.get()) !== undefined;
  }

  async lock(): Promise<void> {
    this.generation++;
    this.vault = undefined;
    this.restoring = Promise.resolve();
    await this.cachedKey.remove();
  }

  /**
   * Re-wraps only the vault key: records stay as they are. The header is replaced in one put,
   * so an interruption at any point leaves either the old or the new passphrase working.
   */
  async changePassphrase(current: string, next: string, confirm: string): Promise<void> {
    const vault = await this.unlocked();
    if (next !== confirm) throw new Refusal('mismatch', msg('bgNewPassphrasesDiffer'));
    const strength = estimateStrength(next);
    if (!strength.acceptable) throw new Refusal('weak-passphrase', strengthMessage(strength));
    const header = parseVaultHeader(await readHeader(await this.database()));
    const key = await this.checkPassphrase(header, current, 'change');
    const rewrapped = await rewrapVault(header, key, next, this.deps.kdf ?? header.kdf, this.derive);
    await vault.store.replaceHeader(rewrapped);
  }
}
