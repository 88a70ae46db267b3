// The storage.sync key of an account's items: AES-CMAC (a PRF) of its id under a key derived from
// the vault key. Every device holding the vault key names an account's item the same way, and
// the name reveals nothing: account ids are time-sortable, so they would date the accounts.
import { cmac } from '@noble/ciphers/aes.js';
import { toBase64, utf8Encode } from '../crypto';

const SLOT_KEY_LABEL = utf8Encode('sparekey/sync/v1/slot-key');

/** A key used only for slot names, so the vault key itself is never a CMAC key. */
export function slotKey(vaultKey: Uint8Array): Uint8Array {
  return cmac(SLOT_KEY_LABEL, vaultKey);
}

/** 12 bytes of the PRF, base64url: 16 characters, collisions out of reach at 512 items. */
export function slotOf(key: Uint8Array, accountId: string): string {
  const mac = cmac(utf8Encode(`sparekey/sync/v1/slot/${accountId}`), key).subarray(0, 12);
  return toBase64(mac).replace(/\+/g, '-').replace(/\//g, '_');
}
