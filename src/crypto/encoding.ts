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

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Strict inverse of toBase64: throws TypeError on anything toBase64 would not produce
 * (whitespace, missing padding, non-zero padding bits), so each stored byte string has
 * exactly one spelling and a changed character is never silently ignored.
 */
export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new TypeError('invalid base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (toBase64(bytes) !== text) throw new TypeError('non-canonical base64');
  return bytes;
}
