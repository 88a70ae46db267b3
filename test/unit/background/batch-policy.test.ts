// GitHub and the other batch sites in the background: a GitHub account stored under the old
// any-order policy keeps its codes at unlock, and codes/preview says what a new set would
// invalidate before codes/add does it.
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/sites/index';
import { mergeCodes } from '../../../src/vault/merge';
import type { Account } from '../../../src/vault/types';
import { contentSender, makeRig, PASS, rigWithX, X_CODES, type Rig } from './rig';

const SET_1 = ['0a1b2-c3d4e', '5f6a7-b8c9d', '11111-22222', '33333-44444'];
const SET_2 = ['aaaaa-bbbbb', 'ccccc-ddddd'];

/** A vault holding a GitHub account as an earlier Sparekey stored it: any-order, codes pasted in two parts. */
async function oldGithubAccount(): Promise<{ rig: Rig; accountId: string }> {
  const rig = makeRig();
  await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
  const created = await rig.ok('accounts/add', { site: 'github', label: 'octocat' });
  const vault = await rig.deps.session.unlocked();
  const old: Account = { ...vault.account(created.id), policy: { kind: 'any-order' } };
  const ctx = (batch: string) => ({ now: rig.clock.now, newId: rig.deps.newId, source: 'paste' as const, batch, formats: FORMATS });
  let codes = mergeCodes(old, [], SET_1.slice(0, 2), ctx('part-1')).codes;
  codes = mergeCodes(old, codes, SET_1.slice(2), ctx('part-2')).codes;
  await vault.applyAll([{ account: old, result: { codes, changed: codes, events: [] } }]);
  return { rig, accountId: created.id };
}

describe('a batch site in the background', () => {
  it('new accounts of GitHub, GitLab, Google, Discord and Proton take the batch policy', async () => {
    const { rig } = await rigWithX([]);
    for (const site of ['github', 'gitlab', 'google', 'discord', 'proton']) {
      expect((await rig.ok('accounts/add', { site, label: `me-${site}` })).policy).toEqual({ kind: 'batch' });
    }
  });

  it('moves an account stored as any-order to batch at unlock, once, keeping every code usable', async () => {
    const { rig, accountId } = await oldGithubAccount();
    expect((await rig.ok('accounts/get', { accountId })).policy).toEqual({ kind: 'any-order' });
    const revived = rig.restart();
    const detail = await revived.ok('accounts/get', { accountId });
    expect(detail.policy).toEqual({ kind: 'batch' });
    expect(detail.codes.map((c) => c.status)).toEqual(['unused', 'unused', 'unused', 'unused']);
    // Written, not only in memory: another restart finds it moved already and logs nothing more.
    const again = revived.restart();
    expect((await again.ok('accounts/get', { accountId })).policy).toEqual({ kind: 'batch' });
    const { events } = await again.ok('history/list', { accountId });
    expect(events.filter((e) => e.kind === 'policy-changed')).toEqual([
      expect.objectContaining({ detail: { from: 'any-order', to: 'batch', regrouped: 2 } }),
    ]);
    // The codes pasted in two parts are one set: re-importing any of them invalidates nothing.
    expect(await again.ok('codes/preview', { accountId, values: [SET_1[0]!, 'fffff-00000'] })).toEqual({
      adds: 1,
      duplicates: 1,
      invalid: 0,
      invalidates: [],
    });
  });

  it('moves an any-order account that a restored backup brings to batch as well', async () => {
    const { rig, accountId } = await oldGithubAccount();
    const file = await rig.ok('backup/export', { passphrase: PASS, own: false });
    const other = makeRig();
    await other.ok('vault/create', { passphrase: PASS, confirm: PASS });
    expect(await other.ok('backup/restore', { text: file.text, passphrase: PASS })).toMatchObject({ accountsAdded: 1, codesAdded: 4 });
    const detail = await other.ok('accounts/get', { accountId });
    expect(detail.policy).toEqual({ kind: 'batch' });
    expect(detail.codes.map((c) => c.status)).toEqual(['unused', 'unused', 'unused', 'unused']);
    expect((await other.ok('codes/preview', { accountId, values: SET_2 })).invalidates).toEqual([1, 2, 3, 4]);
  });

  it('previews a new set’s invalidations, changes nothing, and then codes/add does exactly that', async () => {
    const { rig, accountId } = await oldGithubAccount();
    const revived = rig.restart();
    const ids = (await revived.ok('accounts/get', { accountId })).codes.map((c) => c.id);
    await revived.ok('codes/set-status', { accountId, codeId: ids[0]!, status: 'used' });
    const preview = await revived.ok('codes/preview', { accountId, values: [...SET_2, SET_2[0]!, 'nope'] });
    expect(preview).toEqual({ adds: 2, duplicates: 1, invalid: 1, invalidates: [2, 3, 4] });
    expect((await revived.ok('accounts/get', { accountId })).codes.map((c) => c.status)).toEqual(['used', 'unused', 'unused', 'unused']);
    const saved = await revived.ok('codes/add', { accountId, values: SET_2, source: 'paste' });
    expect(saved).toMatchObject({ added: 2, invalidated: 3 });
    const after = await revived.ok('accounts/get', { accountId });
    expect(after.codes.map((c) => [c.status, c.invalidatedBySeq])).toEqual([
      ['used', undefined],
      ['invalidated', 5],
      ['invalidated', 5],
      ['invalidated', 5],
      ['unused', undefined],
      ['unused', undefined],
    ]);
  });

  it('previews X’s rule too: codes beyond five active invalidate the oldest', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 4));
    expect(await rig.ok('codes/preview', { accountId, values: ['kkkk6666llll', 'mmmm7777nnnn'] })).toEqual({
      adds: 2,
      duplicates: 0,
      invalid: 0,
      invalidates: [1],
    });
  });

  it('answers codes/preview to extension pages only', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 2));
    const page = contentSender(1, 'https://x.com/i/flow/login');
    expect(await rig.send('codes/preview', { accountId, values: [X_CODES[2]!] }, page)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
