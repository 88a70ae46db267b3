import { describe, expect, it } from 'vitest';
import { ADAPTERS, PAGE_SITES, siteForOrigin, contentScriptMatches } from '../../src/sites/index';
import { WATCHED, watchedMatches } from '../../src/sites/watch';

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
  it('watches exactly the page-reading sites, with the same answer as each adapter on which URLs could show something', () => {
    expect(WATCHED.map((w) => w.site)).toEqual(ADAPTERS.map((a) => a.site));
    expect(watchedMatches().sort()).toEqual(contentScriptMatches().sort());
    for (const [i, watched] of WATCHED.entries()) {
      const adapter = ADAPTERS[i]!;
      const paths = ['/', '/home', '/login', '/i/flow/login', '/i/flow/login/', '/i/flow/signup', '/settings/account/login_verification',
        '/settings/account/login_verification/backup_code', '/settings/account/login_verification/backup_code/x'];
      for (const origin of [...watched.site.origins, 'https://x.com.evil.test', 'http://x.com'])
        for (const p of paths) {
          const url = new URL(p, origin);
          expect(watched.isCandidate(url), url.href).toBe(adapter.isCandidate(url));
        }
    }
  });
});
