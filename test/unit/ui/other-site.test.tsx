// @vitest-environment jsdom
// Another site's codes in the popup (the generic recovery step): the person names the site's
// address, sees the exact origin Sparekey will use, and the browser is asked for that one origin
// inside the Save click; the accounts list offers the access when it is missing and offers to drop
// it once no account names the origin.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SendContext } from '../../../src/ui/api';
import { PermissionsContext, type HostPermissions } from '../../../src/ui/permissions';
import { AddCodes } from '../../../src/ui/screens/AddCodes';
import { SiteAccess } from '../../../src/ui/screens/SiteAccess';
import { fakeBackground, summary, type Script } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));
afterEach(cleanup);

const PYPI = summary({ id: 'acc-pypi', site: 'other', label: 'sk-pypi', origins: ['https://pypi.org'], policy: { kind: 'any-order' } });

function fakePermissions(answer: boolean) {
  const asked: string[] = [];
  const permissions: HostPermissions = {
    request: async (origins) => (asked.push(`request ${origins.join(',')}`), answer),
    remove: async (origins) => (asked.push(`remove ${origins.join(',')}`), true),
  };
  return { permissions, asked };
}

function renderWith(node: preact.JSX.Element, script: Script, answer = true) {
  const bg = fakeBackground(script);
  const { permissions, asked } = fakePermissions(answer);
  render(
    <SendContext.Provider value={bg.send}>
      <PermissionsContext.Provider value={permissions}>{node}</PermissionsContext.Provider>
    </SendContext.Provider>,
  );
  return { bg, asked };
}

async function fillOtherSite(origin: string) {
  await screen.findByLabelText('Site');
  fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'other' } });
  fireEvent.input(screen.getByLabelText('Site address'), { target: { value: origin } });
  fireEvent.input(screen.getByLabelText('Account name'), { target: { value: 'sk-pypi' } });
  fireEvent.input(screen.getByLabelText('Text with your codes'), { target: { value: '0a1b2c3d4e5f6071\n8293a4b5c6d7e8f9' } });
}

const script: Script = {
  'accounts/list': [],
  'accounts/add': (body: unknown) => ({ ...PYPI, ...(body as object), id: 'acc-pypi' }),
  'codes/add': { accountId: 'acc-pypi', added: 2, duplicates: 0, invalid: 0, invalidated: 0 },
  'sites/access': [{ site: 'https://pypi.org', granted: true, registered: true }],
};

describe('adding codes for another site', () => {
  it('shows the exact origin it will use, asks the browser for that origin in the Save click, then registers it', async () => {
    const { bg, asked } = renderWith(<AddCodes mode="paste" onOpenAccount={() => undefined} onBack={() => undefined} />, script);
    await fillOtherSite('  PyPI.org/account/login/ ');
    expect(screen.getByText('Sparekey will use https://pypi.org.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 codes' }));
    // Synchronously, in the click: the one moment a browser lets an extension ask.
    expect(asked).toEqual(['request https://pypi.org/*']);
    await screen.findByText('Codes added to sk-pypi: 2.');
    expect(bg.sent('accounts/add')).toEqual([{ site: 'other', label: 'sk-pypi', origin: 'https://pypi.org' }]);
    expect(bg.sent('sites/access')).toHaveLength(1);
  });

  it('saves the codes when the person says no to the browser, and registers nothing', async () => {
    const { bg } = renderWith(<AddCodes mode="paste" onOpenAccount={() => undefined} onBack={() => undefined} />, script, false);
    await fillOtherSite('https://pypi.org');
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 codes' }));
    await screen.findByText('Codes added to sk-pypi: 2.');
    expect(bg.sent('sites/access')).toEqual([]);
  });

  it.each([
    ['http://pypi.org', 'Sparekey only works on https:// sites.'],
    ['https://127.0.0.1', "Sparekey can't use an IP address: type the site's name."],
    ['localhost', "Sparekey can't use a local address (localhost, .local, .internal…)."],
    ['https://x.com', 'Sparekey knows X: choose it in the list instead.'],
  ])('refuses %s, saying why, and asks the browser for nothing', async (origin, problem) => {
    const { bg, asked } = renderWith(<AddCodes mode="paste" onOpenAccount={() => undefined} onBack={() => undefined} />, script);
    await fillOtherSite(origin);
    expect(screen.getByText(problem).getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 codes' }));
    expect((await screen.findByRole('alert')).textContent).toBe(problem);
    expect(asked).toEqual([]);
    expect(bg.sent('accounts/add')).toEqual([]);
  });

  it('shows an international name as its punycode, so a lookalike reads as one', async () => {
    renderWith(<AddCodes mode="paste" onOpenAccount={() => undefined} onBack={() => undefined} />, script);
    await fillOtherSite('https://руру.org');
    expect(screen.getByText('Sparekey will use https://xn--p1aaib.org.')).toBeTruthy();
  });
});

describe("another site's access in the accounts list", () => {
  it('offers "Allow on pypi.org" for its account without access, and asks for that origin only', async () => {
    const { asked } = renderWith(<SiteAccess accounts={[PYPI]} />, { 'sites/access': [] });
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on pypi.org' }));
    expect(asked).toEqual(['request https://pypi.org/*']);
  });

  it('offers to remove the access once no account names the origin', async () => {
    const { asked } = renderWith(<SiteAccess accounts={[]} />, { 'sites/access': [{ site: 'https://pypi.org', granted: true, registered: true }] });
    expect(await screen.findByText('No pypi.org accounts are left, but Sparekey can still read pypi.org.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove access to pypi.org' }));
    expect(asked).toEqual(['remove https://pypi.org/*']);
  });

  it('shows nothing for an origin that is granted and used', async () => {
    const { bg } = renderWith(<SiteAccess accounts={[PYPI]} />, { 'sites/access': [{ site: 'https://pypi.org', granted: true, registered: true }] });
    await vi.waitFor(() => expect(bg.sent('sites/access')).toHaveLength(1));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
