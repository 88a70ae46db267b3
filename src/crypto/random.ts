// The one browser API this layer uses: a CSPRNG present in extension pages, workers and Node.

/** n cryptographically random bytes (n ≤ 65536, getRandomValues' limit). */
export function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}
