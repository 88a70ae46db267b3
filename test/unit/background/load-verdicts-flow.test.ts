// GitHub's form post, through the background: a code filled on github.com and submitted is
// settled by the tab's next load (accepted at /, rejected at the 2FA form again), only for the tab
// and origin that were given the code; X's reports are untouched by any of it.
import { describe, expect, it } from 'vitest';
import { judgeLoad } from '../../../src/background/load-verdicts';
import { contentSender, makeRig, PASS } from './rig';

const RECOVERY = 'https://github.com/sessions/two-factor/recovery';
const CODES = ['aaaaa-11111', 'bbbbb-22222', 'ccccc-33333'];

async function githubRig() {
  const rig = makeRig();
  await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
  const account = await rig.ok('accounts/add', { site: 'github', label: 'octocat' });
  await rig.ok('codes/add', { accountId: account.id, values: CODES, source: 'paste' });
  rig.tabs.urls.set(7, RECOVERY);
  const statuses = async () => (await rig.ok('accounts/get', { accountId: account.id })).codes.sort((a, b) => a.seq - b.seq).map((c) => c.status);
  return { rig, statuses };
}

describe('a GitHub code settled by the load after its submit', () => {
  it('is used when the tab lands on github.com/, rejected when GitHub shows the 2FA form again', async () => {
    const { rig, statuses } = await githubRig();
    const tab = contentSender(7, RECOVERY);
    const first = await rig.ok('content/request-fill', { trusted: true }, tab);
    expect(first.value).toBe(CODES[0]);
    await rig.ok('content/submitted', { reservationId: first.reservationId, successPaths: ['/'] }, tab);
    rig.tabs.urls.set(7, 'https://github.com/');
    expect(await judgeLoad(rig.deps, rig.loads, 7, 'https://github.com/')).toBe('accepted');
    expect(await statuses()).toEqual(['used', 'unused', 'unused']);

    rig.tabs.urls.set(7, RECOVERY);
    const second = await rig.ok('content/request-fill', { trusted: true }, tab);
    await rig.ok('content/submitted', { reservationId: second.reservationId, successPaths: ['/'] }, tab);
    expect(await judgeLoad(rig.deps, rig.loads, 7, RECOVERY)).toBe('rejected');
    expect(await statuses()).toEqual(['used', 'rejected', 'unused']);
  });

  it('settles nothing for another tab, and leaves a code the page already settled as it was', async () => {
    const { rig, statuses } = await githubRig();
    const tab = contentSender(7, RECOVERY);
    const grant = await rig.ok('content/request-fill', { trusted: true }, tab);
    await rig.ok('content/submitted', { reservationId: grant.reservationId, successPaths: ['/'] }, tab);
    expect(await judgeLoad(rig.deps, rig.loads, 8, 'https://github.com/')).toBeUndefined();
    await rig.ok('content/report-outcome', { reservationId: grant.reservationId, outcome: 'rejected' }, tab);
    expect(await judgeLoad(rig.deps, rig.loads, 7, 'https://github.com/')).toBeUndefined();
    expect(await statuses()).toEqual(['rejected', 'unused', 'unused']);
  });

  it('refuses a submit from a page on a lookalike host (the sender check), so no load is awaited', async () => {
    const { rig, statuses } = await githubRig();
    const grant = await rig.ok('content/request-fill', { trusted: true }, contentSender(7, RECOVERY));
    const evil = contentSender(9, 'https://github.com.evil.test/sessions/two-factor/recovery');
    expect((await rig.send('content/submitted', { reservationId: grant.reservationId, successPaths: ['/'] }, evil)).ok).toBe(false);
    expect(await judgeLoad(rig.deps, rig.loads, 9, 'https://github.com/')).toBeUndefined();
    expect(await statuses()).toEqual(['reserved', 'unused', 'unused']);
  });

  it('keeps only paths on the site from what the page says success looks like', async () => {
    const { rig, statuses } = await githubRig();
    const tab = contentSender(7, RECOVERY);
    const grant = await rig.ok('content/request-fill', { trusted: true }, tab);
    await rig.ok('content/submitted', { reservationId: grant.reservationId, successPaths: ['//evil.test/', 'https://evil.test/'] }, tab);
    // Neither is a github.com path: landing at / is not what the page said, so it tells nothing.
    expect(await judgeLoad(rig.deps, rig.loads, 7, 'https://github.com/')).toBe('unknown');
    expect(await statuses()).toEqual(['unconfirmed', 'unused', 'unused']);
  });
});
