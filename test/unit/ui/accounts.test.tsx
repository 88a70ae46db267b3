// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App';
import { POPUP_MAX_HEIGHT_PX, firstRows } from '../../../src/ui/rows-in-view';
import { code, detail, fakeBackground, status, summary } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));
afterEach(cleanup);

const X_PAGE = 'https://x.com/settings/account/login_verification/backup_code';

function open(script: Parameters<typeof fakeBackground>[0]) {
  const bg = fakeBackground({ 'vault/status': status('unlocked'), 'captures/list': [], ...script });
  render(<App send={bg.send} />);
  return bg;
}

describe('accounts list', () => {
  it('shows each account with its site, label and how many codes are left', async () => {
    open({ 'accounts/list': [summary(), summary({ id: 'acc-2', label: '@bob', left: 4, total: 5 })] });
    const alice = await screen.findByRole('button', { name: /@alice/ });
    expect(alice.textContent).toBe('@alice X 3 of 3 left');
    expect(screen.getByRole('button', { name: /@bob/ }).textContent).toContain('4 of 5 left');
    expect(screen.queryByText(/Generate new backup codes/)).toBeNull();
  });

  it('warns at one and at zero codes left, linking to the site’s backup-code page', async () => {
    open({
      'accounts/list': [
        summary({ label: '@one', left: 1, total: 5 }),
        summary({ id: 'acc-2', label: '@none', left: 0, total: 5 }),
      ],
    });
    const one = await screen.findByRole('button', { name: /@one/ });
    // The warning is also the account button's description, so it is heard with it.
    const warning = document.getElementById(one.getAttribute('aria-describedby')!)!;
    expect(warning.textContent).toContain('One code left. Generate new backup codes on X while you can still log in.');
    expect(screen.getByText(/No codes left. Generate new backup codes on X while you can still log in./)).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'Open X’s backup-code page' });
    expect(links.map((l) => l.getAttribute('href'))).toEqual([X_PAGE, X_PAGE]);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
  });

  it('asks "Did this code work?" for each unconfirmed fill and records the answer', async () => {
    const unconfirmed = detail([code(1, { status: 'used' }), code(2, { status: 'unconfirmed' }), code(3)]);
    const bg = open({
      'accounts/list': [summary({ unconfirmed: 1, left: 1 })],
      'accounts/get': unconfirmed,
      'codes/set-status': detail([code(1, { status: 'used' }), code(2, { status: 'used' }), code(3)]),
    });
    const question = await screen.findByText(/Code #2 for @alice was filled, but Sparekey didn’t see/);
    const answers = within(question.closest('li')!);
    bg.script['accounts/list'] = [summary({ left: 1 })];
    fireEvent.click(answers.getByRole('button', { name: 'Yes, it worked' }));
    await screen.findByText('Code #2 updated.');
    expect(bg.sent('codes/set-status')).toEqual([{ accountId: 'acc-1', codeId: 'c2', status: 'used' }]);
    await waitFor(() => expect(screen.queryByText(/Code #2 for @alice was filled/)).toBeNull());
  });

  it('offers the "rejected" and "not used" answers too', async () => {
    const bg = open({
      'accounts/list': [summary({ unconfirmed: 2 })],
      'accounts/get': detail([code(1, { status: 'unconfirmed' }), code(2, { status: 'unconfirmed' })]),
      'codes/set-status': detail([]),
    });
    const items = await screen.findAllByRole('group', { name: /was filled/ });
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'No, it was rejected' }));
    await screen.findByText('Code #1 updated.');
    fireEvent.click(within(screen.getAllByRole('group', { name: /was filled/ })[1]!).getByRole('button', { name: 'Not used' }));
    await screen.findByText('Code #2 updated.');
    expect(bg.sent('codes/set-status').map((b) => b.status)).toEqual(['rejected', 'unused']);
  });

  it('offers to save codes seen on a site, and to dismiss them', async () => {
    const preview = { revision: 4, adds: ['…ab12', '…cd34'], invalidates: [1] };
    const capture = { id: 'cap-1', tabId: 3, origin: 'https://x.com', site: 'x', handle: '@alice', fresh: 2, seenAt: 1, preview };
    const bg = open({
      'accounts/list': [summary()],
      'captures/list': [capture, { ...capture, id: 'cap-0', fresh: 0 }],
      'captures/save': { accountId: 'acc-1', added: 2, duplicates: 1, invalid: 0, invalidated: 0 },
    });
    await screen.findByText('New codes seen on X for @alice: 2');
    // Exactly what Save does, before the click.
    expect(screen.getByText('Saves …ab12, …cd34. This makes #1 invalid in Sparekey: X keeps only its newest codes valid.')).toBeTruthy();
    // A capture whose codes are all saved already is not offered.
    expect(screen.getAllByRole('button', { name: 'Save them' })).toHaveLength(1);
    bg.script['captures/list'] = [];
    fireEvent.click(screen.getByRole('button', { name: 'Save them' }));
    await screen.findByText('Saved. New codes: 2. Duplicates skipped: 1.');
    expect(bg.sent('captures/save')).toEqual([{ captureId: 'cap-1', revision: 4 }]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save them' })).toBeNull());
  });

  it('dismisses a capture without saving it', async () => {
    const capture = { id: 'cap-1', tabId: 3, origin: 'https://x.com', site: 'x', fresh: 1, seenAt: 1 };
    const bg = open({ 'accounts/list': [], 'captures/list': [capture], 'captures/dismiss': { dismissed: 'cap-1' } });
    await screen.findByText('New codes seen on X: 1');
    bg.script['captures/list'] = [];
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await screen.findByRole('heading', { name: 'No backup codes yet' });
    expect(bg.sent('captures/dismiss')).toEqual([{ captureId: 'cap-1' }]);
    expect(bg.sent('captures/save')).toEqual([]);
  });
});

