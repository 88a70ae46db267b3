// The storage.sync items of a vault (issue 16, item 2). Keys and what they hold:
//   h            the vault header as stored locally (salt, KDF parameters, wrapped key): public or
//                authenticated already (crypto/header.ts), so it travels as it is.
//   i            the index, sealed: tombstones (deleted accounts), each account slot's part count, and
//                the salt of the header its writer published: a header re-wrapped under a new
//                passphrase is taken by the other devices only once an index sealed under the vault
//                key vouches for it, so nobody without the key can push a header of their own.
//   a.<slot>.<k> part k of an account's payload (payload.ts), sealed. <slot> is a PRF of the account
//                id (slot.ts); an account larger than PART_BYTES is split across parts 0..p-1.
// Every sealed value is { v, n, c } (plus p, w for parts): XChaCha20-Poly1305 under the vault key,
// associated data `sparekey/sync/v1/<key>` (parts: `/<p>/<w>` too). So an item moved to another
// key, a part from another write (w, a random write id) or a truncated account fails to open.
// Nothing is in plaintext but the header, sizes and the number of account slots.
import { fromSealedJson, toSealedJson } from '../crypto/envelope';
import { open, seal, toBase64, utf8Decode, utf8Encode, randomBytes, parseVaultHeader, type VaultHeader } from '../crypto';
import type { SyncVault, Tombstone } from '../vault/sync-merge';
import { packPayload, parsePayload, payloadJson, unpackPayload } from './payload';
import { SYNC_BUDGET_BYTES, SYNC_QUOTA, itemBytes, totalBytes } from './quota';
import { slotKey, slotOf } from './slot';

export const SYNC_FORMAT = 1;
export const HEADER_KEY = 'h';
export const INDEX_KEY = 'i';
const PART_PREFIX = 'a.';
/** Plaintext bytes per part: its base64 (4/3), tag, nonce and key stay well under 8,192 bytes. */
export const PART_BYTES = 5_888;

export interface SealedItem {
  v: typeof SYNC_FORMAT;
  n: string;
  c: string;
}
export interface SealedPart extends SealedItem {
  /** How many parts the account has. */
  p: number;
  /** The write these parts belong to: random, so parts of two writes never combine. */
  w: string;
}

interface IndexBody {
  tombstones: Tombstone[];
  /** Slot → part count, as the index's writer last wrote them. */
  slots: Record<string, number>;
  /** The salt of the header the index's writer published (`h`). */
  header?: string;
}

export const partKey = (slot: string, k: number) => `${PART_PREFIX}${slot}.${k}`;
const partAd = (key: string, p: number, w: string) => utf8Encode(`sparekey/sync/v${SYNC_FORMAT}/${key}/${p}/${w}`);
const indexAd = () => utf8Encode(`sparekey/sync/v${SYNC_FORMAT}/${INDEX_KEY}`);

/** Slot and part number of a part's key; null for other keys. */
export function parsePartKey(key: string): { slot: string; k: number } | null {
  const m = /^a\.([A-Za-z0-9_-]{16})\.(\d{1,3})$/.exec(key);
  return m ? { slot: m[1]!, k: Number(m[2]) } : null;
}

async function sealAccount(vaultKey: Uint8Array, slot: string, json: string): Promise<Record<string, SealedPart>> {
  const packed = await packPayload(json);
  const p = Math.max(1, Math.ceil(packed.length / PART_BYTES));
  const w = toBase64(randomBytes(6));
  const parts: Record<string, SealedPart> = {};
  for (let k = 0; k < p; k++) {
    const key = partKey(slot, k);
    const sealed = seal(vaultKey, packed.subarray(k * PART_BYTES, (k + 1) * PART_BYTES), partAd(key, p, w));
    parts[key] = { v: SYNC_FORMAT, p, w, ...toSealedJson(sealed) };
  }
  return parts;
}

function sealIndex(vaultKey: Uint8Array, body: IndexBody): SealedItem {
  const sealed = seal(vaultKey, utf8Encode(JSON.stringify(body)), indexAd());
  return { v: SYNC_FORMAT, ...toSealedJson(sealed) };
}

function openSealed(vaultKey: Uint8Array, raw: unknown, ad: Uint8Array): Uint8Array | null {
  const parts = fromSealedJson(raw);
  return parts && open(vaultKey, parts, ad);
}

