// One "same account" rule (src/vault/identity.ts) for the background, the popup and restore.
import { describe, expect, it } from 'vitest';
import { accountNamed, captureLabel, labelKey, sameLabel } from '../../../src/vault/identity';
import type { Account } from '../../../src/vault/types';

const account = (id: string, site: string, label: string, origins = ['https://x.com']): Account => ({
  id,
  site,
  label,
  origins,
  policy: { kind: 'ordered', maxActive: 5 },
  createdAt: 0,
  updatedAt: 0,
});

describe('the same account', () => {
  it("takes '@alice' and 'alice' for the same handle", () => {
    expect(sameLabel('@alice', 'alice')).toBe(true);
    expect(sameLabel('alice', '@alice')).toBe(true);
  });

  it('ignores case and surrounding spaces, and the Unicode spelling of the same characters', () => {
    expect(sameLabel(' @Alice ', 'ALICE')).toBe(true);
    expect(sameLabel('Jos\u00e9@example.com', 'jose\u0301@EXAMPLE.com')).toBe(true);
    expect(labelKey('@@alice')).toBe('@alice');
  });

  it('keeps different names apart', () => {
    expect(sameLabel('@alice', '@alice2')).toBe(false);
    expect(sameLabel('alice@example.com', 'alice')).toBe(false);
  });

  it("files a capture without a handle under the site's name", () => {
    expect(captureLabel(undefined, 'X')).toBe('X');
    expect(captureLabel('  ', 'X')).toBe('X');
    expect(captureLabel('@alice', 'X')).toBe('@alice');
  });

  it('finds the account by site, label and, when given, an origin it may be used on', () => {
    const accounts = [account('a', 'x', 'Alice'), account('b', 'github', 'alice', ['https://github.com']), account('c', 'x', 'X')];
    expect(accountNamed(accounts, 'x', '@alice')?.id).toBe('a');
    expect(accountNamed(accounts, 'github', '@ALICE')?.id).toBe('b');
    expect(accountNamed(accounts, 'x', '@alice', 'https://twitter.com')).toBeUndefined();
    expect(accountNamed(accounts, 'x', captureLabel(undefined, 'X'), 'https://x.com')?.id).toBe('c');
  });
});
