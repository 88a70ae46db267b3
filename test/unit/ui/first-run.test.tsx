// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { fakeBackground, status } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));

const GOOD = 'violet harbour pencil thunder';

afterEach(cleanup);

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('first run', () => {
  it('explains the separate passphrase and shows its strength as it is typed', async () => {
    const bg = fakeBackground({ 'vault/status': status('no-vault') });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Create your vault' });
    expect(screen.getByText(/don’t keep in your password manager/)).toBeTruthy();
    expect(screen.getByText(/four or more random words are easy/)).toBeTruthy();
    type('New passphrase', 'abc');
    expect(screen.getByText('Use at least 8 characters; four or more random words are best.')).toBeTruthy();
    type('New passphrase', 'password1');
    expect(screen.getByText('This is one of the first passphrases attackers try.')).toBeTruthy();
    type('New passphrase', 'Summer2024!');
    expect(screen.getByText('Too easy to guess: add more words or characters.')).toBeTruthy();
    expect(screen.getByText(/^Why so strict: anyone who copies your browser profile can try passphrases offline/)).toBeTruthy();
    type('New passphrase', GOOD);
    expect(screen.getByText('Strong passphrase.')).toBeTruthy();
    expect(screen.queryByText(/^Why so strict/)).toBeNull();
    expect((screen.getByLabelText('Passphrase strength') as HTMLMeterElement).value).toBe(4);
  });

  it('refuses a weak or unconfirmed passphrase without asking the background', async () => {
    const bg = fakeBackground({ 'vault/status': status('no-vault') });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Create your vault' });
    type('New passphrase', 'qwerty123');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This passphrase is too easy to guess. Add more words or characters.');
    type('New passphrase', GOOD);
    type('Type it again', `${GOOD} `);
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The two passphrases differ.');
    expect(bg.sent('vault/create')).toEqual([]);
  });

  it('creates the vault and shows the three ways codes arrive', async () => {
    const bg = fakeBackground({
      'vault/status': status('no-vault'),
      'vault/create': status('unlocked'),
      'accounts/list': [],
      'captures/list': [],
    });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Create your vault' });
    type('New passphrase', GOOD);
    type('Type it again', GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    await screen.findByRole('heading', { name: 'No backup codes yet' });
    expect(bg.sent('vault/create')).toEqual([{ passphrase: GOOD, confirm: GOOD }]);
    const ways = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(ways).toEqual([
      expect.stringContaining('Visit the site’s backup-code page.'),
      expect.stringContaining('Paste them.'),
      expect.stringContaining('Import a file.'),
    ]);
    expect(screen.getByRole('link', { name: 'X backup codes' }).getAttribute('href')).toBe(
      'https://x.com/settings/account/login_verification/backup_code',
    );
    expect(screen.getByRole('button', { name: 'Paste codes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import a file' })).toBeTruthy();
  });

  it('shows what the background said when creating fails', async () => {
    const bg = fakeBackground({
      'vault/status': status('no-vault'),
      'vault/create': { code: 'vault-exists', message: 'A vault already exists. Unlock it instead.' },
    });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Create your vault' });
    type('New passphrase', GOOD);
    type('Type it again', GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A vault already exists. Unlock it instead.');
  });
});

describe('unlock and lock', () => {
  it('says a wrong passphrase is wrong, and empties the field for the next try', async () => {
    const bg = fakeBackground({
      'vault/status': status('locked'),
      'vault/unlock': { code: 'wrong-passphrase', message: 'Wrong passphrase. Nothing was changed; try again.' },
    });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Unlock Sparekey' });
    type('Passphrase', 'not it');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong passphrase. Nothing was changed; try again.');
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('true');
  });

  it('counts down a throttled wait and keeps Unlock disabled until it is over', async () => {
    const bg = fakeBackground({
      'vault/status': status('locked'),
      'vault/unlock': { code: 'throttled', message: 'Too many wrong passphrases.', retryAfterMs: 1_900 },
    });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Unlock Sparekey' });
    type('Passphrase', 'again');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('Too many wrong passphrases. Try again in 2 s.');
    expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByText('Too many wrong passphrases. Try again in 1 s.', {}, { timeout: 2_000 });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(false), {
      timeout: 3_000,
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(bg.sent('vault/unlock')).toHaveLength(1);
  });

  it('unlocks into the accounts with focus on their heading, and Lock returns to the focused passphrase field', async () => {
    const bg = fakeBackground({
      'vault/status': status('locked'),
      'vault/unlock': status('unlocked'),
      'vault/lock': status('locked'),
      'accounts/list': [],
      'captures/list': [],
    });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Unlock Sparekey' });
    type('Passphrase', 'violet harbour pencil thunder');
    fireEvent.submit(screen.getByLabelText('Passphrase').closest('form')!);
    const heading = await screen.findByRole('heading', { name: 'Your backup codes' });
    // The form typed into is gone: focus goes to what replaced it, not to the document's body.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { name: 'Unlock Sparekey' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Passphrase')));
    expect(bg.sent('vault/lock')).toEqual([{}]);
  });

  it('leaves focus where the browser put it when the popup opens already unlocked', async () => {
    const bg = fakeBackground({ 'vault/status': status('unlocked'), 'accounts/list': [], 'captures/list': [] });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Your backup codes' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(document.body);
  });

  it('goes back to the unlock screen when the vault auto-locked while the popup was open', async () => {
    const bg = fakeBackground({
      'vault/status': status('unlocked'),
      'accounts/list': [],
      'captures/list': [],
    });
    render(<App send={bg.send} />);
    await screen.findByRole('heading', { name: 'Your backup codes' });
    bg.script['vault/status'] = status('locked');
    bg.script['settings/set'] = { code: 'locked', message: 'Sparekey is locked.' };
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByLabelText('Lock automatically after'), { target: { value: '60' } });
    await screen.findByRole('heading', { name: 'Unlock Sparekey' });
  });
});
