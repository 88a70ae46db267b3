// @vitest-environment jsdom
// Host access for GitHub, asked for in the popup: offered in the accounts list when GitHub codes
// are there without access, offered back when access outlives the last GitHub account, listed in
// Settings; "Allowed" only once the background says the grant (and its content script) is there.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { SendContext } from '../../../src/ui/api';
import { PermissionsContext, type HostPermissions } from '../../../src/ui/permissions';
import { SiteAccess } from '../../../src/ui/screens/SiteAccess';
import { fakeBackground, status, summary } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));
afterEach(cleanup);

const GITHUB = summary({ id: 'acc-gh', site: 'github', label: 'octocat', policy: { kind: 'batch' } });

/** A browser whose answer to permissions.request is `answer`; records what was asked, and when. */
function fakePermissions(answer: boolean, granted: { now: boolean }) {
  const asked: string[] = [];
  const permissions: HostPermissions = {
    request: async (origins) => {
      asked.push(`request ${origins.join(',')}`);
      if (answer) granted.now = true;
      return answer;
    },
    remove: async (origins) => {
      asked.push(`remove ${origins.join(',')}`);
      granted.now = false;
      return true;
    },
  };
  return { permissions, asked };
}

function renderAccess(props: Parameters<typeof SiteAccess>[0], answer = true, start = false) {
  const granted = { now: start };
  const bg = fakeBackground({ 'sites/access': () => [{ site: 'github', granted: granted.now, registered: granted.now }] });
  const { permissions, asked } = fakePermissions(answer, granted);
  render(
    <SendContext.Provider value={bg.send}>
      <PermissionsContext.Provider value={permissions}>
        <SiteAccess {...props} />
      </PermissionsContext.Provider>
    </SendContext.Provider>,
  );
  return { bg, asked };
}

describe('site access in the popup', () => {
  it('offers "Allow on github.com" beside GitHub codes without access, asks the browser in the click, then says so', async () => {
    const { bg, asked } = renderAccess({ accounts: [GITHUB] });
    expect(await screen.findByText('Sparekey can offer your GitHub codes on github.com once you allow it to read that site.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow on github.com' }));
    // Asked synchronously inside the click, before anything was awaited.
    expect(asked).toEqual(['request https://github.com/*']);
    expect(await screen.findByText('Sparekey can now read github.com.')).toBeTruthy();
    expect(bg.sent('sites/access')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Allow on github.com' })).toBeNull();
  });

  it('says nothing was allowed when the person declines in the browser, and keeps the offer', async () => {
    renderAccess({ accounts: [GITHUB] }, false);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on github.com' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Allow on github.com' }).hasAttribute('disabled')).toBe(false));
    expect(screen.queryByText('Sparekey can now read github.com.')).toBeNull();
  });

  it('shows nothing when GitHub has accounts and access, or neither', async () => {
    const { bg } = renderAccess({ accounts: [GITHUB] }, true, true);
    await waitFor(() => expect(bg.sent('sites/access')).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: 'Sites Sparekey may read' })).toBeNull();
    cleanup();
    const other = renderAccess({ accounts: [summary()] });
    await waitFor(() => expect(other.bg.sent('sites/access')).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: 'Sites Sparekey may read' })).toBeNull();
  });

  it('offers to remove access once the last GitHub account is gone', async () => {
    const { asked } = renderAccess({ accounts: [summary()] }, true, true);
    expect(await screen.findByText('No GitHub accounts are left, but Sparekey can still read github.com.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove access to github.com' }));
    expect(asked).toEqual(['remove https://github.com/*']);
    expect(await screen.findByText('Sparekey no longer reads github.com.')).toBeTruthy();
  });

  it('lists GitHub in Settings whatever the accounts, so codes can be captured before any account exists', async () => {
    renderAccess({ all: true });
    expect(await screen.findByRole('heading', { name: 'Sites Sparekey may read' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Allow on github.com' })).toBeTruthy();
  });

  it('appears in the accounts list of the popup itself', async () => {
    const bg = fakeBackground({
      'vault/status': status('unlocked'),
      'captures/list': [],
      'accounts/list': [GITHUB],
      'sites/access': [{ site: 'github', granted: false, registered: false }],
    });
    render(<App send={bg.send} />);
    expect(await screen.findByRole('button', { name: 'Allow on github.com' })).toBeTruthy();
  });
});
