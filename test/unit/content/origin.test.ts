// The content script's entry: which documents get the runtime at all (issue 7, item 2).
import { describe, expect, it } from 'vitest';
import { documentOrigin } from '../../../src/content/origin';

describe('documentOrigin', () => {
  it('is the origin of an ordinary page', () => {
    expect(documentOrigin({ origin: 'https://x.com', location: { origin: 'https://x.com' } })).toBe('https://x.com');
  });

  it('is null for a page with an opaque origin although its URL is x.com (CSP sandbox, sandboxed frame)', () => {
    expect(documentOrigin({ origin: 'null', location: { origin: 'https://x.com' } })).toBeNull();
  });

  it('is null when the document\'s origin and its URL disagree', () => {
    expect(documentOrigin({ origin: 'https://evil.test', location: { origin: 'https://x.com' } })).toBeNull();
  });
});
