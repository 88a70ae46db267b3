// @vitest-environment jsdom
// Settings › sync (issue 16, item 1): off by default, what it says when on, joining another
// device's synced vault, and the notices (a skipped item, a vault grown past the quota).
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../src/messages/protocol';
import { App } from '../../../src/ui/App';
import { fakeBackground, status, type Script } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));
afterEach(cleanup);

const LABEL = 'Sync this vault through Chrome sync';
const OFF: SyncStatus = { enabled: false, budget: 96_000, skipped: 0 };

async function openSettings(sync: SyncStatus, script: Script = {}) {
  const bg = fakeBackground({
    'vault/status': status('unlocked'),
    'accounts/list': [],
    'captures/list': [],
    'sync/status': sync,
    ...script,
  });
  render(<App send={bg.send} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByRole('checkbox', { name: LABEL });
  return bg;
}

describe('sync in Settings', () => {
  it('is off by default and says what travels and that the passphrase is the same everywhere', async () => {
    await openSettings(OFF);
    const box = screen.getByRole('checkbox', { name: LABEL }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe('sync-hint');
    expect(document.getElementById('sync-hint')!.textContent).toMatch(/Only ciphertext travels.*same on every device/);
  });

  it('turns on and shows how much of the quota the vault uses', async () => {
    const bg = await openSettings(OFF, { 'sync/set': { enabled: true, budget: 96_000, skipped: 0, bytes: 12_345 } });
    fireEvent.click(screen.getByRole('checkbox', { name: LABEL }));
    await screen.findByText('In sync: 13 kB of the 96 kB Sparekey may use.');
    expect(bg.sent('sync/set')).toEqual([{ on: true }]);
    expect((screen.getByRole('checkbox', { name: LABEL }) as HTMLInputElement).checked).toBe(true);
  });

  it('asks for the synced vault\'s passphrase when another device syncs one, and joins with it', async () => {
    const bg = await openSettings(OFF, {
      'sync/set': (body: { on: boolean; passphrase?: string }) =>
        body.passphrase ? { enabled: true, budget: 96_000, skipped: 0, bytes: 900 } : { ...OFF, joinNeeded: true },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: LABEL }));
    const field = await screen.findByLabelText('Passphrase of the synced vault');
    fireEvent.input(field, { target: { value: 'mauve tractor quietly bends' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join the synced vault' }));
    await screen.findByText(/In sync: 1 kB/);
    expect(bg.sent('sync/set')).toEqual([{ on: true }, { on: true, passphrase: 'mauve tractor quietly bends' }]);
    expect(screen.queryByLabelText('Passphrase of the synced vault')).toBeNull();
  });

  it('shows the refusal of a synced vault with another passphrase, which points to the backup file', async () => {
    await openSettings(
      { ...OFF, joinNeeded: true },
      { 'sync/set': { code: 'conflict', message: 'That passphrase opens the synced vault but not the vault on this device. Export a backup file here.' } },
    );
    fireEvent.input(screen.getByLabelText('Passphrase of the synced vault'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join the synced vault' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/backup file/);
  });

  it('warns before the vault outgrows the quota, saying at what size sync pauses', async () => {
    await openSettings({ enabled: true, budget: 96_000, skipped: 0, bytes: 90_100 });
    const line = screen.getByText(/nearly full: 91 kB of the 96 kB Sparekey may use\. At 96 kB sync pauses/);
    expect(line.getAttribute('role')).toBe('status');
    expect(line.className).toBe('warn');
    expect(screen.queryByText(/^In sync:/)).toBeNull();
  });

  it('says when a synced item was skipped, and at what size sync paused', async () => {
    await openSettings({ enabled: true, budget: 96_000, skipped: 1, tooBig: { bytes: 101_200 } });
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toContain('Some synced data failed its integrity check (damaged or altered) and was skipped. Everything else is in sync.');
    expect(alerts.some((t) => t?.includes('this vault needs 102 kB and Chrome sync holds 96 kB for Sparekey'))).toBe(true);
  });
});
