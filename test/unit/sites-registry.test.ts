import { describe, expect, it } from 'vitest';
import { PAGE_SITES, siteForOrigin, contentScriptMatches } from '../../src/sites/index';

describe('site registry', () => {
  it('maps each exact origin to its site and nothing else', () => {
    expect(siteForOrigin('https://x.com')?.id).toBe('x');
    expect(siteForOrigin('https://x.com.evil.test')).toBeUndefined();
    expect(siteForOrigin('http://x.com')).toBeUndefined();
    // Vault-only sites are not sites we act on in a page.
    expect(siteForOrigin('https://github.com')).toBeUndefined();
  });
  it('gives every page-reading site\'s origin a content-script match and no other', () => {
    for (const site of PAGE_SITES) {
      expect([...site.matches].sort()).toEqual(site.origins.map((o) => `${o}/*`).sort());
    }
    expect(contentScriptMatches().every((m) => m.startsWith('https://'))).toBe(true);
  });
});
