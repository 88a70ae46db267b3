// The reply's wire form: JSON text for our own senders (Firefox clones object replies slowly),
// the object for anyone who did not ask, and nothing mistaken for an answer.
import { describe, expect, it } from 'vitest';
import { decodeReply, encodeReply, envelope } from '../../../src/messages/wire';

const summary = { id: 'a1', site: 'x', label: '@ana', origins: ['https://x.com'], counts: { unused: 5 }, left: 5, challenge: null };
const ok = { ok: true as const, value: [summary] };
const refused = { ok: false as const, error: { code: 'not-allowed' as const, message: 'no' } };

describe('wire', () => {
  it('sends our envelope with the reply asked for as text, and reads it back unchanged', () => {
    const message = envelope('accounts/list', {});
    expect(message).toEqual({ type: 'accounts/list', body: {}, reply: 'json' });
    const sent = encodeReply(message, ok);
    expect(typeof sent).toBe('string');
    expect(decodeReply(sent)).toEqual(ok);
    expect(decodeReply(encodeReply(message, refused))).toEqual(refused);
  });

  it('answers a sender that did not ask for text with the object itself', () => {
    for (const message of [{ type: 'accounts/list', body: {} }, { type: 'x', reply: 'JSON' }, null, 'accounts/list'])
      expect(encodeReply(message, refused)).toBe(refused);
  });

  it('reads an object reply as it is, and treats anything that is not a Result as no answer', () => {
    expect(decodeReply(ok)).toBe(ok);
    for (const raw of [undefined, null, '', '{', '"ok"', '[1]', '{"value":1}', 42, { value: 1 }])
      expect(decodeReply(raw)).toBeUndefined();
  });
});
