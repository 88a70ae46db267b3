// Seals vault objects into rows and opens them again. Ids stay plaintext (they are keys);
// everything else is inside `sealed`, bound to its store and id.
import { TamperedError, UnsupportedVersionError, openRecord, sealRecord } from '../crypto';
import type { Account, Code, VaultEvent } from '../vault/types';
import { STORES, type CodeRow, type SealedRow } from './schema';

/** What a single unreadable record reports; the rest of the vault still loads. */
export type RecordError = TamperedError | UnsupportedVersionError;

export function isRecordError(error: unknown): error is RecordError {
  return error instanceof TamperedError || error instanceof UnsupportedVersionError;
}

export function accountRow(vaultKey: Uint8Array, account: Account): SealedRow {
  return { id: account.id, sealed: sealRecord(vaultKey, STORES.accounts, account.id, account) };
}

export function codeRow(vaultKey: Uint8Array, code: Code): CodeRow {
  return { id: code.id, accountId: code.accountId, sealed: sealRecord(vaultKey, STORES.codes, code.id, code) };
}

export function eventRow(vaultKey: Uint8Array, event: VaultEvent): SealedRow {
  return { id: event.id, sealed: sealRecord(vaultKey, STORES.events, event.id, event) };
}

export function openAccountRow(vaultKey: Uint8Array, row: SealedRow): Account {
  return openRecord<Account>(vaultKey, STORES.accounts, row.id, row.sealed);
}

export function openCodeRow(vaultKey: Uint8Array, row: CodeRow): Code {
  const code = openRecord<Code>(vaultKey, STORES.codes, row.id, row.sealed);
  // The index field is plaintext and unauthenticated: it must agree with the sealed copy, or a
  // code could be listed under another account.
  if (code.accountId !== row.accountId) throw new TamperedError(`${STORES.codes}/${row.id}`);
  return code;
}

export function openEventRow(vaultKey: Uint8Array, row: SealedRow): VaultEvent {
  return openRecord<VaultEvent>(vaultKey, STORES.events, row.id, row.sealed);
}

/**
 * Opens every row, collecting record errors instead of throwing, so one damaged record doesn't
 * lock the person out of the rest. Any other error (a bug) still throws.
 */
export function openEach<R, T>(rows: readonly R[], openOne: (row: R) => T): { values: T[]; errors: RecordError[] } {
  const values: T[] = [];
  const errors: RecordError[] = [];
  for (const row of rows) {
    try {
      values.push(openOne(row));
    } catch (error) {
      if (!isRecordError(error)) throw error;
      errors.push(error);
    }
  }
  return { values, errors };
}
