// One account as sync carries it: the account, its codes (with their histories, which the merge
// reads) and its newest events (the history a person reads in the popup), as canonical JSON, then
// deflated and padded. Deflate shrinks the repeated field names and id prefixes about fourfold; the
// padding (to PAD_TO bytes) keeps the sealed size from telling how many codes an account holds.
import type { Account, Code, VaultEvent } from '../vault/types';

/** The event log is append-only and unbounded; sync carries each account's newest ones. */
export const SYNC_EVENTS_PER_ACCOUNT = 40;
const PAD_TO = 256;

export interface AccountPayload {
  account: Account;
  codes: Code[];
  events: VaultEvent[];
}

const byTime = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The canonical JSON of an account's payload: codes by seq then id, events by time then id (the
 * newest SYNC_EVENTS_PER_ACCOUNT). Two devices holding the same account build the same string, so
 * a device compares strings to know whether an item needs writing.
 */
export function payloadJson(p: AccountPayload): string {
  const codes = [...p.codes].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const events = [...p.events].sort(byTime).slice(-SYNC_EVENTS_PER_ACCOUNT);
  // The account id is implied by the account: dropping it from every code and event saves bytes.
  return JSON.stringify({
    a: p.account,
    c: codes.map(({ accountId: _a, ...code }) => code),
    e: events.map(({ accountId: _a, ...event }) => event),
  });
}

/** The payload back from its JSON; null when it is not shaped like one. */
export function parsePayload(json: string): AccountPayload | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { a, c, e } = raw as Record<string, unknown>;
  if (typeof a !== 'object' || a === null || typeof (a as Account).id !== 'string') return null;
  if (!Array.isArray(c) || !Array.isArray(e)) return null;
  const account = a as Account;
  const accountId = account.id;
  return {
    account,
    codes: (c as Omit<Code, 'accountId'>[]).map((code) => ({ ...code, accountId })),
    events: (e as Omit<VaultEvent, 'accountId'>[]).map((event) => ({ ...event, accountId })),
  };
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes.slice()]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Deflated, then a 4-byte length and zero padding up to a multiple of PAD_TO. */
export async function packPayload(json: string): Promise<Uint8Array> {
  const deflated = await through(new TextEncoder().encode(json), new CompressionStream('deflate'));
  const size = Math.ceil((deflated.length + 4) / PAD_TO) * PAD_TO;
  const packed = new Uint8Array(size);
  new DataView(packed.buffer).setUint32(0, deflated.length);
  packed.set(deflated, 4);
  return packed;
}

/** The JSON back; null when the bytes are not a packed payload. */
export async function unpackPayload(packed: Uint8Array): Promise<string | null> {
  if (packed.length < 4) return null;
  const length = new DataView(packed.buffer, packed.byteOffset, packed.length).getUint32(0);
  if (length > packed.length - 4) return null;
  try {
    const bytes = await through(packed.subarray(4, 4 + length), new DecompressionStream('deflate'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
