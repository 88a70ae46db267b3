// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { code, detail, fakeBackground, shown, status, summary, type Script } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));

const VAULT = 'violet harbour pencil thunder';
const OWN = 'amber glacier whistle forty';
const FILE = { fileName: 'sparekey-backup-2026-03-04.json', text: '{"format":"sparekey-backup"}', accounts: 1, codes: 3 };

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:backup');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

async function openBackup(script: Script = {}) {
  const bg = fakeBackground({ 'vault/status': status('unlocked'), 'accounts/list': [], 'captures/list': [], ...script });
  render(<App send={bg.send} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Backup' }));
  await screen.findByRole('heading', { name: 'Backup' });
  return bg;
}

describe('backup screen', () => {
  it('exports under the vault passphrase and offers the file to save', async () => {
    const bg = await openBackup({ 'backup/export': FILE });
    const form = screen.getByRole('form', { name: 'Export a backup file' });
    expect((within(form).getByLabelText('My vault passphrase') as HTMLInputElement).checked).toBe(true);
    fireEvent.input(within(form).getByLabelText('Passphrase'), { target: { value: VAULT } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create backup file' }));
    const link = await within(form).findByRole('link', { name: `Save ${FILE.fileName}` });
    expect(link.getAttribute('href')).toBe('blob:backup');
    expect(link.getAttribute('download')).toBe(FILE.fileName);
    expect(within(form).getByText('Backup ready: 1 account, 3 codes.')).toBeTruthy();
    expect(bg.sent('backup/export')).toEqual([{ passphrase: VAULT, own: false }]);
    expect((within(form).getByLabelText('Passphrase') as HTMLInputElement).value).toBe('');
  });

  it('asks for a separate passphrase twice, strong enough, before exporting under it', async () => {
    const bg = await openBackup({ 'backup/export': FILE });
    const form = screen.getByRole('form', { name: 'Export a backup file' });
    fireEvent.click(within(form).getByLabelText('A separate passphrase for this file'));
    fireEvent.input(within(form).getByLabelText('Passphrase for the file'), { target: { value: OWN } });
    expect(within(form).getByText('Strong passphrase.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Create backup file' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('The two passphrases differ.');
    fireEvent.input(within(form).getByLabelText('Type it again'), { target: { value: OWN } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create backup file' }));
    await within(form).findByRole('link', { name: `Save ${FILE.fileName}` });
    expect(bg.sent('backup/export')).toEqual([{ passphrase: OWN, own: true, confirm: OWN }]);
  });

  it('shows a mistyped vault passphrase as such and makes no file', async () => {
    await openBackup({ 'backup/export': { code: 'wrong-passphrase', message: 'That is not the vault passphrase.' } });
    const form = screen.getByRole('form', { name: 'Export a backup file' });
    fireEvent.input(within(form).getByLabelText('Passphrase'), { target: { value: 'nope' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create backup file' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Wrong passphrase. Nothing was changed; try again.');
    expect(within(form).queryByRole('link')).toBeNull();
  });

  it('restores a chosen file with its passphrase and tells what changed', async () => {
    const bg = await openBackup({
      'backup/restore': { accountsAdded: 1, accountsMerged: 0, codesAdded: 3, codesAdvanced: 0, codesUnchanged: 0, skipped: 2 },
    });
    const form = screen.getByRole('form', { name: 'Restore a backup file' });
    fireEvent.click(within(form).getByRole('button', { name: 'Restore a backup' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Choose a backup file first.');
    fireEvent.change(within(form).getByLabelText('Backup file'), {
      target: { files: [new File([FILE.text], FILE.fileName, { type: 'application/json' })] },
    });
    fireEvent.input(within(form).getByLabelText('The file’s passphrase'), { target: { value: OWN } });
    fireEvent.click(within(form).getByRole('button', { name: 'Restore a backup' }));
    await within(form).findByText('Restored. New accounts: 1. Merged accounts: 0. New codes: 3. Codes moved forward: 0.');
    expect(within(form).getByText('Records Sparekey couldn’t take (unknown site or not a code): 2.')).toBeTruthy();
    expect(bg.sent('backup/restore')).toEqual([{ text: FILE.text, passphrase: OWN }]);
  });

  it('links to the printable sheet in its own tab', async () => {
    await openBackup();
    const link = screen.getByRole('link', { name: 'Open the sheet in a tab' });
    expect(link.getAttribute('href')).toBe('/popup.html#sheet');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});

describe('printable sheet', () => {
  it('lists the unused codes of every account, revealed, and nothing else', async () => {
    const values: Record<string, string> = { c2: 'cccc2222dddd', c3: 'eeee3333ffff' };
    const bg = fakeBackground({
      'vault/status': status('unlocked'),
      'accounts/list': [summary(), summary({ id: 'acc-2', label: '@bob', left: 0, total: 1 })],
      'accounts/get': ({ accountId, reveal = [] }) =>
        accountId === 'acc-1'
          ? detail(
              [code(1, { status: 'used' }), code(2), code(3)].map((c) =>
                reveal.includes(c.id) ? { ...c, value: shown(values[c.id]!) } : c,
              ),
            )
          : detail([code(1, { id: 'b1', status: 'used' })], { id: 'acc-2', label: '@bob' }),
    });
    render(<App send={bg.send} page="sheet" />);
    await screen.findByRole('heading', { name: 'Sparekey: unused backup codes' });
    const alice = screen.getByRole('region', { name: '@alice (X)' });
    expect(within(alice).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['#2 cccc 2222 dddd', '#3 eeee 3333 ffff']);
    expect(within(screen.getByRole('region', { name: '@bob (X)' })).getByText('No unused codes left.')).toBeTruthy();
    expect(bg.sent('accounts/get')).toEqual([
      { accountId: 'acc-1' },
      { accountId: 'acc-1', reveal: ['c2', 'c3'] },
      { accountId: 'acc-2' },
    ]);
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });

  it('asks to unlock first when the vault is locked', async () => {
    const bg = fakeBackground({ 'vault/status': status('locked') });
    render(<App send={bg.send} page="sheet" />);
    await screen.findByRole('heading', { name: 'Unlock Sparekey' });
    expect(screen.getByRole('heading', { level: 1, name: 'Sparekey' })).toBeTruthy();
    expect(bg.sent('accounts/get')).toEqual([]);
  });
});
