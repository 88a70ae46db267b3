// @vitest-environment jsdom
// The popup's auto-fill choices (issue 14): off by default, one checkbox per site with the hint that
// says what it does and risks, per-account choices, and nothing turned on by a script's event.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AutoFillPrefs, Req } from '../../../src/messages/protocol';
import { App } from '../../../src/ui/App';
import { fakeBackground, status, summary, type Script } from './helpers';
import en from '../../../public/_locales/en/messages.json';

vi.mock('wxt/browser', () => import('./browser'));
// jsdom makes no trusted events: the ones a person's input would make are marked by the test.
const PERSON = new WeakSet<Event>();
vi.mock('../../../src/ui/trusted', () => ({ byPerson: (e: Event) => PERSON.has(e) }));
afterEach(cleanup);

const SITE_BOX = 'Fill the next backup code automatically on X';

async function openSettings(script: Script = {}) {
  let prefs: AutoFillPrefs = { sites: {}, accounts: {} };
  const bg = fakeBackground({
    'vault/status': status('unlocked'),
    'accounts/list': [summary({ id: 'a1', site: 'x', label: '@alice' }), summary({ id: 'a2', site: 'x', label: '@bob' })],
    'captures/list': [],
    'autofill/get': () => prefs,
    'autofill/set': (body: Req<'autofill/set'>) => {
      if (body.site) prefs = { ...prefs, sites: { ...prefs.sites, [body.site]: body.on! } };
      else if (body.on === null) prefs = { ...prefs, accounts: Object.fromEntries(Object.entries(prefs.accounts).filter(([id]) => id !== body.accountId)) };
      else prefs = { ...prefs, accounts: { ...prefs.accounts, [body.accountId!]: body.on } };
      return prefs;
    },
    ...script,
  });
  render(<App send={bg.send} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Auto-fill' });
  return bg;
}

/** An event as a person's input makes it (trusted). */
function trusted<E extends Event>(event: E): E {
  PERSON.add(event);
  return event;
}

describe('auto-fill choices in Settings', () => {
  it('are off by default, one checkbox per site, described by one sentence on what it does and its risk', async () => {
    await openSettings();
    const box = screen.getByRole('checkbox', { name: SITE_BOX }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(en.autoFillHint.message);
    expect(en.autoFillHint.message.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
    expect((screen.getByLabelText('Auto-fill for @alice') as HTMLSelectElement).value).toBe('site');
  });

  it('turn a site on from a person\'s click and show it on', async () => {
    const bg = await openSettings();
    const box = screen.getByRole('checkbox', { name: SITE_BOX }) as HTMLInputElement;
    fireEvent(box, trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(box.checked).toBe(true));
    expect(bg.sent('autofill/set')).toEqual([{ site: 'x', on: true, trusted: true }]);
    expect(screen.getAllByRole('option', { name: 'As its site (on)' })).toHaveLength(2);
  });

  it('turn nothing on from a script\'s event (isTrusted false)', async () => {
    const bg = await openSettings();
    const box = screen.getByRole('checkbox', { name: SITE_BOX }) as HTMLInputElement;
    box.click(); // a script's click: the change it causes is the browser's, the click is not trusted
    const select = screen.getByLabelText('Auto-fill for @bob') as HTMLSelectElement;
    select.value = 'on';
    fireEvent(select, new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(bg.sent('autofill/set')).toEqual([]);
    expect(box.checked).toBe(false);
    expect(select.value).toBe('site');
  });

  it('let an account override its site, and hand the choice back to it', async () => {
    const bg = await openSettings();
    const select = screen.getByLabelText('Auto-fill for @bob') as HTMLSelectElement;
    select.value = 'off';
    fireEvent(select, new Event('change', { bubbles: true })); // turning off needs no trusted event
    await vi.waitFor(() => expect(select.value).toBe('off'));
    select.value = 'on';
    fireEvent(select, trusted(new Event('change', { bubbles: true })));
    await vi.waitFor(() => expect(select.value).toBe('on'));
    select.value = 'site';
    fireEvent(select, new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(select.value).toBe('site'));
    expect(bg.sent('autofill/set')).toEqual([
      { accountId: 'a2', on: false, trusted: true },
      { accountId: 'a2', on: true, trusted: true },
      { accountId: 'a2', on: null, trusted: true },
    ]);
  });

  it("offer no choice for a site whose one code field also takes the authenticator's code (GitLab: never a backup-only step)", async () => {
    await openSettings({
      'accounts/list': [summary({ id: 'a1', site: 'x', label: '@alice' }), summary({ id: 'g1', site: 'gitlab', label: '@carol' })],
    });
    expect(screen.getByRole('checkbox', { name: SITE_BOX })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Fill the next backup code automatically on GitLab' })).toBeNull();
    expect(screen.queryByLabelText('Auto-fill for @carol')).toBeNull();
  });

  it('are not shown before there is an account', async () => {
    const bg = fakeBackground({ 'vault/status': status('unlocked'), 'accounts/list': [], 'captures/list': [], 'autofill/get': { sites: {}, accounts: {} } });
    render(<App send={bg.send} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Settings' });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('heading', { name: 'Auto-fill' })).toBeNull();
  });
});
