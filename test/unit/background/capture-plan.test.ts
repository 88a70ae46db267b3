// Capture poisoning: a page on the site's origin decides what it shows. A capture is capped at what
// the site can show, says before Save what it adds and invalidates, and Save acts only on that.
import { describe, expect, it } from 'vitest';
import { contentSender, rigWithX, X_CODES } from './rig';

const CODE_PAGE = 'https://x.com/settings/account/login_verification/backup_code';
const page = contentSender(3, CODE_PAGE);
const fresh = (n: number) => `zz${String(n).padStart(2, '0')}kkkk${String(n).padStart(2, '0')}qq`;
const pending = (rig: { session: { data: Map<string, unknown> } }) =>
  (rig.session.data.get('pendingCaptures') as Array<{ codes: string[] }> | undefined) ?? [];

describe('capturing codes from a page', () => {
  it('refuses a screen that shows more codes at once than X ever does, and keeps none of them', async () => {
    const { rig } = await rigWithX(X_CODES);
    rig.tabs.urls.set(3, CODE_PAGE);
    const flood = Array.from({ length: 20 }, (_, i) => fresh(i));
    expect(await rig.send('content/codes-seen', { codes: flood, handle: '@alice' }, page)).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'This page shows more codes at once than X ever does (1 at most). Sparekey kept none of them.' },
    });
    expect(pending(rig)).toEqual([]);
  });

  it('keeps only the newest five of the codes a tab shows one after another (X keeps five valid)', async () => {
    const { rig } = await rigWithX(X_CODES);
    rig.tabs.urls.set(3, CODE_PAGE);
    let seen;
    for (let i = 0; i < 40; i++) seen = await rig.ok('content/codes-seen', { codes: [fresh(i)], handle: '@alice' }, page);
    expect(pending(rig)[0]!.codes).toEqual([35, 36, 37, 38, 39].map(fresh));
    expect(seen).toMatchObject({ fresh: 5, preview: { adds: [35, 36, 37, 38, 39].map((n) => `…${fresh(n).slice(-4)}`) } });
  });

  it('says which codes saving would invalidate, and saves only what it said', async () => {
    const { rig, accountId } = await rigWithX(X_CODES);
    rig.tabs.urls.set(3, CODE_PAGE);
    const first = await rig.ok('content/codes-seen', { codes: [fresh(1)], handle: '@alice' }, page);
    expect(first.preview).toEqual({ revision: 1, adds: [`…${fresh(1).slice(-4)}`], invalidates: [1] });
    const second = await rig.ok('content/codes-seen', { codes: [fresh(2)], handle: '@alice' }, page);
    expect(second.preview).toMatchObject({ revision: 2, invalidates: [1, 2] });
    expect(await rig.ok('captures/list', {})).toMatchObject([{ preview: { revision: 2, invalidates: [1, 2] } }]);
    // A Save for what the person saw first is refused: the page showed another code since.
    expect(await rig.send('content/codes-save', { captureId: first.captureId!, revision: 1, trusted: true }, page)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await rig.ok('accounts/get', { accountId })).counts.invalidated).toBe(0);
    const saved = await rig.ok('content/codes-save', { captureId: second.captureId!, revision: 2, trusted: true }, page);
    expect(saved).toMatchObject({ added: 2, invalidated: 2 });
    const codes = (await rig.ok('accounts/get', { accountId })).codes;
    expect(codes.filter((c) => c.status === 'invalidated').map((c) => c.seq)).toEqual([1, 2]);
  });

  it('refuses a popup Save of a capture that changed since the list was read', async () => {
    const { rig } = await rigWithX(X_CODES.slice(0, 2));
    rig.tabs.urls.set(3, CODE_PAGE);
    await rig.ok('content/codes-seen', { codes: [fresh(1)], handle: '@alice' }, page);
    const [listed] = await rig.ok('captures/list', {});
    await rig.ok('content/codes-seen', { codes: [fresh(2)], handle: '@alice' }, page);
    expect(await rig.send('captures/save', { captureId: listed!.id, revision: listed!.preview!.revision })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
