// The popup's early asks: sent before its modules load, taken once by the popup's script, and
// their replies (or failures) become the same Results a later ask would get.
import { describe, expect, it, vi } from 'vitest';
import { settle } from '../../../src/messages/client';
import { OPENING_ASKS, askEarly, takeEarly } from '../../../src/ui/early-asks';
import { prefetching } from '../../../src/ui/prefetch';
import { fakeBackground } from './helpers';

vi.mock('wxt/browser', async () => {
  const { i18n } = await import('../i18n-en');
  return { browser: { i18n, runtime: { sendMessage: () => Promise.reject(new Error('not in this test')) } } };
});

const status = { state: 'unlocked' };

function runtime(answers: Record<string, unknown>) {
  const sent: unknown[] = [];
  return {
    sent,
    sendMessage: (message: unknown) => {
      sent.push(message);
      const type = (message as { type: string }).type;
      return type in answers ? Promise.resolve(JSON.stringify({ ok: true, value: answers[type] })) : Promise.reject(new Error('Receiving end does not exist.'));
    },
  };
}

describe('early asks', () => {
  it('sends the opening asks at once, each asking for its reply as text, and hands them over once', async () => {
    const r = runtime({ 'vault/status': status, 'accounts/list': [], 'captures/list': [] });
    const scope: Record<string, unknown> = { chrome: { runtime: r } };
    askEarly(scope, '');
    expect(r.sent).toEqual(OPENING_ASKS.map((type) => ({ type, body: {}, reply: 'json' })));
    const early = takeEarly(scope)!;
    expect([...early.keys()]).toEqual([...OPENING_ASKS]);
    expect(await settle(early.get('vault/status')!)).toEqual({ ok: true, value: status });
    expect(takeEarly(scope)).toBeUndefined();
  });

  it('prefers browser.runtime to chrome.runtime, and asks nothing for the printable sheet or outside an extension', () => {
    const b = runtime({});
    const c = runtime({});
    const both = { browser: { runtime: b }, chrome: { runtime: c } };
    askEarly(both, '');
    expect(b.sent).toHaveLength(OPENING_ASKS.length);
    expect(c.sent).toHaveLength(0);
    for (const reply of takeEarly(both)!.values()) reply.catch(() => undefined);
    const sheet = { chrome: { runtime: runtime({}) } };
    askEarly(sheet, '#sheet');
    expect(takeEarly(sheet)).toBeUndefined();
    const none = {};
    askEarly(none, '');
    expect(takeEarly(none)).toBeUndefined();
  });

  it('turns a failed early ask into the typed error the popup shows, and its answer into the first ask of that question', async () => {
    const r = runtime({ 'vault/status': status });
    const scope: Record<string, unknown> = { chrome: { runtime: r } };
    askEarly(scope, '');
    const early = takeEarly(scope)!;
    const bg = fakeBackground({ 'vault/status': { state: 'locked' } as never });
    const sent = new Map([...early].map(([type, raw]) => [type, settle(raw)] as const));
    const { send } = prefetching(bg.send, OPENING_ASKS, sent);
    expect(await send('vault/status', {})).toEqual({ ok: true, value: status });
    expect(await send('accounts/list', {})).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    // Nothing went to the background for questions already on their way.
    expect(bg.calls).toHaveLength(0);
  });
});
