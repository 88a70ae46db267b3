// Backup files meet whatever a person picks, and a file someone hands over can be made with a
// passphrase they tell you: both the file's header and its (authentic) payload are input.
//   - parseBackup: 10,000 texts (any text, any JSON, a real file's header mutated field by field):
//     a typed error naming 'backup', or a header every field of which is valid.
//   - checkPayload: 10,000 payloads (real records mutated field by field, and junk): a typed error,
//     or records each valid, copied field by field, and every record either taken or counted.
//   - restoring 300 sealed fuzzed payloads through the background: a typed error and not one stored
//     row changed, or a vault that still keeps its rules.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  BACKUP_LIMITS,
  NotABackupError,
  backupText,
  checkPayload,
  openBackup,
  parseBackup,
  sealBackup,
  type BackupFile,
  type CheckedPayload,
} from '../../../src/backup';
import {
  SALT_LENGTH,
  KdfTooCostlyError,
  TamperedError,
  UnsupportedVersionError,
  WrongPassphraseError,
  fromBase64,
  kdfParamsProblem,
} from '../../../src/crypto';
import { FORMATS, siteById } from '../../../src/sites/index';
import { openVaultDb } from '../../../src/store';
import { formatOf } from '../../../src/vault/formats';
import { CODE_SOURCES, CODE_STATUSES, POLICY_KINDS, type Account, type Code, type VaultEvent } from '../../../src/vault/types';
import { FAST_KDF } from '../crypto/helpers';
import { PASS, X_CODES, makeRig, rigWithX, type Rig } from '../background/rig';
import { edit, edits, mutate, odd, polluted, type Json } from './mutate';
import { property } from '../property';

// Argon2id is deterministic: memoised per (passphrase, salt, params), so re-opening a file costs
// a decryption. New salts (every sealBackup) still derive for real.
vi.mock('../../../src/crypto/kdf', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/crypto/kdf')>();
  const memo = new Map<string, Uint8Array>();
  return {
    ...real,
    deriveKey: async (passphrase: string, salt: Uint8Array, params: Parameters<typeof real.deriveKey>[2]) => {
      const key = `${passphrase}\u0000${Array.from(salt).join(',')}\u0000${JSON.stringify(params)}`;
      let derived = memo.get(key);
      if (!derived) memo.set(key, (derived = await real.deriveKey(passphrase, salt, params)));
      return derived.slice();
    },
  };
});

const RUNS = 10_000;

// ---- a real backup to mutate --------------------------------------------------------------------

let real: Promise<{ text: string; file: BackupFile; payload: CheckedPayload; raw: { accounts: Account[]; codes: Code[]; events: VaultEvent[] } }> | undefined;
function realBackup() {
  return (real ??= (async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 4));
    const codes = (await rig.ok('accounts/get', { accountId })).codes;
    await rig.ok('codes/set-status', { accountId, codeId: codes[1]!.id, status: 'used' });
    const github = await rig.ok('accounts/add', { site: 'x', label: '@second' });
    await rig.ok('codes/add', { accountId: github.id, values: ['zzzz0000yyyy'], source: 'import' });
    const { text } = await rig.ok('backup/export', { passphrase: PASS, own: false });
    const file = parseBackup(text);
    const raw = (await openBackup(file, PASS)) as { accounts: Account[]; codes: Code[]; events: VaultEvent[] };
    return { text, file, payload: checkPayload(raw), raw };
  })());
}


// ---- parseBackup --------------------------------------------------------------------------------

const isB64 = (s: unknown, length?: number) => {
  if (typeof s !== 'string') return false;
  try {
    const bytes = fromBase64(s);
    return length === undefined || bytes.length === length;
  } catch {
    return false;
  }
};

