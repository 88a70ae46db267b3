import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatch, WATCHER_MARK, type LoadRuntime } from '../../../src/content/watch';
import type { Result } from '../../../src/messages/protocol';

/** Just enough of a window for the watcher: where it is, whether it is the top frame, its events. */
function fakeWindow(href: string, options: { framed?: boolean; origin?: string } = {}) {
  const target = new EventTarget();
  const win = Object.assign(target, {
    document: { documentElement: { dataset: {} as Record<string, string> } },
    location: { href, origin: new URL(href).origin },
    origin: options.origin ?? new URL(href).origin,
  }) as unknown as Window & { location: { href: string } };
  Object.assign(win, { top: options.framed ? {} : win });
  return win;
}

/** WXT's location watcher announces an in-page navigation with the new URL. */
function navigate(win: Window & { location: { href: string } }, href: string): void {
  win.location.href = href;
  win.dispatchEvent(Object.assign(new Event('wxt:locationchange'), { newUrl: new URL(href) }));
}

const ctx = {
  addEventListener: (target: EventTarget, type: string, handler: (e: never) => void) => target.addEventListener(type, handler as EventListener),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
} as unknown as Parameters<typeof startWatch>[0];

const loaded: Result<{ loaded: true }> = { ok: true, value: { loaded: true } };
const unreachable: Result<{ loaded: true }> = { ok: false, error: { code: 'internal', message: 'Sparekey’s background is unreachable.' } };
const refused: Result<{ loaded: true }> = { ok: false, error: { code: 'not-allowed', message: 'The tab left the page that asked.' } };

let load: ReturnType<typeof vi.fn<LoadRuntime>>;
beforeEach(() => {
  vi.useFakeTimers();
  load = vi.fn<LoadRuntime>(async () => loaded);
});
afterEach(() => vi.useRealTimers());

describe('the always-on watcher', () => {
  it('loads nothing on a page that cannot show a 2FA step or backup codes (the timeline), however long it stays', async () => {
    const win = fakeWindow('https://x.com/home');
    startWatch(ctx, load, win);
    navigate(win, 'https://x.com/explore');
    navigate(win, 'https://x.com/settings/account/login_verification');
    await vi.runAllTimersAsync();
    expect(load).not.toHaveBeenCalled();
    // Marked in our own world only: nothing on the page's DOM says Sparekey is installed.
    expect((globalThis as unknown as Record<string, unknown>)[WATCHER_MARK]).toBe('present');
    expect(win.document.documentElement.dataset).toEqual({});
  });

  it("asks for the runtime once when X's login flow is opened directly", async () => {
    const win = fakeWindow('https://x.com/i/flow/login');
    startWatch(ctx, load, win);
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks when X navigates in-app to the backup-code screen, and never again in that document', async () => {
    const win = fakeWindow('https://twitter.com/settings/account/login_verification');
    startWatch(ctx, load, win);
    await vi.runAllTimersAsync();
    expect(load).not.toHaveBeenCalled();
    navigate(win, 'https://twitter.com/settings/account/login_verification/backup_code');
    await vi.runAllTimersAsync();
    navigate(win, 'https://twitter.com/i/flow/login');
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again while the background is starting, a few times, then waits for the next navigation', async () => {
    load.mockResolvedValue(unreachable);
    const win = fakeWindow('https://x.com/i/flow/login');
    startWatch(ctx, load, win);
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(4);
    load.mockResolvedValue(loaded);
    navigate(win, 'https://x.com/login');
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(5);
  });

  it('asks again at the next navigation after a refusal, not before', async () => {
    load.mockResolvedValueOnce(refused);
    const win = fakeWindow('https://x.com/i/flow/login');
    startWatch(ctx, load, win);
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(1);
    navigate(win, 'https://x.com/i/flow/login?input_flow_data=1');
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("does nothing in a frame, on a lookalike host, or in a sandboxed (opaque-origin) page at X's URL", async () => {
    for (const win of [
      fakeWindow('https://x.com/i/flow/login', { framed: true }),
      fakeWindow('https://x.com.evil.test/i/flow/login'),
      fakeWindow('http://x.com/i/flow/login'),
      fakeWindow('https://x.com/i/flow/login', { origin: 'null' }),
    ]) {
      startWatch(ctx, load, win);
      navigate(win, `${win.location.href}?again`);
    }
    await vi.runAllTimersAsync();
    expect(load).not.toHaveBeenCalled();
  });
});

describe("the watcher registered for granted origins, on another site's origin", () => {
  const other = { otherSites: true };

  it('asks for the runtime on any page of the granted origin, once per document', async () => {
    const win = fakeWindow('https://pypi.org/account/login/');
    startWatch(ctx, load, win, other);
    navigate(win, 'https://pypi.org/account/recovery-code/');
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks again at the next navigation when the background said no account has this origin', async () => {
    load.mockResolvedValueOnce(refused);
    const win = fakeWindow('https://pypi.org/account/login/');
    startWatch(ctx, load, win, other);
    await vi.runAllTimersAsync();
    navigate(win, 'https://pypi.org/account/recovery-code/');
    await vi.runAllTimersAsync();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does nothing in a frame, over http, on an IP address or localhost, or in a sandboxed page', async () => {
    for (const win of [
      fakeWindow('https://pypi.org/account/recovery-code/', { framed: true }),
      fakeWindow('http://pypi.org/account/recovery-code/'),
      fakeWindow('https://127.0.0.1/account/recovery-code/'),
      fakeWindow('https://localhost/account/recovery-code/'),
      fakeWindow('https://pypi.org/account/recovery-code/', { origin: 'null' }),
    ]) {
      startWatch(ctx, load, win, other);
      navigate(win, `${win.location.href}?again`);
    }
    await vi.runAllTimersAsync();
    expect(load).not.toHaveBeenCalled();
  });

  it("leaves X's origins to X's watcher rules: the timeline asks for nothing", async () => {
    const win = fakeWindow('https://x.com/home');
    startWatch(ctx, load, win, other);
    await vi.runAllTimersAsync();
    expect(load).not.toHaveBeenCalled();
  });

  it("is never read by the manifest's watcher (X's), which has no such origins", async () => {
    const win = fakeWindow('https://pypi.org/account/recovery-code/');
    startWatch(ctx, load, win);
    await vi.runAllTimersAsync();
    expect(load).not.toHaveBeenCalled();
  });
});
