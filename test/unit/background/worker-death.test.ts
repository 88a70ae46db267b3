// The worker can die between any two steps (Chrome stops idle service workers; Firefox unloads
// idle event pages). Each test kills it at one step and checks the revived worker, built from
// storage alone, tells the same truth.
import { describe, expect, it } from 'vitest';
import { COOLDOWN_MS } from '../../../src/background/release-limit';
import { LOGIN, PASS, X_CODES, contentSender, rigWithX } from './rig';
import { reconcileAll } from '../../../src/background/reservations';

const tab1 = contentSender(1, LOGIN);
const tab2 = contentSender(2, LOGIN);
const CODE_PAGE = contentSender(1, 'https://x.com/settings/account/login_verification/backup_code');

async function reserved() {
  const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
  rig.tabs.urls.set(1, LOGIN);
  rig.tabs.urls.set(2, LOGIN);
  const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
  return { rig, accountId, grant, revived: rig.restart() };
}

describe('a worker killed mid-operation', () => {
  it('after a reservation: the code stays reserved, the same tab gets it back, another tab does not', async () => {
    const { accountId, grant, revived } = await reserved();
    expect((await revived.ok('accounts/get', { accountId })).counts).toMatchObject({ reserved: 1, unused: 2 });
    expect(await revived.ok('content/request-fill', { trusted: true }, tab1)).toEqual(grant);
    expect(await revived.send('content/request-fill', { trusted: true }, tab2)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('between fill and outcome: the outcome is still recorded, with time and origin', async () => {
    const { accountId, grant, revived } = await reserved();
    await revived.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'accepted' }, tab1);
    const codes = (await revived.ok('accounts/get', { accountId })).codes;
    expect(codes[0]).toMatchObject({ status: 'used', usedOrigin: 'https://x.com' });
    expect(codes.slice(1).map((c) => c.status)).toEqual(['unused', 'unused']);
  });

  it('after a rejection: the next code is offered by the revived worker', async () => {
    const { rig, grant } = await reserved();
    await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'rejected' }, tab1);
    const revived = rig.restart();
    // The cool-down after a rejection is read from the vault: a restart does not lift it.
    expect(await revived.send('content/request-fill', { trusted: true }, tab1)).toMatchObject({ ok: false, error: { code: 'throttled' } });
    rig.clock.now += COOLDOWN_MS;
    expect(await revived.ok('content/request-fill', { trusted: true }, tab1)).toMatchObject({ value: X_CODES[1], seq: 2 });
  });

  it('while the tab closed: the reservation becomes unconfirmed once the worker is back', async () => {
    const { rig, accountId, revived } = await reserved();
    rig.tabs.urls.delete(1);
    await revived.ok('vault/status', {});
    expect(await reconcileAll(revived.deps)).toBe(1);
    expect((await revived.ok('accounts/get', { accountId })).codes[0]!.status).toBe('unconfirmed');
    // And nothing is offered twice: the next fill, after the cool-down, gets code 2.
    rig.clock.now += COOLDOWN_MS;
    expect(await revived.ok('content/request-fill', { trusted: true }, tab2)).toMatchObject({ seq: 2 });
  });

  it('while the tab moved to another site: unconfirmed as well', async () => {
    const { rig, accountId, revived } = await reserved();
    rig.tabs.urls.set(1, 'https://example.test/');
    await revived.ok('vault/status', {});
    await reconcileAll(revived.deps);
    expect((await revived.ok('accounts/get', { accountId })).codes[0]!.status).toBe('unconfirmed');
  });

  it('between seeing a code on the page and saving it: the capture survives', async () => {
    const { rig, accountId } = await rigWithX([]);
    const seen = await rig.ok('content/codes-seen', { codes: ['oooo8888pppp'], handle: '@alice' }, CODE_PAGE);
    const revived = rig.restart();
    await revived.ok('content/codes-save', { captureId: seen.captureId!, revision: seen.preview!.revision, trusted: true }, CODE_PAGE);
    expect((await revived.ok('accounts/get', { accountId })).total).toBe(1);
  });

  it('after locking: the revived worker is locked too', async () => {
    const { rig } = await rigWithX([]);
    await rig.ok('vault/lock', {});
    expect((await rig.restart().ok('vault/status', {})).state).toBe('locked');
  });

  it('after adding codes: nothing is lost or doubled', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 2));
    const revived = rig.restart();
    expect(await revived.ok('codes/add', { accountId, values: X_CODES.slice(0, 3), source: 'import' })).toMatchObject({ added: 1, duplicates: 2 });
    expect((await revived.restart().ok('accounts/get', { accountId })).codes.map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it('after an unlock: comes back unlocked without the passphrase', async () => {
    const { rig } = await rigWithX([]);
    await rig.ok('vault/lock', {});
    await rig.ok('vault/unlock', { passphrase: PASS });
    expect((await rig.restart().ok('vault/status', {})).state).toBe('unlocked');
  });
});
