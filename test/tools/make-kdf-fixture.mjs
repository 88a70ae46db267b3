#!/usr/bin/env node
// Writes test/fixtures/vault/hash-wasm-v1.json: a vault header, a sealed record and a backup file
// made by the OLD code path (hash-wasm's Argon2id, default parameters), with a made-up passphrase,
// so test/unit/crypto/legacy-vault.test.ts can show that every vault made before the switch to
// the `argon2id` package still opens. Run once, against the source of a commit before the switch:
//   mkdir /tmp/old && git archive 63ba718 src | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/
//   node test/tools/make-kdf-fixture.mjs /tmp/old
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';

const oldRoot = process.argv[2];
if (!oldRoot) {
  console.error('usage: node test/tools/make-kdf-fixture.mjs <source tree of an older commit>');
  process.exit(2);
}
const jiti = createJiti(import.meta.url);
const crypto = await jiti.import(path.resolve(oldRoot, 'src/crypto/index.ts'));
const backup = await jiti.import(path.resolve(oldRoot, 'src/backup/format.ts'));
const kdfSource = await import('node:fs').then((fs) => fs.readFileSync(path.resolve(oldRoot, 'src/crypto/kdf.ts'), 'utf8'));
if (!kdfSource.includes("from 'hash-wasm'")) throw new Error('that source tree does not derive with hash-wasm');

const passphrase = 'fixture only: copper whale sings at noon';
const { header, vaultKey } = await crypto.createVault(passphrase);
const code = { id: 'c1', accountId: 'a1', value: 'abcd2345wxyz', seq: 1, status: 'unused' };
const record = crypto.sealRecord(vaultKey, 'codes', 'c1', code);
const file = await backup.sealBackup({ accounts: [], codes: [], events: [] }, passphrase, { kdf: header.kdf, now: header.createdAt });
const out = {
  about: 'Made by the hash-wasm code path (commit 63ba718) with test/tools/make-kdf-fixture.mjs; a made-up passphrase, no real data.',
  passphrase,
  vaultKeyHex: Buffer.from(vaultKey).toString('hex'),
  header,
  record: { store: 'codes', id: 'c1', sealed: record, value: code },
  backup: backup.backupText(file),
};
const target = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/vault/hash-wasm-v1.json');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${target}`);
