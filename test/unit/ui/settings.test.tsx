// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../src/messages/protocol';
import { App } from '../../../src/ui/App';
import { SETTINGS, fakeBackground, status, type Script } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));
afterEach(cleanup);

const NEW = 'amber glacier whistle forty';

async function openSettings(script: Script = {}) {
  const bg = fakeBackground({
    'vault/status': status('unlocked'),
    'accounts/list': [],
    'captures/list': [],
    'settings/set': (patch: Partial<Settings>) => ({ ...SETTINGS, ...patch }),
    'sync/status': { enabled: false, budget: 96_000, skipped: 0 },
    ...script,
  });
  render(<App send={bg.send} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Settings' });
  return bg;
}

describe('settings', () => {
  it('marks the open section in the navigation and moves focus to its heading', async () => {
    await openSettings();
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'Codes' }).getAttribute('aria-current')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Settings' }));
  });

  it('saves the auto-lock delay, the clipboard delay and auto-submit as they change', async () => {
    const bg = await openSettings();
    const lock = screen.getByLabelText('Lock automatically after') as HTMLSelectElement;
    expect(lock.value).toBe('15');
    expect([...lock.options].map((o) => o.textContent)).toEqual(['1 min', '5 min', '15 min', '30 min', '1 h', '2 h', '4 h', '8 h']);
    fireEvent.change(lock, { target: { value: '60' } });
    await screen.findByText('Saved.');
    fireEvent.change(screen.getByLabelText('Clear a copied code after'), { target: { value: '0' } });
    fireEvent.click(screen.getByLabelText('Press the site’s button after filling'));
    await vi.waitFor(() => expect(bg.sent('settings/set')).toHaveLength(3));
    expect(bg.sent('settings/set')).toEqual([{ autoLockMinutes: 60 }, { clipboardClearSeconds: 0 }, { autoSubmit: true }]);
    expect((screen.getByLabelText('Press the site’s button after filling') as HTMLInputElement).checked).toBe(true);
  });
});

describe('changing the passphrase', () => {
  function fill(form: HTMLElement, current: string, next: string, confirm: string) {
    const f = within(form);
    fireEvent.input(f.getByLabelText('Current passphrase'), { target: { value: current } });
    fireEvent.input(f.getByLabelText('New passphrase'), { target: { value: next } });
    fireEvent.input(f.getByLabelText('Type it again'), { target: { value: confirm } });
    fireEvent.click(f.getByRole('button', { name: 'Change passphrase' }));
  }

  it('checks strength and confirmation first, then changes it and says so', async () => {
    const bg = await openSettings({ 'vault/change-passphrase': status('unlocked') });
    const form = screen.getByRole('form', { name: 'Change passphrase' });
    fill(form, 'old one here', 'short', 'short');
    expect((await within(form).findByRole('alert')).textContent).toBe('This passphrase is too easy to guess. Add more words or characters.');
    fill(form, 'old one here', NEW, `${NEW}x`);
    expect((await within(form).findByRole('alert')).textContent).toBe('The two passphrases differ.');
    expect(bg.sent('vault/change-passphrase')).toEqual([]);
    fill(form, 'old one here', NEW, NEW);
    await within(form).findByText('Passphrase changed. Use the new one from now on.');
    expect(bg.sent('vault/change-passphrase')).toEqual([{ current: 'old one here', next: NEW, confirm: NEW }]);
    expect((within(form).getByLabelText('Current passphrase') as HTMLInputElement).value).toBe('');
  });

  it('says when the current passphrase is wrong', async () => {
    await openSettings({
      'vault/change-passphrase': { code: 'wrong-passphrase', message: 'The current passphrase is wrong. Nothing was changed.' },
    });
    const form = screen.getByRole('form', { name: 'Change passphrase' });
    fill(form, 'not it', NEW, NEW);
    expect((await within(form).findByRole('alert')).textContent).toBe('Wrong passphrase. Nothing was changed; try again.');
  });
});
