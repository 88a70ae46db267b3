// The bench's KDF comparison inside the background (bench build only, through ./background.ts):
// the same Argon2id on this thread with hash-wasm (what unlocked until 0.1.0) and with the
// shipped `argon2id` package in both builds, and what starting a KDF thread from nothing costs.
// hash-wasm is a devDependency: production bundles never contain this file or the hook.
import { argon2id as hashWasm } from 'hash-wasm';
import { loadArgon2, simdSupported } from '../../../src/crypto/argon2';
import type { Derive, KdfParams } from '../../../src/crypto';
import { chromeOffscreen } from '../../../src/background/offscreen';
import { kdfChannelOpener } from '../../../src/background/kdf-channels';

const PASSWORD = new TextEncoder().encode('bench only: quartz lantern drifts');
const SALT = new Uint8Array(16).fill(7);

async function timed(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * One sample of each on this thread, each on a fresh instance (as the first unlock after a
 * restart meets it), and one through the background's own derive (the KDF thread) once warmed.
 */
export async function compareKdfs(params: KdfParams, derive: Derive, warm: () => Promise<void>) {
  const input = { password: PASSWORD, salt: SALT, passes: params.t, parallelism: params.p, memorySize: params.m, tagLength: params.dkLen };
  let outputs: string[] = [];
  const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  const hashWasmMs = await timed(async () => {
    outputs.push(hex(await hashWasm({ ...input, iterations: params.t, hashLength: params.dkLen, outputType: 'binary' })));
  });
  const simdMs = await timed(async () => outputs.push(hex((await loadArgon2()).hash(input))));
  const noSimdMs = await timed(async () => outputs.push(hex((await loadArgon2({ simd: false })).hash(input))));
  await warm();
  let threadKey = '';
  const threadMs = await timed(async () => (threadKey = hex(await derive('bench only: quartz lantern drifts', SALT, params))));
  const same = new Set(outputs).size === 1 && threadKey.length === 64;
  outputs = [];
  return { hashWasmMs, simdMs, noSimdMs, threadMs, simd: await simdSupported(), sameOutput: same };
}

/**
 * A KDF thread started from nothing (Chrome: the offscreen document made anew), to its first
 * warm reply: wasm compiled and 64 MiB touched. What an unlock pays when nothing warmed it.
 */
export async function spawnKdfThread() {
  const offscreen = chromeOffscreen() as { hasDocument?: () => Promise<boolean>; closeDocument?: () => Promise<void> } | undefined;
  if (offscreen?.hasDocument && (await offscreen.hasDocument())) await offscreen.closeDocument?.().catch(() => undefined);
  const open = kdfChannelOpener();
  if (!open) throw new Error('no KDF thread in this browser');
  const t0 = performance.now();
  const channel = await open();
  const connectedMs = performance.now() - t0;
  const reply = await channel.request({ id: 1, op: 'warm' });
  const warmMs = performance.now() - t0;
  channel.close();
  if (!reply.ok) throw new Error(`the KDF thread failed to warm: ${reply.error}`);
  return { connectedMs, warmMs, kind: offscreen ? 'offscreen document + Worker' : 'Worker' };
}

/** Closes Chrome's offscreen document, so the next unlock starts its KDF thread from nothing. */
export async function closeKdfThread(): Promise<void> {
  const offscreen = chromeOffscreen() as { hasDocument?: () => Promise<boolean>; closeDocument?: () => Promise<void> } | undefined;
  if (offscreen?.hasDocument && (await offscreen.hasDocument())) await offscreen.closeDocument?.().catch(() => undefined);
}