describe('a long accounts list', () => {
  const many = Array.from({ length: 40 }, (_, i) => summary({ id: `acc-${i}`, label: `@user_${String(i).padStart(3, '0')}` }));

  it('draws the rows that fit the popup first, marked busy, then every row once the browser is idle', async () => {
    // Each state of the list as it is committed: how many rows, and whether it says it is filling.
    const seen: { rows: number; busy: string | null }[] = [];
    const observer = new MutationObserver(() => {
      const list = document.querySelector('ul.accounts');
      const last = seen.at(-1);
      const now = list && { rows: list.querySelectorAll(':scope > li').length, busy: list.getAttribute('aria-busy') };
      if (now && (now.rows !== last?.rows || now.busy !== last.busy)) seen.push(now);
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    open({ 'accounts/list': many });
    await screen.findByRole('button', { name: /@user_039/ });
    observer.disconnect();
    const first = firstRows(innerHeight);
    expect(first).toBeLessThan(many.length);
    expect(seen).toEqual([
      { rows: first, busy: 'true' },
      { rows: many.length, busy: null },
    ]);
    // All of them reachable by role and name, in order.
    const rows = within(document.querySelector<HTMLElement>('ul.accounts')!).getAllByRole('button');
    expect(rows.map((b) => b.textContent?.slice(0, 9))).toEqual(many.map((a) => a.label));
  });

  it('fills a popup at its tallest with rows no shorter than any card can be', () => {
    expect(firstRows(0)).toBe(firstRows(POPUP_MAX_HEIGHT_PX));
    expect(firstRows(POPUP_MAX_HEIGHT_PX) * 40).toBeGreaterThanOrEqual(POPUP_MAX_HEIGHT_PX);
    // Opened in a tab, a taller view gets more.
    expect(firstRows(1_200)).toBeGreaterThan(firstRows(POPUP_MAX_HEIGHT_PX));
  });

  it('draws a list that fits at once, never marked busy', async () => {
    const few = many.slice(0, 3);
    open({ 'accounts/list': few });
    await screen.findByRole('button', { name: /@user_002/ });
    expect(screen.getByRole('list').querySelectorAll(':scope > li')).toHaveLength(3);
    expect(document.querySelector('[aria-busy]')).toBeNull();
  });
});
