import { describe, expect, it } from 'vitest';
import { X_CODES, makeRig, rigWithX, PASS } from './rig';

describe('vault commands', () => {
  it('lists accounts with counts and no code values', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
    const list = await rig.ok('accounts/list', {});
    expect(list).toEqual([
      expect.objectContaining({ id: accountId, site: 'x', label: '@alice', left: 3, total: 3, unconfirmed: 0, policy: { kind: 'ordered', maxActive: 5 } }),
    ]);
    expect(JSON.stringify(list)).not.toMatch(/aaaa1111bbbb|cccc2222dddd/);
  });

  it('masks code values unless a page asks to reveal one', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 2));
    const masked = await rig.ok('accounts/get', { accountId });
    expect(masked.codes.map((c) => c.value)).toEqual([undefined, undefined]);
    expect(masked.codes[0]!.masked).toBe('•••• •••• ••••');
    const shown = await rig.ok('accounts/get', { accountId, reveal: [masked.codes[1]!.id] });
    expect(shown.codes.map((c) => c.value)).toEqual([undefined, 'cccc 2222 dddd']);
  });

  it('adds codes, skipping and counting duplicates and non-codes, keeping at most five active on X', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 4));
    const summary = await rig.ok('codes/add', { accountId, values: [X_CODES[0]!, 'zz', X_CODES[4]!, 'kkkk6666llll'], source: 'paste' });
    expect(summary).toEqual({ accountId, added: 2, duplicates: 1, invalid: 1, invalidated: 1 });
    const detail = await rig.ok('accounts/get', { accountId });
    expect(detail.codes.map((c) => c.status)).toEqual(['invalidated', 'unused', 'unused', 'unused', 'unused', 'unused']);
  });

  it('keeps vault-only sites: a GitHub account takes GitHub codes, any order within a set, and never X codes', async () => {
    const { rig } = await rigWithX([]);
    const gh = await rig.ok('accounts/add', { site: 'github', label: 'octocat' });
    expect(gh.policy).toEqual({ kind: 'batch' });
    const summary = await rig.ok('codes/add', { accountId: gh.id, values: ['0a1b2-c3d4e', '5F6A7-B8C9D', '0a1b2-c3d4e', X_CODES[0]!], source: 'import' });
    expect(summary).toMatchObject({ added: 2, duplicates: 1, invalid: 1 });
    const ids = (await rig.ok('accounts/get', { accountId: gh.id })).codes.map((c) => c.id);
    const after = await rig.ok('codes/set-status', { accountId: gh.id, codeId: ids[1]!, status: 'used' });
    expect(after.codes.map((c) => c.status)).toEqual(['unused', 'used']);
  });

  it('refuses an unknown site and a duplicate account', async () => {
    const { rig } = await rigWithX([]);
    expect(await rig.send('accounts/add', { site: 'myspace', label: 'tom' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('accounts/add', { site: 'x', label: 'ALICE' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('renames an account', async () => {
    const { rig, accountId } = await rigWithX([]);
    expect(await rig.ok('accounts/rename', { accountId, label: '@alice_new' })).toMatchObject({ label: '@alice_new' });
  });

  it('deletes an account only when its label is typed back, with its codes', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 2));
    expect(await rig.send('accounts/delete', { accountId, confirmLabel: 'alice' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    await rig.ok('accounts/delete', { accountId, confirmLabel: '@alice' });
    expect(await rig.ok('accounts/list', {})).toEqual([]);
    expect(await rig.send('accounts/get', { accountId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Deleted for good, not just hidden in memory:
    const revived = rig.restart();
    expect(await revived.ok('accounts/list', {})).toEqual([]);
  });

  it('marks a code used by hand, invalidating older ones on X, and unused again', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
    const ids = (await rig.ok('accounts/get', { accountId })).codes.map((c) => c.id);
    const after = await rig.ok('codes/set-status', { accountId, codeId: ids[2]!, status: 'used' });
    expect(after.codes.map((c) => [c.status, c.invalidatedBySeq])).toEqual([['invalidated', 3], ['invalidated', 3], ['used', undefined]]);
    const undone = await rig.ok('codes/set-status', { accountId, codeId: ids[2]!, status: 'unused' });
    expect(undone.codes[2]!.status).toBe('unused');
  });

  it('invalidates a code by hand and refuses an illegal move with conflict', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 2));
    const id = (await rig.ok('accounts/get', { accountId })).codes[0]!.id;
    await rig.ok('codes/set-status', { accountId, codeId: id, status: 'invalidated' });
    expect(await rig.send('codes/set-status', { accountId, codeId: id, status: 'invalidated' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await rig.send('codes/set-status', { accountId, codeId: id, status: 'rejected' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await rig.send('codes/set-status', { accountId, codeId: 'nope', status: 'used' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('keeps a readable history without code values', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 2));
    const id = (await rig.ok('accounts/get', { accountId })).codes[1]!.id;
    await rig.ok('codes/set-status', { accountId, codeId: id, status: 'used' });
    const { events, damaged } = await rig.ok('history/list', { accountId });
    expect(damaged).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['account-added', 'codes-added', 'code-status-changed']));
    expect(JSON.stringify(events)).not.toMatch(/aaaa1111bbbb|cccc2222dddd/);
  });

  it('answers malformed and unknown messages with invalid, never a throw', async () => {
    const rig = makeRig();
    await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
    expect(await rig.send('accounts/get', { accountId: 42 } as never)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('accounts/get', { accountId: 'a', extra: 1 } as never)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('no/such' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await rig.send('codes/add', { accountId: 'a', values: Array(1001).fill('x'), source: 'paste' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
