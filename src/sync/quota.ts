// storage.sync's limits, the same in Chrome and Firefox (Chrome documents them as
// chrome.storage.sync.QUOTA_BYTES etc.; Firefox enforces the same numbers). A size is what the
// browsers count: the key's length plus the JSON of the value, in UTF-8 bytes.
import { utf8Encode } from '../crypto';

export const SYNC_QUOTA = {
  /** Every key and value together. */
  totalBytes: 102_400,
  /** One key and its value. */
  itemBytes: 8_192,
  maxItems: 512,
  /** Chrome only: set() and remove() calls, each one counting once whatever its number of keys. */
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/**
 * What Sparekey lets itself use: a vault that would pass this refuses to sync (with the size in
 * the message) rather than fail half-way inside the browser. The margin leaves room for one
 * device's new codes to arrive while another device is already at the limit.
 */
export const SYNC_BUDGET_BYTES = 96_000;

/** The bytes the browser counts for one item. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Encode(key).length + utf8Encode(JSON.stringify(value)).length;
}

/** The bytes the browser counts for a set of items. */
export function totalBytes(items: Readonly<Record<string, unknown>>): number {
  let sum = 0;
  for (const [key, value] of Object.entries(items)) sum += itemBytes(key, value);
  return sum;
}