function headerProblems(f: BackupFile): string[] {
  const p: string[] = [];
  if (Object.keys(f).sort().join() !== 'check,createdAt,data,format,kdf,salt,v') p.push(`keys ${Object.keys(f).join()}`);
  if (f.format !== 'sparekey-backup' || f.v !== 1) p.push('format/v');
  if (typeof f.createdAt !== 'number' || !Number.isFinite(f.createdAt)) p.push('createdAt');
  if (kdfParamsProblem(f.kdf) !== null || Object.keys(f.kdf).length !== 5) p.push('kdf');
  if (!isB64(f.salt, SALT_LENGTH)) p.push('salt');
  for (const part of [f.check, f.data]) if (Object.keys(part).join() !== 'n,c' || !isB64(part.n) || !isB64(part.c)) p.push('sealed part');
  return p;
}

describe('parseBackup on 10,000 texts', () => {
  property('gives a typed error naming the backup, or a header whose every field is valid', RUNS, async (runs) => {
    const { file } = await realBackup();
    const asJson = file as unknown as Json;
    const text = fc.oneof(
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
      { weight: 6, arbitrary: edits.map((e) => JSON.stringify(mutate(asJson, e)) ?? 'undefined') },
    );
    const counts: Record<string, number> = {};
    const bad: string[] = [];
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        let kind: string;
        try {
          const parsed = parseBackup(t);
          kind = 'parsed';
          const problems = headerProblems(parsed);
          if (problems.length) bad.push(`accepted a bad header (${problems.join(', ')}): ${t.slice(0, 300)}`);
          // The same KDF and salt: the key is known, so opening must tell what changed. (With
          // the sealed parts and date unchanged too it is the original file: nothing to learn.)
          const sameKey = JSON.stringify(parsed.kdf) === JSON.stringify(file.kdf) && parsed.salt === file.salt;
          const sameSeal = parsed.createdAt === file.createdAt && JSON.stringify([parsed.check, parsed.data]) === JSON.stringify([file.check, file.data]);
          if (sameKey && sameSeal) kind = 'unchanged';
          else if (sameKey) {
            try {
              await openBackup(parsed, PASS);
              bad.push(`opened an altered file: ${t.slice(0, 300)}`);
            } catch (e) {
              if (!(e instanceof TamperedError && e.where === 'backup') && !(e instanceof WrongPassphraseError)) throw e;
              kind = e.name;
            }
          }
        } catch (e) {
          if (
            e instanceof NotABackupError ||
            ((e instanceof TamperedError || e instanceof UnsupportedVersionError || e instanceof KdfTooCostlyError) && e.where === 'backup')
          )
            kind = e.name;
          else throw e;
        }
        counts[kind] = (counts[kind] ?? 0) + 1;
        if (polluted()) bad.push(`Object.prototype polluted by ${t.slice(0, 200)}`);
      }),
      runs,
    );
    expect(bad).toEqual([]);
    // Each kind of answer was reached, so the mutations are not all stopped at the first check.
    for (const kind of ['NotABackupError', 'TamperedError', 'UnsupportedVersionError', 'parsed', 'unchanged'])
      expect(counts[kind], kind).toBeGreaterThan(0);
  });

  it('refuses a 10 MB file and a deeply nested one quickly, as not a backup', () => {
    for (const t of ['x'.repeat(9_999_999), '['.repeat(500_000) + ']'.repeat(500_000), `{"format":"sparekey-backup","v":1,"kdf":${'['.repeat(100_000)}${']'.repeat(100_000)}}`]) {
      const started = performance.now();
      expect(() => parseBackup(t)).toThrow(/not a Sparekey backup|tampered/i);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});

// ---- checkPayload -------------------------------------------------------------------------------

const ACCOUNT_KEYS = new Set(['id', 'site', 'label', 'origins', 'policy', 'createdAt', 'updatedAt', 'format']);
const CODE_KEYS = new Set(['id', 'accountId', 'value', 'seq', 'batch', 'source', 'capturedAt', 'status', 'history', 'reservation']);
const EVENT_KEYS = new Set(['id', 'at', 'kind', 'accountId', 'codeId', 'detail']);
const okStr = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
const okTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const extraKeys = (o: object, allowed: Set<string>) => Object.keys(o).filter((k) => !allowed.has(k));

function payloadProblems(input: { accounts: unknown[]; codes: unknown[] }, out: CheckedPayload): string[] {
  const p: string[] = [];
  const accounts = new Map<string, Account>();
  for (const a of out.accounts) {
    const site = siteById(a.site);
    if (!site) p.push(`account of unknown site ${a.site}`);
    if (!okStr(a.id, 64) || !okStr(a.label, 200)) p.push('account id/label');
    if (!a.origins.length || a.origins.some((o) => !site?.origins.includes(o))) p.push(`origins ${JSON.stringify(a.origins)}`);
    if (!POLICY_KINDS.includes(a.policy.kind)) p.push('policy');
    if (!okTime(a.createdAt) || !okTime(a.updatedAt)) p.push('account times');
    if (extraKeys(a, ACCOUNT_KEYS).length || extraKeys(a.policy, new Set(['kind', 'maxActive'])).length) p.push('account extra keys');
    if (accounts.has(a.id)) p.push('account id twice');
    accounts.set(a.id, a);
  }
  const ids = new Set<string>();
  for (const c of out.codes) {
    const owner = accounts.get(c.accountId);
    if (!owner) p.push('code of no account');
    else if (formatOf(owner, FORMATS).normalize(c.value) !== c.value) p.push(`value not of its format: ${JSON.stringify(c.value)}`);
    if (!okStr(c.id, 64) || ids.has(c.id)) p.push('code id');
    ids.add(c.id);
    if (!Number.isInteger(c.seq) || c.seq < 1) p.push('seq');
    if (!CODE_STATUSES.includes(c.status) || !CODE_SOURCES.includes(c.source)) p.push('status/source');
    if (!okTime(c.capturedAt) || !okStr(c.batch, 64)) p.push('capturedAt/batch');
    if (!Array.isArray(c.history) || c.history.length > BACKUP_LIMITS.history) p.push('history');
    for (const h of c.history) if (!okTime(h.at) || !CODE_STATUSES.includes(h.status) || !okStr(h.reason, 64)) p.push('history entry');
    if (extraKeys(c, CODE_KEYS).length) p.push('code extra keys');
  }
  const eventIds = new Set(out.events.map((e) => e.id));
  if (eventIds.size !== out.events.length) p.push('an event id twice');
  for (const e of out.events) {
    if (!okStr(e.id, 64) || !okTime(e.at) || !okStr(e.kind, 64)) p.push('event');
    if (extraKeys(e, EVENT_KEYS).length) p.push('event extra keys');
    for (const v of Object.values(e.detail ?? {})) if (v !== null && typeof v === 'object') p.push('event detail not flat');
  }
  // Never half-kept: each input account and code is taken whole or counted as skipped.
  if (out.accounts.length + out.codes.length + out.skipped !== input.accounts.length + input.codes.length)
    p.push(`taken ${out.accounts.length + out.codes.length} + skipped ${out.skipped} ≠ ${input.accounts.length + input.codes.length} records`);
  return p;
}

describe('checkPayload on 10,000 payloads', () => {
  property('refuses with a typed error, or keeps only valid records, copied, each taken or counted', RUNS, async (runs) => {
    const { raw } = await realBackup();
    const base = raw as unknown as Json;
    const payload = fc.oneof(
      { weight: 6, arbitrary: edits.map((e) => mutate(base, e)) },
      { weight: 2, arbitrary: fc.array(fc.tuple(fc.nat(), edit), { minLength: 5, maxLength: 12 }).map((e) => mutate(base, e)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
      {
        weight: 1,
        arbitrary: fc.record({ accounts: fc.array(odd, { maxLength: 4 }), codes: fc.array(odd, { maxLength: 4 }), events: fc.array(odd, { maxLength: 4 }) }),
      },
    );
    const counts = { refused: 0, taken: 0, skippedSome: 0 };
    const bad: string[] = [];
    fc.assert(
      fc.property(payload, (input) => {
        let out: CheckedPayload;
        try {
          out = checkPayload(input);
        } catch (e) {
          if (!(e instanceof NotABackupError)) throw e;
          counts.refused++;
          return;
        }
        counts.taken++;
        if (out.skipped > 0) counts.skippedSome++;
        const problems = payloadProblems(input as { accounts: unknown[]; codes: unknown[] }, out);
        if (problems.length) bad.push(`${problems.join('; ')} from ${JSON.stringify(input).slice(0, 400)}`);
        if (polluted()) bad.push('Object.prototype polluted');
      }),
      runs,
    );
    expect(bad).toEqual([]);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.skippedSome).toBeGreaterThan(runs.numRuns / 10);
  });

  it('refuses lists beyond its limits before looking at a record', () => {
    for (const [key, n] of [['accounts', BACKUP_LIMITS.accounts + 1], ['codes', BACKUP_LIMITS.codes + 1], ['events', BACKUP_LIMITS.events + 1]] as const) {
      const input = { accounts: [], codes: [], events: [], [key]: new Array(n).fill(null) };
      expect(() => checkPayload(input)).toThrow(NotABackupError);
    }
  });
});

describe('restoring a file whose records clash (found by the fuzz below)', () => {
  async function restoreInto(payload: unknown) {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    const text = backupText(await sealBackup(payload as never, PASS, { kdf: FAST_KDF, now: Date.UTC(2026, 0, 1) }));
    return { rig, reply: await rig.send('backup/restore', { text, passphrase: PASS }) };
  }

  it('takes the first of two log entries with one id instead of failing the whole restore', async () => {
    const { raw } = await realBackup();
    const payload = structuredClone(raw);
    payload.events[1]!.id = payload.events[0]!.id;
    const { rig, reply } = await restoreInto(payload);
    expect(reply).toMatchObject({ ok: true, value: { accountsAdded: 2, codesAdded: raw.codes.length } });
    const { events } = await rig.ok('history/list', {});
    expect(events.filter((e) => e.id === raw.events[0]!.id)).toEqual([raw.events[0]]);
  });

  it('merges two accounts of one file that are the same account here, storing each value once', async () => {
    const { raw } = await realBackup();
    const payload = structuredClone(raw);
    const [alice, second] = payload.accounts;
    second!.label = alice!.label.replace('@', '').toUpperCase(); // "ALICE" is "@alice"
    // And the second account holds one of the first's values too.
    payload.codes.find((c) => c.accountId === second!.id)!.value = payload.codes.find((c) => c.accountId === alice!.id)!.value;
    const { rig, reply } = await restoreInto(payload);
    expect(reply).toMatchObject({ ok: true, value: { accountsAdded: 1, accountsMerged: 1 } });
    const live = await rig.ok('accounts/list', {});
    expect(live).toHaveLength(1);
    const revived = rig.restart();
    // What the worker holds in memory is what a restarted one reads from disk.
    expect(await revived.ok('accounts/list', {})).toEqual(live);
    expect(await vaultProblems(revived)).toEqual([]);
    expect(live[0]!.total).toBe(new Set(payload.codes.map((c) => c.value)).size);
  });

  it('gives a code whose seq the file repeats the next free seq, so no account holds two #1', async () => {
    const { raw } = await realBackup();
    const payload = structuredClone(raw);
    const [first, second] = payload.codes.filter((c) => c.accountId === payload.accounts[0]!.id);
    second!.seq = first!.seq;
    const { rig, reply } = await restoreInto(payload);
    expect(reply.ok).toBe(true);
    for (const a of await rig.ok('accounts/list', {})) {
      const seqs = (await rig.ok('accounts/get', { accountId: a.id })).codes.map((c) => c.seq);
      expect(new Set(seqs).size, a.label).toBe(seqs.length);
    }
    expect(await vaultProblems(rig)).toEqual([]);
  });
});

// ---- through the background ---------------------------------------------------------------------

async function rawRows(rig: Rig): Promise<string> {
  const db = await openVaultDb({ indexedDB: rig.factory });
  const out: unknown[] = [];
  for (const store of ['meta', 'accounts', 'codes', 'events'] as const) out.push(await db.getAll(store));
  db.close();
  return JSON.stringify(out);
}

/** The vault's own rules, after whatever a restore did. */
async function vaultProblems(rig: Rig): Promise<string[]> {
  const p: string[] = [];
  const vault = await rig.deps.session.unlocked();
  if (vault.damaged.length) p.push(`damaged ${vault.damaged.join()}`);
  for (const a of vault.allAccounts()) {
    const codes = vault.codesOf(a.id);
    const format = formatOf(a, FORMATS);
    if (new Set(codes.map((c) => c.value)).size !== codes.length) p.push(`${a.label}: a value twice`);
    if (new Set(codes.map((c) => c.seq)).size !== codes.length) p.push(`${a.label}: a seq twice`);
    for (const c of codes) if (format.normalize(c.value) !== c.value) p.push(`${a.label}: value not of its format`);
    if (codes.filter((c) => c.status === 'reserved').length > 0) p.push(`${a.label}: a reservation from a file`);
    const active = codes.filter((c) => ['unused', 'reserved', 'unconfirmed'].includes(c.status)).length;
    if (a.policy.maxActive !== undefined && active > a.policy.maxActive) p.push(`${a.label}: ${active} active of ${a.policy.maxActive}`);
  }
  const { errors } = await vault.store.loadEvents();
  if (errors.length) p.push('unreadable events');
  return p;
}

describe('restoring fuzzed payloads through the background', () => {
  property('either refuses and changes no stored row, or leaves a vault that keeps its rules (300 files)', 300, async (runs) => {
    const { raw } = await realBackup();
    const base = raw as unknown as Json;
    let rig: Rig | undefined;
    let restores = 0;
    const outcomes: Record<string, number> = {};
    const bad: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 6 }), async (e) => {
        // A fresh vault now and then; in between, restores pile up as they would.
        if (restores++ % 4 === 0) {
          rig = makeRig();
          await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
          await rig.ok('accounts/add', { site: 'x', label: '@alice' });
        }
        const payload = mutate(base, e);
        const text = backupText(await sealBackup(payload as never, PASS, { kdf: FAST_KDF, now: Date.UTC(2026, 0, 1) }));
        const before = await rawRows(rig!);
        const countBefore = (await rig!.ok('accounts/list', {})).reduce((n, a) => n + a.total, 0);
        const reply = await rig!.send('backup/restore', { text, passphrase: PASS });
        const key = reply.ok ? 'ok' : reply.error.code;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        if (!reply.ok) {
          if (!['invalid', 'tampered'].includes(reply.error.code)) bad.push(`${reply.error.code}: ${reply.error.message} for ${JSON.stringify(payload).slice(0, 300)}`);
          if ((await rawRows(rig!)) !== before) bad.push(`a refused restore changed stored rows: ${JSON.stringify(payload).slice(0, 300)}`);
          return;
        }
        const countAfter = (await rig!.ok('accounts/list', {})).reduce((n, a) => n + a.total, 0);
        if (countAfter - countBefore !== reply.value.codesAdded) bad.push(`summary says ${reply.value.codesAdded} added, the vault grew by ${countAfter - countBefore}`);
        for (const problem of await vaultProblems(rig!)) bad.push(`${problem} after ${JSON.stringify(payload).slice(0, 300)}`);
        // A revived worker reads from disk what this one holds in memory.
        const revived = rig!.restart();
        if ((await revived.ok('vault/status', {})).damaged.length) bad.push('damaged after restart');
        if (JSON.stringify(await revived.ok('accounts/list', {})) !== JSON.stringify(await rig!.ok('accounts/list', {})))
          bad.push(`memory and disk disagree after ${JSON.stringify(payload).slice(0, 300)}`);
      }),
      runs,
    );
    expect(bad).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(runs.numRuns / 10);
  }, 300_000);
});
