import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../../src/background/badge';
import { X_CODES, rigWithX } from './rig';

describe('toolbar badge', () => {
  it('shows codes left on the site\'s pages, "!" at one or none, nothing elsewhere or when locked', async () => {
    const { rig, accountId } = await rigWithX(X_CODES.slice(0, 3));
    const vault = await rig.deps.session.unlocked();
    expect(badgeFor(vault, 'https://x.com/home')).toEqual({ text: '3', warn: false });
    expect(badgeFor(vault, 'https://twitter.com/i/flow/login')).toEqual({ text: '3', warn: false });
    expect(badgeFor(vault, 'https://x.com.evil.test/')).toEqual({ text: '', warn: false });
    expect(badgeFor(vault, 'https://example.test/')).toEqual({ text: '', warn: false });
    expect(badgeFor(undefined, 'https://x.com/home')).toEqual({ text: '', warn: false });
    const ids = (await rig.ok('accounts/get', { accountId })).codes.map((c) => c.id);
    await rig.ok('codes/set-status', { accountId, codeId: ids[1]!, status: 'used' });
    expect(badgeFor(vault, 'https://x.com/home')).toEqual({ text: '!', warn: true });
  });
});
