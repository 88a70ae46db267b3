// Another site's account (the generic recovery step, issue 13 item 3), as the background serves it:
// the person names its origin, a page there is served only while that exact origin is granted and
// an account lists it, and a code goes to that origin's top frame only, through the same pipeline
// and checks as X's.
import { describe, expect, it } from 'vitest';
import { PASS, contentSender, makeRig, type Rig } from './rig';

const PYPI = 'https://pypi.org';
const STEP = `${PYPI}/account/recovery-code/`;
const CODES = ['0a1b2c3d4e5f6071', '8293a4b5c6d7e8f9', 'fedcba9876543210'];

/** A vault with a PyPI account holding CODES, its origin granted, and tab 1 at its recovery step. */
async function withPypi(granted = true): Promise<{ rig: Rig; accountId: string }> {
  const rig = makeRig();
  await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
  const account = await rig.ok('accounts/add', { site: 'other', label: 'sk-pypi', origin: PYPI });
  await rig.ok('codes/add', { accountId: account.id, values: CODES, source: 'paste' });
  if (granted) rig.granted.add(`${PYPI}/*`);
  rig.tabs.urls.set(1, STEP);
  return { rig, accountId: account.id };
}

const statuses = async (rig: Rig, accountId: string) => (await rig.ok('accounts/get', { accountId })).codes.map((c) => c.status);