/** Why an item was left out of a decode. */
export const SKIP_REASONS = {
  /** It failed authentication or is malformed: a notice for the person; the rest syncs. */
  tampered: 'tampered',
  /** Written by a newer Sparekey. */
  newer: 'newer',
  /** Parts of an account are missing or from two writes: sync has not delivered all of it yet. */
  incomplete: 'incomplete',
} as const;
export type SkipReason = (typeof SKIP_REASONS)[keyof typeof SKIP_REASONS];

export interface Skipped {
  key: string;
  reason: SkipReason;
}

export interface DecodedSync {
  header?: VaultHeader;
  /** A header is there but is not one (tampered): the vault can't be joined from it. */
  headerTampered: boolean;
  vault: SyncVault;
  /** Slot → the payload JSON it held: what a write compares with to skip unchanged accounts. */
  payloads: Map<string, string>;
  /** The header salt the (authentic) index vouches for. */
  vouchedSalt?: string;
  skipped: Skipped[];
}

function versionOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as { v?: unknown }).v : undefined;
}

function decodeHeader(raw: unknown): { header?: VaultHeader; headerTampered: boolean } {
  if (raw === undefined) return { headerTampered: false };
  try {
    return { header: parseVaultHeader(raw), headerTampered: false };
  } catch {
    return { headerTampered: true };
  }
}

function decodeIndex(vaultKey: Uint8Array, raw: unknown, skipped: Skipped[]): IndexBody | null {
  if (raw === undefined) return null;
  if (typeof versionOf(raw) === 'number' && versionOf(raw) !== SYNC_FORMAT) {
    skipped.push({ key: INDEX_KEY, reason: SKIP_REASONS.newer });
    return null;
  }
  const plain = versionOf(raw) === SYNC_FORMAT ? openSealed(vaultKey, raw, indexAd()) : null;
  try {
    const body = plain && (JSON.parse(utf8Decode(plain)) as IndexBody);
    if (body && Array.isArray(body.tombstones) && typeof body.slots === 'object' && body.slots !== null) return body;
  } catch {
    // Authentic but unreadable: reported as tampered below.
  }
  skipped.push({ key: INDEX_KEY, reason: SKIP_REASONS.tampered });
  return null;
}

/** One account from its parts, or why not. */
async function decodeAccount(vaultKey: Uint8Array, slot: string, raws: Map<number, unknown>): Promise<{ json: string } | { reason: SkipReason }> {
  const skip = (reason: SkipReason) => ({ reason });
  const first = raws.get(0) as Partial<SealedPart> | undefined;
  if (first === undefined) return skip(SKIP_REASONS.incomplete);
  if (typeof first !== 'object' || first === null) return skip(SKIP_REASONS.tampered);
  if (typeof first.v === 'number' && first.v !== SYNC_FORMAT) return skip(SKIP_REASONS.newer);
  const { p, w } = first;
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > SYNC_QUOTA.maxItems || typeof w !== 'string') return skip(SKIP_REASONS.tampered);
  const chunks: Uint8Array[] = [];
  for (let k = 0; k < p; k++) {
    const raw = raws.get(k) as Partial<SealedPart> | undefined;
    if (raw === undefined || raw.p !== p || raw.w !== w) return skip(SKIP_REASONS.incomplete);
    const plain = raw.v === SYNC_FORMAT ? openSealed(vaultKey, raw, partAd(partKey(slot, k), p, w)) : null;
    if (plain === null) return skip(SKIP_REASONS.tampered);
    chunks.push(plain);
  }
  const packed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) packed.set(c, (at += c.length) - c.length);
  // Authentic: only this vault key sealed it. Unreadable then means another version's bug.
  const json = await unpackPayload(packed);
  return json === null ? skip(SKIP_REASONS.tampered) : { json };
}

/**
 * The vault in a set of storage.sync items (everything `storage.sync.get(null)` gives). Items that
 * fail to open are listed in `skipped` and left out; the others are decoded.
 */
