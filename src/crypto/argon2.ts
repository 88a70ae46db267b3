// Argon2id from the openpgpjs `argon2id` package: RFC 9106 (secret and associated data included)
// with its compression function in WebAssembly, a SIMD build and a non-SIMD one. Both binaries are
// inlined into our bundle as data URLs (Vite `?inline`, about 11 KB of base64), so nothing is
// fetched at run time; compiling them needs 'wasm-unsafe-eval' in the extension pages' CSP.
// Pure: WebAssembly is part of the language runtime here (extension pages, workers, Node).
import setupWasm from 'argon2id/lib/setup.js';
import simdDataUrl from 'argon2id/dist/simd.wasm?inline';
import noSimdDataUrl from 'argon2id/dist/no-simd.wasm?inline';
import { fromBase64 } from './encoding';

export interface Argon2idInput {
  password: Uint8Array;
  salt: Uint8Array;
  /** Lanes. */
  parallelism: number;
  passes: number;
  /** KiB. */
  memorySize: number;
  tagLength: number;
  /** RFC 9106's K and X: deriveKey uses neither; the tests feed them the RFC's own vector. */
  secret?: Uint8Array;
  ad?: Uint8Array;
}

/** One WebAssembly instance and its memory: reusable, wiped after every hash. */
export interface Argon2Engine {
  readonly simd: boolean;
  /** Argon2id; the instance's memory is zeroed in the task right after this one. */
  hash(input: Argon2idInput): Uint8Array;
}

function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || !url.slice(0, comma).endsWith(';base64')) {
    // A build that emitted a file instead of inlining would make us fetch it: refuse instead.
    throw new Error('argon2: the wasm binary was not inlined into the bundle');
  }
  return fromBase64(url.slice(comma + 1));
}

let modules: Promise<{ simd: WebAssembly.Module | null; noSimd: WebAssembly.Module }> | undefined;

/**
 * Compiled once per thread. The SIMD build is used wherever the engine validates it (every
 * current Chromium and Firefox); elsewhere the non-SIMD build, which gives the same output.
 */
function compiled() {
  return (modules ??= (async () => {
    const simdBytes = dataUrlBytes(simdDataUrl);
    const noSimd = WebAssembly.compile(dataUrlBytes(noSimdDataUrl) as BufferSource);
    const simd = WebAssembly.validate(simdBytes as BufferSource) ? await WebAssembly.compile(simdBytes as BufferSource) : null;
    return { simd, noSimd: await noSimd };
  })());
}

/** Whether this engine runs the SIMD build (false: the fallback). */
export async function simdSupported(): Promise<boolean> {
  return (await compiled()).simd !== null;
}

/**
 * A fresh instance. `simd: false` forces the non-SIMD build (tests and the bench compare the two).
 * `prefaultKiB` touches that much memory once now, so a kept, warmed engine (the KDF worker's)
 * doesn't pay the page faults during the first hash; it stays zero-filled.
 */
export async function loadArgon2(options: { simd?: boolean; prefaultKiB?: number } = {}): Promise<Argon2Engine> {
  const { simd, noSimd } = await compiled();
  const module = options.simd === false || simd === null ? noSimd : simd;
  let memory: WebAssembly.Memory | undefined;
  const instantiate = async (imports: WebAssembly.Imports) => {
    memory = (imports as { env: { memory: WebAssembly.Memory } }).env.memory;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  // The same loader twice: the package's own SIMD probe (a module-wide flag) is left out of it.
  const compute = await setupWasm(instantiate, instantiate);
  // The package lays out 5 KiB of scratch blocks and 8 bytes, then m KiB of blocks, from offset 0.
  const wipe = (kib: number) => {
    if (!memory) return;
    const bytes = new Uint8Array(memory.buffer);
    bytes.fill(0, 0, Math.min(bytes.length, (kib + 6) * 1024));
  };
  if (options.prefaultKiB) {
    if (memory && memory.buffer.byteLength < (options.prefaultKiB + 6) * 1024) {
      memory.grow(Math.ceil(((options.prefaultKiB + 6) * 1024 - memory.buffer.byteLength) / 65536));
    }
    wipe(options.prefaultKiB);
  }
  return {
    simd: module === simd,
    hash(input) {
      try {
        return compute({ ...input });
      } finally {
        // The package clears only its scratch blocks; the last block still determines the tag.
        // Zeroing 64 MiB takes tens of ms here, so it runs as the next task, after the key has
        // been handed on (an unlock waits for the key, not for this).
        setTimeout(() => wipe(input.memorySize), 0);
      }
    },
  };
}
