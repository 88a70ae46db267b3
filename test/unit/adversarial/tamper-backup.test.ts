// Tampering with an exported backup file: every character of the file's text, and every byte of
// its sealed parts, flipped one at a time. Each altered file is refused with a typed error (an
// altered sealed part or date is "tampered", never mistaken for a wrong passphrase); none restores
// anything; and restoring one through the background leaves the vault byte for byte as it was.
import { describe, expect, it, vi } from 'vitest';
import {
  NotABackupError,
  checkPayload,
  openBackup,
  parseBackup,
  type CheckedPayload,
} from '../../../src/backup';
import {
  TamperedError,
  UnsupportedVersionError,
  WrongPassphraseError,
  fromBase64,
  toBase64,
} from '../../../src/crypto';
import { openVaultDb } from '../../../src/store';
import { PASS, X_CODES, makeRig, rigWithX, type Rig } from '../background/rig';

// Argon2id is deterministic, so the real derivation is memoised per (passphrase, salt, params):
// a flipped ciphertext byte then costs a decryption, not a 7 ms derivation. A flipped salt or KDF
// parameter still derives afresh.
vi.mock('../../../src/crypto/kdf', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/crypto/kdf')>();
  const memo = new Map<string, Uint8Array>();
  return {
    ...real,
    deriveKey: async (passphrase: string, salt: Uint8Array, params: Parameters<typeof real.deriveKey>[2]) => {
      const key = `${passphrase}\u0000${Array.from(salt).join(',')}\u0000${JSON.stringify(params)}`;
      let derived = memo.get(key);
      if (!derived) memo.set(key, (derived = await real.deriveKey(passphrase, salt, params)));
      // openBackup zeroes the key it was given: hand out a copy.
      return derived.slice();
    },
  };
});

type Outcome =
  | { kind: 'restored'; payload: CheckedPayload }
  | { kind: 'not-a-backup' | 'tampered' | 'wrong-passphrase' | 'unsupported-version'; where?: string; message: string };

/** What restoring `text` with the vault passphrase would read, as the background does it. */
async function outcome(text: string): Promise<Outcome> {
  try {
    return { kind: 'restored', payload: checkPayload(await openBackup(parseBackup(text), PASS)) };
  } catch (e) {
    if (e instanceof NotABackupError) return { kind: 'not-a-backup', message: e.message };
    if (e instanceof TamperedError) return { kind: 'tampered', where: e.where, message: e.message };
    if (e instanceof WrongPassphraseError) return { kind: 'wrong-passphrase', message: e.message };
    if (e instanceof UnsupportedVersionError) return { kind: 'unsupported-version', where: e.where, message: e.message };
    throw e; // anything else is a crash: the test fails with it
  }
}

/** The text with bit (i mod 8) of UTF-16 unit i flipped. */
function flipChar(text: string, i: number): string {
  return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << (i % 8))) + text.slice(i + 1);
}

/** Leaf paths whose values differ between two parsed JSON values ('' for the root). */
function changedPaths(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      changedPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return Object.is(a, b) ? [] : [path];
}

/** What a file whose only change is at `path` must give. */
function expectedFor(path: string, value: unknown): Outcome['kind'][] {
  if (/^(data|check)\.[nc]$/.test(path) || path === 'createdAt') return ['tampered'];
  if (path === 'salt')
    // Still 16 bytes of canonical base64: only the derivation changes, read as a wrong passphrase.
    return typeof value === 'string' && /^[A-Za-z0-9+/]{22}==$/.test(value) ? ['wrong-passphrase', 'tampered'] : ['tampered'];
  if (path.startsWith('kdf.')) return ['wrong-passphrase', 'tampered'];
  if (path === 'v') return ['unsupported-version'];
  if (path === 'format') return ['not-a-backup'];
  return ['not-a-backup', 'tampered', 'unsupported-version', 'wrong-passphrase'];
}

async function exported() {
  const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
  const codes = (await rig.ok('accounts/get', { accountId })).codes;
  await rig.ok('codes/set-status', { accountId, codeId: codes[1]!.id, status: 'used' });
  const bob = await rig.ok('accounts/add', { site: 'x', label: '@bob' });
  await rig.ok('codes/add', { accountId: bob.id, values: X_CODES.slice(3, 5), source: 'import' });
  const file = await rig.ok('backup/export', { passphrase: PASS, own: false });
  const original = await outcome(file.text);
  if (original.kind !== 'restored') throw new Error(`the untouched export does not open: ${original.kind}`);
  return { rig, text: file.text, original: original.payload };
}

/** Every row of every store, as stored: what "nothing was overwritten" is checked against. */
async function rawRows(rig: Rig): Promise<unknown> {
  const db = await openVaultDb({ indexedDB: rig.factory });
  const out: Record<string, unknown> = {};
  for (const store of ['meta', 'accounts', 'codes', 'events'] as const) out[store] = await db.getAll(store);
  db.close();
  return out;
}

const SECRETS = [PASS, ...X_CODES];