export async function decodeSync(vaultKey: Uint8Array, items: Readonly<Record<string, unknown>>): Promise<DecodedSync> {
  const skipped: Skipped[] = [];
  const index = decodeIndex(vaultKey, items[INDEX_KEY], skipped);
  const bySlot = new Map<string, Map<number, unknown>>();
  for (const [key, raw] of Object.entries(items)) {
    const at = parsePartKey(key);
    if (!at) continue;
    if (!bySlot.has(at.slot)) bySlot.set(at.slot, new Map());
    bySlot.get(at.slot)!.set(at.k, raw);
  }
  const vault: SyncVault = { accounts: [], codes: [], events: [], tombstones: index?.tombstones ?? [] };
  const payloads = new Map<string, string>();
  const sk = slotKey(vaultKey);
  for (const [slot, raws] of [...bySlot].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const got = await decodeAccount(vaultKey, slot, raws);
    if ('reason' in got) {
      skipped.push({ key: partKey(slot, 0), reason: got.reason });
      continue;
    }
    const payload = parsePayload(got.json);
    // A payload filed under another account's slot was moved there: as good as tampered.
    if (!payload || slotOf(sk, payload.account.id) !== slot) {
      skipped.push({ key: partKey(slot, 0), reason: SKIP_REASONS.tampered });
      continue;
    }
    payloads.set(slot, got.json);
    vault.accounts.push(payload.account);
    vault.codes.push(...payload.codes);
    vault.events.push(...payload.events);
  }
  const decoded: DecodedSync = { ...decodeHeader(items[HEADER_KEY]), vault, payloads, skipped };
  if (typeof index?.header === 'string') decoded.vouchedSalt = index.header;
  return decoded;
}

/** A write that would take the vault past SYNC_BUDGET_BYTES (or 512 items): nothing is written. */
export interface TooBig {
  ok: false;
  bytes: number;
  budget: number;
  items: number;
}

export interface SyncWrite {
  ok: true;
  /** Items to `storage.sync.set` in one call; empty when nothing changed. */
  set: Record<string, unknown>;
  /** Keys to `storage.sync.remove` in one call. */
  remove: string[];
  /** What storage.sync holds after the write, as the browser counts it. */
  bytes: number;
  items: number;
}

/**
 * What to write so storage.sync holds `vault` (already merged with what `remote` holds: a write
 * never drops another device's account). Only accounts whose payload differs from `decoded`'s are
 * sealed again; deleted accounts' parts and parts past an account's new end are removed.
 */
export async function planSyncWrite(
  vaultKey: Uint8Array,
  header: VaultHeader,
  vault: SyncVault,
  remote: Readonly<Record<string, unknown>>,
  decoded: Pick<DecodedSync, 'payloads'>,
  /** The header salt the index vouches for: `header`'s, unless the writer hasn't verified `header`. */
  vouch: string = header.salt,
): Promise<SyncWrite | TooBig> {
  const sk = slotKey(vaultKey);
  const set: Record<string, unknown> = {};
  const remove = new Set<string>();
  const slots: Record<string, number> = {};
  const remoteParts = new Map<string, string[]>();
  for (const key of Object.keys(remote)) {
    const at = parsePartKey(key);
    if (at) remoteParts.set(at.slot, [...(remoteParts.get(at.slot) ?? []), key]);
  }
  for (const account of vault.accounts) {
    const slot = slotOf(sk, account.id);
    const json = payloadJson({
      account,
      codes: vault.codes.filter((c) => c.accountId === account.id),
      events: vault.events.filter((e) => e.accountId === account.id),
    });
    if (decoded.payloads.get(slot) === json) {
      slots[slot] = (remote[partKey(slot, 0)] as SealedPart).p;
      continue;
    }
    const parts = await sealAccount(vaultKey, slot, json);
    Object.assign(set, parts);
    slots[slot] = Object.keys(parts).length;
    for (const key of remoteParts.get(slot) ?? []) if (!(key in parts)) remove.add(key);
  }
  for (const t of vault.tombstones) for (const key of remoteParts.get(slotOf(sk, t.accountId)) ?? []) remove.add(key);
  if (JSON.stringify(remote[HEADER_KEY]) !== JSON.stringify(header)) set[HEADER_KEY] = header;
  const index: IndexBody = { tombstones: vault.tombstones, slots, header: vouch };
  const remoteIndex = remote[INDEX_KEY] === undefined ? null : decodeIndex(vaultKey, remote[INDEX_KEY], []);
  if (!remoteIndex || JSON.stringify(remoteIndex) !== JSON.stringify(index)) set[INDEX_KEY] = sealIndex(vaultKey, index);

  const after: Record<string, unknown> = { ...remote, ...set };
  for (const key of remove) delete after[key];
  const bytes = totalBytes(after);
  const items = Object.keys(after).length;
  if (bytes > SYNC_BUDGET_BYTES || items > SYNC_QUOTA.maxItems) return { ok: false, bytes, budget: SYNC_BUDGET_BYTES, items };
  for (const [key, value] of Object.entries(set)) {
    // PART_BYTES is chosen so this can't happen; a bug here must not reach the browser's quota.
    if (itemBytes(key, value) > SYNC_QUOTA.itemBytes) throw new RangeError(`sync item ${key} over the per-item quota`);
  }
  return { ok: true, set, remove: [...remove], bytes, items };
}
