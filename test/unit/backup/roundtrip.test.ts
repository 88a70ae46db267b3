// backup/export and backup/restore through the real router, session and IndexedDB store (fakes
// only at the browser's edges, as in test/unit/background/rig.ts).
import { describe, expect, it } from 'vitest';
import { LOGIN, PASS, X_CODES, contentSender, makeRig, rigWithX, type Rig } from '../background/rig';

/** Everything the vault holds, as read back from IndexedDB by a freshly started background. */
async function stored(rig: Rig) {
  const fresh = rig.restart();
  const vault = await fresh.deps.session.unlocked();
  const accounts = vault.allAccounts().sort((a, b) => a.id.localeCompare(b.id));
  return { accounts, codes: accounts.flatMap((a) => vault.codesOf(a.id)) };
}

/** A vault with history: one code used through a fill on x.com, one marked used by hand. */
async function livedIn() {
  const { rig, accountId } = await rigWithX(X_CODES);
  const tab = contentSender(1, LOGIN);
  rig.tabs.urls.set(1, LOGIN);
  const grant = await rig.ok('content/request-fill', { trusted: true }, tab);
  await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'accepted' }, tab);
  const detail = await rig.ok('accounts/get', { accountId });
  await rig.ok('codes/set-status', { accountId, codeId: detail.codes[3]!.id, status: 'used' });
  await rig.ok('accounts/add', { site: 'x', label: '@bob' });
  return { rig, accountId };
}

describe('backup export and restore', () => {
  it('export → wipe → restore gives back the identical vault', async () => {
    const { rig } = await livedIn();
    const before = await stored(rig);
    expect(before.codes.map((c) => c.status)).toEqual(['used', 'invalidated', 'invalidated', 'used', 'unused']);

    const file = await rig.ok('backup/export', { passphrase: PASS, own: false });
    expect(file).toMatchObject({ accounts: 2, codes: 5, fileName: expect.stringMatching(/^sparekey-backup-\d{4}-\d\d-\d\d\.json$/) });
    for (const c of before.codes) expect(file.text).not.toContain(c.value);

    for (const a of before.accounts) await rig.ok('accounts/delete', { accountId: a.id, confirmLabel: a.label });
    expect(await rig.ok('accounts/list', {})).toEqual([]);

    const summary = await rig.ok('backup/restore', { text: file.text, passphrase: PASS });
    expect(summary).toEqual({ accountsAdded: 2, accountsMerged: 0, codesAdded: 5, codesAdvanced: 0, codesUnchanged: 0, skipped: 0 });
    expect(await stored(rig)).toEqual(before);
    const { events } = await rig.ok('history/list', {});
    expect(events[0]).toMatchObject({ kind: 'backup-restored' });
  });

  it('restores a file under its own passphrase into another browser’s new vault', async () => {
    const { rig } = await livedIn();
    const own = 'granite parrot lantern ninety';
    const file = await rig.ok('backup/export', { passphrase: own, own: true, confirm: own });
    const elsewhere = makeRig();
    await elsewhere.ok('vault/create', { passphrase: 'a different vault passphrase', confirm: 'a different vault passphrase' });
    expect(await elsewhere.send('backup/restore', { text: file.text, passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    await elsewhere.ok('backup/restore', { text: file.text, passphrase: own });
    expect(await stored(elsewhere)).toEqual(await stored(rig));
  });

  it('merges into a vault that moved on: statuses only move forward, new codes are kept', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
    const file = await rig.ok('backup/export', { passphrase: PASS, own: false });
    const detail = await rig.ok('accounts/get', { accountId });
    await rig.ok('codes/set-status', { accountId, codeId: detail.codes[0]!.id, status: 'used' });
    await rig.ok('codes/add', { accountId, values: ['kkkk6666llll'], source: 'paste' });
    const summary = await rig.ok('backup/restore', { text: file.text, passphrase: PASS });
    expect(summary).toMatchObject({ accountsMerged: 1, codesAdded: 0, codesAdvanced: 0, codesUnchanged: 3 });
    const after = await rig.ok('accounts/get', { accountId });
    expect(after.codes.map((c) => c.status)).toEqual(['used', 'unused', 'unused', 'unused']);
  });

  it('refuses an export under a mistyped vault passphrase, and a weak or mismatched own one', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 1));
    expect(await rig.send('backup/export', { passphrase: `${PASS}!`, own: false })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(await rig.send('backup/export', { passphrase: 'short', own: true, confirm: 'short' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    expect(await rig.send('backup/export', { passphrase: 'granite parrot lantern ninety', own: true, confirm: 'granite parrot lantern' })).toMatchObject({
      ok: false,
      error: { code: 'mismatch' },
    });
  });

  it('reports a file that is not a backup, and an altered one, as such', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 1));
    expect(await rig.send('backup/restore', { text: 'hello', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const file = await rig.ok('backup/export', { passphrase: PASS, own: false });
    const altered = JSON.parse(file.text);
    altered.createdAt += 1;
    expect(await rig.send('backup/restore', { text: JSON.stringify(altered), passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'tampered' },
    });
  });

  it('needs an unlocked vault, and only answers extension pages', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 1));
    const file = await rig.ok('backup/export', { passphrase: PASS, own: false });
    expect(await rig.send('backup/restore', { text: file.text, passphrase: PASS }, contentSender(1, LOGIN))).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    await rig.ok('vault/lock', {});
    expect(await rig.send('backup/export', { passphrase: PASS, own: false })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await rig.send('backup/restore', { text: file.text, passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});
