// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountDetail, CodeView } from '../../../src/messages/protocol';
import { App } from '../../../src/ui/App';
import { code, detail, fakeBackground, shown, status, summary, type Script } from './helpers';

vi.mock('wxt/browser', () => import('./browser'));

const VALUES: Record<string, string> = { c1: 'aaaa1111bbbb', c2: 'cccc2222dddd', c3: 'eeee3333ffff', c4: 'gggg4444hhhh' };

/** accounts/get as the background answers it: values only for the codes asked to reveal. */
function getter(codes: CodeView[], over: Partial<AccountDetail> = {}) {
  return ({ reveal = [] }: { reveal?: string[] }) =>
    detail(
      codes.map((c) => (reveal.includes(c.id) ? { ...c, value: shown(VALUES[c.id]!) } : c)),
      over,
    );
}

let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  writeText = vi.fn(async (_text: string) => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function openAccount(codes: CodeView[], script: Script = {}, over: Partial<AccountDetail> = {}) {
  const bg = fakeBackground({
    'vault/status': status('unlocked'),
    'captures/list': [],
    'accounts/list': [summary()],
    'accounts/get': getter(codes, over),
    ...script,
  });
  render(<App send={bg.send} />);
  fireEvent.click(await screen.findByRole('button', { name: /@alice/ }));
  await screen.findByRole('heading', { name: '@alice' });
  return bg;
}

const row = (seq: number) => screen.getByText(`#${seq}`, { selector: '.seq' }).closest('li')!;

describe('account view', () => {
  it('lists codes in generation order, each with what happened to it', async () => {
    const usedAt = Date.UTC(2026, 2, 4, 10, 30);
    await openAccount([
      code(1, { status: 'invalidated', invalidatedBySeq: 3 }),
      code(2, { status: 'rejected' }),
      code(3, { status: 'used', usedAt, usedOrigin: 'https://x.com' }),
      code(4),
      code(5, { status: 'reserved' }),
      code(6, { status: 'unconfirmed' }),
    ]);
    const items = within(screen.getByRole('list', { name: 'Codes, oldest first' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.seq')!.textContent)).toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    expect(items.map((li) => li.querySelector('.status')!.textContent)).toEqual([
      'Invalidated by #3',
      'Rejected by the site',
      `Used on ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(usedAt)} at https://x.com`,
      'Unusednext',
      'Being filled in a tab',
      'Filled; did it work? Not confirmed yet',
    ]);
  });

  it('masks every value until one is revealed, and masks it again on Hide', async () => {
    const bg = await openAccount([code(1), code(2)]);
    expect(document.body.textContent).not.toContain('aaaa');
    expect(within(row(1)).getByText('hidden')).toBeTruthy();
    fireEvent.click(within(row(2)).getByRole('button', { name: 'Show code #2' }));
    await within(row(2)).findByText('cccc 2222 dddd');
    expect(bg.sent('accounts/get').at(-1)).toEqual({ accountId: 'acc-1', reveal: ['c2'] });
    expect(document.body.textContent).not.toContain('aaaa');
    fireEvent.click(within(row(2)).getByRole('button', { name: 'Hide code #2' }));
    await waitFor(() => expect(document.body.textContent).not.toContain('cccc'));
  });

  it('copies a code without its spaces and asks the background to clear the clipboard later', async () => {
    const bg = await openAccount([code(1), code(2)], { 'clipboard/clear-after': { scheduled: true } });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Copy code #1' }));
    await screen.findByText('Code #1 copied. The clipboard clears in 30 s.');
    expect(writeText).toHaveBeenCalledWith('aaaa1111bbbb');
    expect(bg.sent('clipboard/clear-after')).toEqual([{ seconds: 30 }]);
    // Revealing for the copy did not show the value on screen.
    expect(document.body.textContent).not.toContain('aaaa');
    // Still open at the deadline: the popup clears it too.
    vi.advanceTimersByTime(30_000);
    expect(writeText).toHaveBeenLastCalledWith('');
  });

  it('shows which codes a pick that is not next would invalidate, and does nothing until confirmed', async () => {
    const codes = [code(1), code(2), code(3), code(4)];
    const bg = await openAccount(codes, {
      'codes/set-status': detail([code(1, { status: 'invalidated' }), code(2, { status: 'invalidated' }), code(3, { status: 'used' }), code(4)]),
    });
    fireEvent.click(within(row(3)).getByText('More', { selector: 'summary' }));
    expect(within(row(3)).getByText('More').getAttribute('aria-label')).toBe('More for code #3');
    fireEvent.click(within(row(3)).getByRole('button', { name: 'Mark used' }));
    const confirm = await screen.findByRole('group', { name: 'Mark code #3 used?' });
    expect(confirm.textContent).toContain('This invalidates #1 and #2: X accepts backup codes only in the order they were made.');
    expect(document.activeElement?.textContent).toBe('Mark #3 used');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(bg.sent('codes/set-status')).toEqual([]);
    // Escape cancels too.
    fireEvent.click(within(row(3)).getByRole('button', { name: 'Mark used' }));
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Mark #3 used' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Mark code #3 used?' })).toBeNull();
    expect(bg.sent('codes/set-status')).toEqual([]);
    fireEvent.click(within(row(3)).getByRole('button', { name: 'Mark used' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark #3 used' }));
    await screen.findByText('Code #3 updated.');
    expect(bg.sent('codes/set-status')).toEqual([{ accountId: 'acc-1', codeId: 'c3', status: 'used' }]);
  });

  it('marks the next code used at once: it invalidates nothing', async () => {
    const bg = await openAccount([code(1, { status: 'used' }), code(2), code(3)], { 'codes/set-status': detail([]) });
    fireEvent.click(within(row(2)).getByRole('button', { name: 'Mark used' }));
    await screen.findByText('Code #2 updated.');
    expect(screen.queryByRole('group', { name: /Mark code/ })).toBeNull();
    expect(bg.sent('codes/set-status')).toEqual([{ accountId: 'acc-1', codeId: 'c2', status: 'used' }]);
  });

  it('warns about nothing under an any-order policy', async () => {
    const bg = await openAccount([code(1), code(2), code(3)], { 'codes/set-status': detail([]) }, { policy: { kind: 'any-order' } });
    fireEvent.click(within(row(3)).getByRole('button', { name: 'Mark used' }));
    await screen.findByText('Code #3 updated.');
    expect(bg.sent('codes/set-status')).toHaveLength(1);
  });

  it('marks a used code unused again', async () => {
    const bg = await openAccount([code(1, { status: 'used', usedAt: 1 })], { 'codes/set-status': detail([code(1)]) });
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Mark unused' }));
    await screen.findByText('Code #1 updated.');
    expect(bg.sent('codes/set-status')).toEqual([{ accountId: 'acc-1', codeId: 'c1', status: 'unused' }]);
  });

  it('offers "Fill on this tab" only when the background says the active tab is at one of the account’s origins’ 2FA step', async () => {
    await openAccount([code(1), code(2)]);
    expect(screen.queryByRole('button', { name: /Fill code #1 on this tab/ })).toBeNull();
    cleanup();
    await openAccount([code(1), code(2)], { 'fill/active-tab-step': { origin: 'https://x.com.evil.test' } });
    expect(screen.queryByRole('button', { name: /Fill code #1 on this tab/ })).toBeNull();
    cleanup();
    const bg = await openAccount([code(1), code(2)], { 'fill/active-tab-step': { origin: 'https://x.com' }, 'fill/active-tab': { seq: 1 } });
    fireEvent.click(await screen.findByRole('button', { name: 'Fill code #1 on this tab' }));
    await screen.findByText('Code #1 was filled on this tab.');
    expect(bg.sent('fill/active-tab')).toEqual([{ accountId: 'acc-1' }]);
  });

  it('offers no fill while the active tab shows no 2FA step (X’s home timeline, the e-mailed code)', async () => {
    const bg = await openAccount([code(1), code(2)], { 'fill/active-tab-step': { origin: null } });
    // The account has loaded and the background was asked.
    await waitFor(() => expect(bg.sent('fill/active-tab-step')).toEqual([{}]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: /Fill code #1 on this tab/ })).toBeNull();
    fireEvent.click(within(row(1)).getByText('More', { selector: 'summary' }));
    expect(within(row(1)).queryByRole('button', { name: 'Fill on this tab' })).toBeNull();
    cleanup();
    await openAccount([code(1), code(2)], { 'fill/active-tab-step': { origin: 'https://mobile.twitter.com' } });
    await screen.findByRole('button', { name: 'Fill code #1 on this tab' });
  });

  it('fills a chosen later code only after showing what it invalidates, and shows why a fill failed', async () => {
    const bg = await openAccount([code(1), code(2)], {
      'fill/active-tab-step': { origin: 'https://x.com' },
      'fill/active-tab': { code: 'not-found', message: 'No two-factor code field on this tab to fill.' },
    });
    await screen.findByRole('button', { name: 'Fill code #1 on this tab' });
    fireEvent.click(within(row(2)).getByRole('button', { name: 'Fill on this tab' }));
    const confirm = await screen.findByRole('group', { name: 'Fill code #2 instead of the next one?' });
    expect(confirm.textContent).toContain('This invalidates #1:');
    expect(bg.sent('fill/active-tab')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Fill #2' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No two-factor code field on this tab to fill.');
    expect(bg.sent('fill/active-tab')).toEqual([{ accountId: 'acc-1', codeId: 'c2' }]);
  });

  it('gives focus back to the control that opened a confirmation when it is cancelled', async () => {
    await openAccount([code(1), code(2), code(3)]);
    fireEvent.click(within(row(3)).getByText('More', { selector: 'summary' }));
    const markUsed = within(row(3)).getByRole('button', { name: 'Mark used' });
    markUsed.focus();
    fireEvent.click(markUsed);
    const keep = await screen.findByRole('button', { name: 'Mark #3 used' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    fireEvent.keyDown(keep, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(markUsed));

    const open = screen.getByRole('button', { name: 'Delete this account…' });
    open.focus();
    fireEvent.click(open);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Type @alice to confirm')));
    fireEvent.keyDown(screen.getByLabelText('Type @alice to confirm'), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete this account…' })));
  });

  it('deletes the account only once its name is typed exactly', async () => {
    const bg = await openAccount([code(1)], { 'accounts/delete': { deleted: 'acc-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete this account…' }));
    const field = screen.getByLabelText('Type @alice to confirm');
    expect(document.activeElement).toBe(field);
    expect(screen.getByText(/This removes @alice and its codes \(1\)/)).toBeTruthy();
    fireEvent.input(field, { target: { value: '@Alice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete account' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Type @alice exactly as shown.');
    expect(bg.sent('accounts/delete')).toEqual([]);
    fireEvent.input(field, { target: { value: '@alice' } });
    bg.script['accounts/list'] = [];
    fireEvent.click(screen.getByRole('button', { name: 'Delete account' }));
    await screen.findByRole('heading', { name: 'No backup codes yet' });
    expect(bg.sent('accounts/delete')).toEqual([{ accountId: 'acc-1', confirmLabel: '@alice' }]);
  });
});
