// UTF-8 and base64 without Node's Buffer, so the same code runs in the extension.

const encoder = new TextEncoder();
// fatal: invalid UTF-8 throws instead of silently becoming U+FFFD.
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

// String.fromCharCode takes its bytes as arguments; chunks keep us under engines' argument limits.
const CHUNK = 0x8000;

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const PAD = 61; // '='

function sextet(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const v = code < 128 ? VALUE[code]! : -1;
  if (v < 0) throw new TypeError('invalid base64');
  return v;
}

/**
 * Strict inverse of toBase64: throws TypeError on anything toBase64 would not produce
 * (whitespace, missing padding, non-zero padding bits), so each stored byte string has
 * exactly one spelling and a changed character is never silently ignored. Table-driven: unlock
 * decodes two strings per record, and atob plus a re-encoding check was the largest part of
 * opening a 10,000-code vault (bench: open_phases).
 */
export function fromBase64(text: string): Uint8Array {
  const n = text.length;
  if (n % 4 !== 0) throw new TypeError('invalid base64');
  const pad = n === 0 || text.charCodeAt(n - 1) !== PAD ? 0 : text.charCodeAt(n - 2) === PAD ? 2 : 1;
  const bytes = new Uint8Array((n / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    const tail = i + 4 === n ? pad : 0;
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = tail === 2 ? 0 : sextet(text, i + 2);
    const d = tail >= 1 ? 0 : sextet(text, i + 3);
    // Canonical form: the bits that padding leaves over must be zero.
    if ((tail === 2 && (b & 15) !== 0) || (tail === 1 && (c & 3) !== 0)) throw new TypeError('non-canonical base64');
    bytes[o++] = (a << 2) | (b >> 4);
    if (tail < 2) bytes[o++] = ((b & 15) << 4) | (c >> 2);
    if (tail < 1) bytes[o++] = ((c & 3) << 6) | d;
  }
  return bytes;
}
