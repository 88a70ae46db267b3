// Passphrase → key-encryption key with Argon2id (argon2.ts: WebAssembly, needs 'wasm-unsafe-eval'
// in the extension pages' CSP).
import { loadArgon2, type Argon2Engine } from './argon2';
import { utf8Encode } from './encoding';
import { DEFAULT_KDF, KDF_LIMITS, kdfParamsProblem, type KdfParams } from './kdf-params';

export {
  DEFAULT_KDF,
  KDF_LIMITS,
  SALT_LENGTH,
  isKdfParams,
  kdfCostProblem,
  kdfParamsProblem,
  type Derive,
  type KdfParams,
} from './kdf-params';

/**
 * One engine per thread, kept: a new instance maps 65 MiB afresh and pays its page faults on the
 * first hash. Its memory is zeroed after every hash. A derivation asking for more than the
 * defaults gets an engine of its own, dropped afterwards, so the kept one never grows.
 */
let kept: Promise<Argon2Engine> | undefined;

function engineFor(params: KdfParams): Promise<Argon2Engine> {
  if (params.m > DEFAULT_KDF.m) return loadArgon2();
  return (kept ??= loadArgon2().catch((error: unknown) => {
    kept = undefined;
    throw error;
  }));
}

/**
 * Makes this thread's engine now and touches its memory once, so the next derivation at the
 * default cost pays neither (the KDF worker calls it as it starts).
 */
export async function warmKdf(): Promise<void> {
  kept ??= loadArgon2({ prefaultKiB: DEFAULT_KDF.m });
  await kept;
}

/**
 * Argon2id(passphrase, salt). The passphrase is NFC-normalised first, so the same characters
 * typed on systems that compose accents differently give the same key.
 * Throws RangeError on unusable parameters, salt or an empty passphrase.
 */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Uint8Array> {
  const problem = kdfParamsProblem(params);
  if (problem !== null) throw new RangeError(`Invalid KDF parameters: ${problem}`);
  const { min, max } = KDF_LIMITS.saltLength;
  if (salt.length < min || salt.length > max) {
    throw new RangeError(`Invalid KDF salt: length must be in ${min}..${max} bytes`);
  }
  if (passphrase.length === 0) throw new RangeError('The passphrase must not be empty');

  const password = utf8Encode(passphrase.normalize('NFC'));
  try {
    return (await engineFor(params)).hash({
      password,
      salt,
      passes: params.t,
      parallelism: params.p,
      memorySize: params.m,
      tagLength: params.dkLen,
    });
  } finally {
    // Best effort: JS strings can't be wiped, but our copy of the bytes can.
    password.fill(0);
  }
}
