// One stored value sealed under the vault key. The associated data names the slot (format
// version, store, id), so a record copied into another slot or store fails to open.
import { open, seal } from './aead';
import { utf8Decode, utf8Encode } from './encoding';
import { fromSealedJson, toSealedJson } from './envelope';
import { TamperedError, UnsupportedVersionError } from './errors';

export const RECORD_VERSION = 1;

/**
 * Base64 strings rather than Uint8Array: the same shape in IndexedDB, in JSON exports and in
 * messages, at a one-third size cost that is irrelevant for records this small.
 */
export interface SealedRecord {
  v: typeof RECORD_VERSION;
  /** Nonce, base64. */
  n: string;
  /** Ciphertext and tag, base64. */
  c: string;
}

/**
 * `sparekey/v1/<store>/<id>`. Store names may not contain '/', so the split between store and
 * id is unambiguous and no two slots share an AD.
 */
export function recordAssociatedData(store: string, id: string): Uint8Array {
  if (store === '' || store.includes('/')) throw new RangeError('Invalid store name');
  if (id === '') throw new RangeError('A record id must not be empty');
  return utf8Encode(`sparekey/v${RECORD_VERSION}/${store}/${id}`);
}

/** JSON-serialises `value` and seals it under a fresh nonce for the slot `store/id`. */
export function sealRecord(vaultKey: Uint8Array, store: string, id: string, value: unknown): SealedRecord {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('A record value must be JSON-serialisable');
  const sealed = toSealedJson(seal(vaultKey, utf8Encode(json), recordAssociatedData(store, id)));
  return { v: RECORD_VERSION, ...sealed };
}

/**
 * The value sealed for `store/id`. Throws TamperedError naming `store/id` when the record fails
 * authentication, is malformed or belongs to another slot; UnsupportedVersionError for an
 * unknown record version. `T` is trusted, not checked: only this vault key could have sealed it.
 */
export function openRecord<T>(vaultKey: Uint8Array, store: string, id: string, sealed: SealedRecord): T {
  const where = `${store}/${id}`;
  const raw: unknown = sealed;
  if (typeof raw !== 'object' || raw === null) throw new TamperedError(where);
  const { v } = raw as Record<string, unknown>;
  if (typeof v !== 'number') throw new TamperedError(where);
  if (v !== RECORD_VERSION) throw new UnsupportedVersionError(where, v);
  const parts = fromSealedJson(raw);
  if (parts === null) throw new TamperedError(where);

  const plaintext = open(vaultKey, parts, recordAssociatedData(store, id));
  if (plaintext === null) throw new TamperedError(where);
  try {
    return JSON.parse(utf8Decode(plaintext)) as T;
  } catch {
    // Authentic but unreadable: only a bug on the sealing side could get here.
    throw new TamperedError(where);
  }
}