describe('a tampered backup file', () => {
  it('refuses every flipped character of the file text with the error its field calls for', async () => {
    const { text } = await exported();
    const parsed: unknown = JSON.parse(text);
    const wrong: string[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < text.length; i++) {
      const altered = flipChar(text, i);
      const got = await outcome(altered);
      seen.set(got.kind, (seen.get(got.kind) ?? 0) + 1);
      let reparsed: unknown;
      let allowed: Outcome['kind'][];
      try {
        reparsed = JSON.parse(altered);
        const paths = changedPaths(parsed, reparsed);
        allowed = paths.length === 1 ? expectedFor(paths[0]!, paths[0]!.split('.').reduce<any>((o, k) => o?.[k], reparsed)) : expectedFor('', undefined);
      } catch {
        allowed = ['not-a-backup'];
      }
      if (!allowed.includes(got.kind)) wrong.push(`char ${i} (${JSON.stringify(text[i])}): ${got.kind}, expected ${allowed.join('|')}`);
      if ((got.kind === 'tampered' || got.kind === 'unsupported-version') && got.where !== 'backup') wrong.push(`char ${i}: names ${got.where}`);
      if (got.kind !== 'restored' && SECRETS.some((s) => got.message.includes(s))) wrong.push(`char ${i}: a secret in the message`);
    }
    expect(wrong).toEqual([]);
    expect(seen.get('restored')).toBeUndefined();
    // The file is mostly ciphertext: most flips must have reached the authentication check.
    expect(seen.get('tampered')! / text.length).toBeGreaterThan(0.5);
  });

  it('calls every flipped byte of the sealed data, the check value and their nonces tampered', async () => {
    const { text } = await exported();
    const file = JSON.parse(text) as Record<'data' | 'check', { n: string; c: string }>;
    let flips = 0;
    const wrong: string[] = [];
    for (const part of ['data', 'check'] as const) {
      for (const field of ['n', 'c'] as const) {
        const bytes = fromBase64(file[part][field]);
        for (let i = 0; i < bytes.length; i++) {
          const copy = bytes.slice();
          copy[i]! ^= 1 << (i % 8);
          const altered = JSON.stringify({ ...file, [part]: { ...file[part], [field]: toBase64(copy) } });
          const got = await outcome(altered);
          if (got.kind !== 'tampered' || got.where !== 'backup') wrong.push(`${part}.${field} byte ${i}: ${got.kind}`);
          flips++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(flips).toBeGreaterThan(1_000);
  });

  it('reads every flipped byte of the salt as a wrong passphrase (the salt only feeds the derivation)', async () => {
    const { text } = await exported();
    const file = JSON.parse(text) as { salt: string };
    const salt = fromBase64(file.salt);
    for (let i = 0; i < salt.length; i++) {
      const copy = salt.slice();
      copy[i]! ^= 0x80 >> (i % 8);
      expect((await outcome(JSON.stringify({ ...file, salt: toBase64(copy) }))).kind, `salt byte ${i}`).toBe('wrong-passphrase');
    }
  });

  it('restores nothing through the background and leaves every stored row as it was', async () => {
    const { rig, text, original } = await exported();
    const before = await rawRows(rig);
    // Every 37th character (about a hundred files), spread over every field of the file.
    for (let i = 0; i < text.length; i += 37) {
      const reply = await rig.send('backup/restore', { text: flipChar(text, i), passphrase: PASS });
      expect(reply.ok, `char ${i}`).toBe(false);
      if (reply.ok) continue;
      expect(['tampered', 'invalid', 'wrong-passphrase', 'unsupported-version'], `char ${i}`).toContain(reply.error.code);
      if (reply.error.code === 'tampered') expect(reply.error.where).toBe('backup');
      for (const s of SECRETS) expect(reply.error.message).not.toContain(s);
    }
    expect(await rawRows(rig)).toEqual(before);
    // The untouched file still restores (nothing to add: it is this vault's own backup).
    const summary = await rig.ok('backup/restore', { text, passphrase: PASS });
    expect(summary.codesAdded).toBe(0);
    expect(summary.codesUnchanged).toBe(original.codes.length);
  });

  it('adds nothing to a new vault in another browser from an altered file', async () => {
    const { text } = await exported();
    const other = makeRig();
    await other.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const before = await rawRows(other);
    const file = JSON.parse(text) as { data: { c: string } };
    const bytes = fromBase64(file.data.c);
    bytes[bytes.length - 1]! ^= 0x01; // the last byte of the authentication tag
    const reply = await other.send('backup/restore', { text: JSON.stringify({ ...file, data: { ...file.data, c: toBase64(bytes) } }), passphrase: PASS });
    expect(reply).toMatchObject({ ok: false, error: { code: 'tampered', where: 'backup' } });
    expect(await rawRows(other)).toEqual(before);
    expect(await other.ok('accounts/list', {})).toEqual([]);
    expect(await other.ok('backup/restore', { text, passphrase: PASS })).toMatchObject({ accountsAdded: 2, codesAdded: 5 });
  });
});