describe('accounts/add for another site', () => {
  it('stores the exact origin the person named, with the generic format and any-order rule', async () => {
    const { rig, accountId } = await withPypi();
    expect(await rig.ok('accounts/get', { accountId })).toMatchObject({ site: 'other', label: 'sk-pypi', origins: [PYPI], policy: { kind: 'any-order' } });
  });

  it.each([
    ['no origin', undefined],
    ['http', 'http://pypi.org'],
    ['an IP address', 'https://127.0.0.1'],
    ['localhost', 'https://localhost'],
    ['a port', 'https://pypi.org:8443'],
    ['a path, not an origin', 'https://pypi.org/account/'],
    ['an origin X owns', 'https://x.com'],
    ['an origin Discord owns (pick Discord)', 'https://discord.com'],
  ])('refuses %s', async (_what, origin) => {
    const { rig } = await withPypi();
    const body = origin === undefined ? { site: 'other', label: 'someone' } : { site: 'other', label: 'someone', origin };
    expect(await rig.send('accounts/add', body)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('lets the same name be used on two origins, not twice on one', async () => {
    const { rig } = await withPypi();
    expect(await rig.send('accounts/add', { site: 'other', label: 'SK-PYPI', origin: PYPI })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await rig.ok('accounts/add', { site: 'other', label: 'sk-pypi', origin: 'https://test.pypi.org' })).toMatchObject({ origins: ['https://test.pypi.org'] });
  });
});

describe("another site's page", () => {
  it('gets the chip offer and, on a click, the next code, reserved for that tab and origin', async () => {
    const { rig, accountId } = await withPypi();
    const page = contentSender(1, STEP);
    expect(await rig.ok('content/load-runtime', {}, page)).toEqual({ loaded: true });
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, page)).toMatchObject({ state: 'ready', accountId, left: 3 });
    expect(await rig.ok('content/request-fill', { trusted: true }, page)).toMatchObject({ value: CODES[0], seq: 1, accountId });
    expect(await statuses(rig, accountId)).toEqual(['reserved', 'unused', 'unused']);
    // Nothing is judged on a site we know nothing about: the page reports "unknown", the popup asks.
    const { reservationId } = await rig.ok('content/request-fill', { trusted: true }, page);
    await rig.ok('content/report-outcome', { reservationId, outcome: 'unknown' }, page);
    expect(await statuses(rig, accountId)).toEqual(['unconfirmed', 'unused', 'unused']);
  });

  it('never releases a code to another origin, a sibling subdomain, http, a frame, or a tab that moved on', async () => {
    const { rig, accountId } = await withPypi();
    // Granted too, so only the account's own origins stop them.
    for (const origin of ['https://evil.test', 'https://test.pypi.org', 'https://pypi.org.evil.test']) rig.granted.add(`${origin}/*`);
    const refusals: [string, Parameters<typeof contentSender>, string][] = [
      ['another granted origin', [2, 'https://evil.test/account/recovery-code/'], 'not-found'],
      ['a granted sibling subdomain', [2, 'https://test.pypi.org/account/recovery-code/'], 'not-found'],
      ['a granted lookalike', [2, 'https://pypi.org.evil.test/account/recovery-code/'], 'not-found'],
      ['http', [2, 'http://pypi.org/account/recovery-code/'], 'not-allowed'],
      ['a frame of the very origin', [1, STEP, 3], 'not-allowed'],
    ];
    for (const [what, [tabId, url, frameId], code] of refusals) {
      rig.tabs.urls.set(tabId, url);
      const reply = await rig.send('content/request-fill', { trusted: true }, contentSender(tabId, url, frameId));
      expect(reply, what).toMatchObject({ ok: false, error: { code } });
      expect(await rig.send('content/request-fill', { trusted: true, accountId }, contentSender(tabId, url, frameId)), what).toMatchObject({ ok: false });
    }
    // The right origin's tab, but the tab shows elsewhere by the time it asks.
    rig.tabs.urls.set(1, 'https://evil.test/');
    expect(await rig.send('content/request-fill', { trusted: true }, contentSender(1, STEP))).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await statuses(rig, accountId)).toEqual(['unused', 'unused', 'unused']);
  });

  it('is refused outright while its origin is not granted, even with an account for it', async () => {
    const { rig, accountId } = await withPypi(false);
    expect(await rig.send('content/load-runtime', {}, contentSender(1, STEP))).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await rig.send('content/request-fill', { trusted: true }, contentSender(1, STEP))).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(rig.tabs.runtimes).toEqual([]);
    expect(await statuses(rig, accountId)).toEqual(['unused', 'unused', 'unused']);
  });

  it('gets no page runtime where no account lists the origin (unlocked), and one while locked, with nothing to release', async () => {
    const { rig } = await withPypi();
    rig.granted.add('https://evil.test/*');
    rig.tabs.urls.set(2, 'https://evil.test/login');
    expect(await rig.send('content/load-runtime', {}, contentSender(2, 'https://evil.test/login'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(rig.tabs.runtimes).toEqual([]);
    await rig.ok('vault/lock', {});
    // Locked, the vault cannot say; the origin is granted (only a person naming it did that).
    expect(await rig.ok('content/load-runtime', {}, contentSender(1, STEP))).toEqual({ loaded: true });
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, contentSender(1, STEP))).toEqual({ state: 'locked', left: 0 });
    expect(await rig.send('content/request-fill', { trusted: true }, contentSender(1, STEP))).toMatchObject({ ok: false });
  });

  it("serves a vault-only site's account (Discord) on its own origin once granted", async () => {
    const { rig } = await withPypi();
    const discord = await rig.ok('accounts/add', { site: 'discord', label: 'sk-discord' });
    await rig.ok('codes/add', { accountId: discord.id, values: ['abcd1234', 'efgh5678'], source: 'paste' });
    const login = 'https://discord.com/login';
    rig.tabs.urls.set(4, login);
    expect(await rig.send('content/request-fill', { trusted: true }, contentSender(4, login))).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    rig.granted.add('https://discord.com/*');
    expect(await rig.ok('content/request-fill', { trusted: true }, contentSender(4, login))).toMatchObject({ accountId: discord.id, seq: 1 });
  });

  it("keeps a page-reading site's origin its own: X's page never sees another site's accounts, even granted", async () => {
    const { rig } = await withPypi();
    rig.granted.add('https://x.com/*');
    const x = 'https://x.com/i/flow/login';
    rig.tabs.urls.set(5, x);
    expect(await rig.ok('content/prompt-seen', { mode: 'backup' }, contentSender(5, x))).toEqual({ state: 'none', left: 0 });
  });

  it('captures no codes there: they are pasted', async () => {
    const { rig } = await withPypi();
    expect(await rig.send('content/codes-seen', { codes: CODES }, contentSender(1, STEP))).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
