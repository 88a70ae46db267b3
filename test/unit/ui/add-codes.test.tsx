// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { GITHUB_FILE } from '../vault/import/samples';
import { fakeBackground, status, summary, type Script } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));
afterEach(cleanup);

const PASTED = `Hi! Here are the backup codes you asked for:
abcd efgh ijkl
mnop qrst uvwx
Call 0800 1234 5678 if you need help.
abcd efgh ijkl`;

async function openAdd(script: Script, button = 'Add') {
  const bg = fakeBackground({ 'vault/status': status('unlocked'), 'captures/list': [], ...script });
  render(<App send={bg.send} />);
  await screen.findByRole('heading', { name: /Your backup codes/ });
  fireEvent.click(screen.getByRole('button', { name: button }));
  await screen.findByRole('heading', { name: 'Add backup codes' });
  return bg;
}

const merged = (over = {}) => ({ accountId: 'acc-1', added: 2, duplicates: 0, invalid: 0, invalidated: 0, ...over });

describe('adding codes by paste', () => {
  it('finds the codes of the account’s format in pasted text and shows them before saving', async () => {
    const bg = await openAdd({ 'accounts/list': [summary()], 'codes/add': merged({ duplicates: 1 }) });
    expect((screen.getByLabelText('Account') as HTMLSelectElement).value).toBe('acc-1');
    fireEvent.input(screen.getByLabelText('Text with your codes'), { target: { value: PASTED } });
    const found = screen.getByRole('list', { name: 'Found 2 (“X backup code”):' });
    expect(within(found).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['abcd efgh ijkl', 'mnop qrst uvwx']);
    expect(bg.sent('codes/add')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 codes' }));
    await screen.findByText('Codes added to @alice: 2.');
    expect(screen.getByText('Duplicates skipped: 1.')).toBeTruthy();
    expect(bg.sent('codes/add')).toEqual([{ accountId: 'acc-1', values: ['abcdefghijkl', 'mnopqrstuvwx'], source: 'paste' }]);
    expect((screen.getByLabelText('Text with your codes') as HTMLTextAreaElement).value).toBe('');
  });

  it('says so when the text holds no codes, and saves nothing', async () => {
    const bg = await openAdd({ 'accounts/list': [summary()] });
    fireEvent.input(screen.getByLabelText('Text with your codes'), { target: { value: 'Call 0800 1234 5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save codes' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No codes of the kind “X backup code” found in this text.');
    expect(bg.sent('codes/add')).toEqual([]);
  });

  it('creates the account first when the codes are for a new one', async () => {
    const bg = await openAdd(
      {
        'accounts/list': [],
        'accounts/add': summary({ id: 'acc-9', label: '@new', left: 0, total: 0 }),
        'codes/add': merged({ accountId: 'acc-9' }),
      },
      'Paste codes',
    );
    expect((screen.getByLabelText('Account') as HTMLSelectElement).value).toBe('new');
    fireEvent.input(screen.getByLabelText('Text with your codes'), { target: { value: PASTED } });
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 codes' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the new account a name.');
    fireEvent.input(screen.getByLabelText('Account name'), { target: { value: ' @new ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 codes' }));
    await screen.findByText('Codes added to @new: 2.');
    expect(bg.sent('accounts/add')).toEqual([{ site: 'x', label: '@new' }]);
    expect(bg.sent('codes/add')[0]).toMatchObject({ accountId: 'acc-9' });
    fireEvent.click(screen.getByRole('button', { name: 'Open @new' }));
    await waitFor(() => expect(bg.sent('accounts/get')).toEqual([{ accountId: 'acc-9', reveal: [] }]));
  });
});

describe('what saving would invalidate, shown before Save', () => {
  const github = summary({ id: 'acc-gh', site: 'github', label: 'octocat', policy: { kind: 'batch' } });

  it('warns that a GitHub import of a new set makes the old set invalid, before anything is saved', async () => {
    const bg = await openAdd({
      'accounts/list': [github],
      'codes/preview': ({ values }) => ({ adds: values.length, duplicates: 0, invalid: 0, invalidates: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17] }),
      'codes/add': merged({ accountId: 'acc-gh', added: 16, invalidated: 16 }),
    });
    fireEvent.click(screen.getByLabelText('Import a file'));
    fireEvent.change(screen.getByLabelText('Backup-code file'), {
      target: { files: [new File([GITHUB_FILE], 'github-recovery-codes.txt', { type: 'text/plain' })] },
    });
    const warning = await screen.findByText(/invalid in Sparekey/);
    expect(warning.textContent).toBe(
      'This makes #1–#15, #17 invalid in Sparekey: a new set of GitHub codes replaces the old one, and the old one stops working.',
    );
    expect(bg.sent('codes/preview')).toEqual([{ accountId: 'acc-gh', values: bg.sent('codes/preview')[0]!.values }]);
    expect(bg.sent('codes/preview')[0]!.values).toHaveLength(16);
    expect(bg.sent('codes/add')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save 16 codes' }));
    await screen.findByText('Codes added to octocat: 16.');
    expect(screen.getByText('Older codes invalidated by the new ones: 16.')).toBeTruthy();
  });

  it('says nothing when the codes are the current set again', async () => {
    const bg = await openAdd({
      'accounts/list': [github],
      'codes/preview': { adds: 0, duplicates: 2, invalid: 0, invalidates: [] },
    });
    fireEvent.input(screen.getByLabelText('Text with your codes'), { target: { value: '3f9a1-0c2d4 b7e20-91fa3' } });
    await waitFor(() => expect(bg.sent('codes/preview')).toEqual([{ accountId: 'acc-gh', values: ['3f9a1-0c2d4', 'b7e20-91fa3'] }]));
    expect(screen.queryByText(/invalid in Sparekey/)).toBeNull();
  });

  it('shows X’s rule the same way when a paste pushes codes past five', async () => {
    await openAdd({
      'accounts/list': [summary()],
      'codes/preview': { adds: 2, duplicates: 0, invalid: 0, invalidates: [1, 2] },
    });
    fireEvent.input(screen.getByLabelText('Text with your codes'), { target: { value: PASTED } });
    expect((await screen.findByText(/invalid in Sparekey/)).textContent).toBe(
      'This makes #1, #2 invalid in Sparekey: X keeps only its newest codes valid.',
    );
  });

  it('asks nothing for a new account: it has no codes to invalidate', async () => {
    const bg = await openAdd({ 'accounts/list': [], 'codes/preview': { adds: 1, duplicates: 0, invalid: 0, invalidates: [1] } }, 'Paste codes');
    fireEvent.input(screen.getByLabelText('Text with your codes'), { target: { value: PASTED } });
    await screen.findByRole('list', { name: 'Found 2 (“X backup code”):' });
    expect(bg.sent('codes/preview')).toEqual([]);
    expect(screen.queryByText(/invalid in Sparekey/)).toBeNull();
  });
});

describe('importing a file', () => {
  function choose(name: string, text: string) {
    fireEvent.click(screen.getByLabelText('Import a file'));
    fireEvent.change(screen.getByLabelText('Backup-code file'), { target: { files: [new File([text], name, { type: 'text/plain' })] } });
  }

  it('reads a plain list into the chosen account, with duplicates counted by the vault', async () => {
    const bg = await openAdd({ 'accounts/list': [summary()], 'codes/add': merged({ added: 1, duplicates: 2 }) });
    choose('my-x-codes.txt', 'abcd efgh ijkl\nmnop qrst uvwx\nqqqq rrrr ssss\nKeep them safe!\n');
    const said = 'backup codes: 4 codes found. Lines that are not of the kind “X backup code”, left out: 1.';
    await screen.findByText((_, el) => el?.tagName === 'P' && el.textContent === said);
    fireEvent.click(screen.getByRole('button', { name: 'Save 3 codes' }));
    await screen.findByText('Codes added to @alice: 1.');
    expect(screen.getByText('Duplicates skipped: 2.')).toBeTruthy();
    expect(bg.sent('codes/add')).toEqual([
      { accountId: 'acc-1', values: ['abcd efgh ijkl', 'mnop qrst uvwx', 'qqqq rrrr ssss'], source: 'import' },
    ]);
  });

  it('recognises a site’s own file and points it at a new account of that site, never at an X account', async () => {
    const bg = await openAdd({
      'accounts/list': [summary()],
      'accounts/add': summary({ id: 'acc-gh', site: 'github', label: 'octocat', left: 0, total: 0 }),
      'codes/add': merged({ accountId: 'acc-gh', added: 16 }),
    });
    choose('github-recovery-codes.txt', GITHUB_FILE);
    await screen.findByText('GitHub recovery codes: 16 codes found.');
    expect((screen.getByLabelText('Account') as HTMLSelectElement).value).toBe('new');
    fireEvent.click(screen.getByRole('button', { name: 'Save 16 codes' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the new account a name.');
    expect(bg.sent('codes/add')).toEqual([]);
    fireEvent.input(screen.getByLabelText('Account name'), { target: { value: 'octocat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save 16 codes' }));
    await waitFor(() => expect(bg.sent('accounts/add')).toEqual([{ site: 'github', label: 'octocat' }]));
    await waitFor(() => expect(bg.sent('codes/add')[0]).toMatchObject({ accountId: 'acc-gh', source: 'import' }));
    expect(bg.sent('codes/add')[0]!.values).toHaveLength(16);
  });

  it('says when a file holds no backup codes it can read', async () => {
    await openAdd({ 'accounts/list': [summary()] });
    choose('notes.txt', 'Dear diary,\nToday I set up two-factor authentication.\n');
    expect((await screen.findByRole('alert')).textContent).toBe('This file holds no codes of the kind “X backup code”.');
    cleanup();
    await openAdd({ 'accounts/list': [summary()] });
    choose('strange.bin', '\u0000\u0001');
    expect((await screen.findByRole('alert')).textContent).toMatch(/couldn’t read backup codes in this file/);
  });
});
