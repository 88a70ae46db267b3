// The address a person names for another site's account: what becomes its one exact origin, what
// is refused and why, and which granted host patterns name such an origin.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANY_HTTPS_SITE, originOfPattern, otherSite, parseSiteOrigin, patternOf } from '../../../../src/sites/generic/origin';
import { genericAdapterFor } from '../../../../src/sites/generic/gate';
import { ADAPTERS, SITES } from '../../../../src/sites/index';
import { property } from '../../property';

const known = (origin: string) => SITES.find((s) => s.origins.includes(origin))?.name;

describe('parseSiteOrigin', () => {
  it.each([
    ['https://pypi.org', 'https://pypi.org'],
    ['pypi.org', 'https://pypi.org'],
    ['  PyPI.org  ', 'https://pypi.org'],
    ['https://pypi.org/account/login/?next=/manage/#top', 'https://pypi.org'],
    ['https://pypi.org:443/', 'https://pypi.org'],
    ['www.dropbox.com/login', 'https://www.dropbox.com'],
    ['https://discord.com', 'https://discord.com'],
    // An IDN comes back as punycode, which is what the popup shows: a lookalike cannot pass for ASCII.
    ['bücher.de', 'https://xn--bcher-kva.de'],
    ['https://\u0445.com', 'https://xn--u1a.com'],
  ])('takes %j as %s', (typed, origin) => {
    expect(parseSiteOrigin(typed)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['http://pypi.org', 'not-https'],
    ['ftp://pypi.org', 'not-https'],
    ['javascript:alert(1)', 'not-https'],
    ['data:text/html,<input>', 'not-https'],
    ['file:///etc/passwd', 'not-https'],
    ['https://user:secret@pypi.org', 'not-a-site'],
    ['https://pypi.org@evil.test', 'not-a-site'],
    ['https://pypi.org:8443', 'port'],
    ['pypi.org:8443', 'port'],
    ['https://127.0.0.1', 'ip'],
    ['192.168.1.1', 'ip'],
    ['https://[::1]', 'ip'],
    ['https://0x7f.1', 'ip'],
    ['localhost', 'local'],
    ['https://app.localhost', 'local'],
    ['printer.local', 'local'],
    ['wiki.corp.internal', 'local'],
    ['router.home.arpa', 'local'],
    ['intranet', 'local'],
    ['myrouter', 'not-a-site'],
    ['https://pypi.org.', 'not-a-site'],
    ['https://exa mple.com', 'not-a-site'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parseSiteOrigin(typed)).toMatchObject({ ok: false, problem });
  });

  it('refuses the origin of a site Sparekey lists, naming it: the person picks that site, with its own rules', () => {
    expect(parseSiteOrigin('https://x.com/login', known)).toEqual({ ok: false, problem: 'known', site: 'X' });
    expect(parseSiteOrigin('github.com', known)).toEqual({ ok: false, problem: 'known', site: 'GitHub' });
    expect(parseSiteOrigin('discord.com', known)).toEqual({ ok: false, problem: 'known', site: 'Discord' });
    // A lookalike or a sibling is not the listed site: it is just another site.
    expect(parseSiteOrigin('https://x.com.evil.test', known)).toEqual({ ok: true, origin: 'https://x.com.evil.test' });
    expect(parseSiteOrigin('https://gist.github.com', known)).toEqual({ ok: true, origin: 'https://gist.github.com' });
  });

  property('gives only exact https origins with a dotted host and no port, and gives the same one again when given it', 500, (runs) => {
    const typed = fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.domain(),
      fc.tuple(fc.constantFrom('http://', 'https://', '', 'HTTPS://', 'ws://'), fc.domain(), fc.constantFrom('', ':443', ':8080', '/a', '.', '?q')).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(typed, (text) => {
        const check = parseSiteOrigin(text);
        if (!check.ok) return;
        const url = new URL(check.origin);
        expect(url.protocol).toBe('https:');
        expect(url.port).toBe('');
        expect(url.origin).toBe(check.origin);
        expect(url.hostname).toContain('.');
        expect(parseSiteOrigin(check.origin)).toEqual(check);
        expect(originOfPattern(patternOf(check.origin))).toBe(check.origin);
      }),
      runs,
    );
  });
});

describe('originOfPattern', () => {
  it('reads back the one origin a granted pattern names', () => {
    expect(originOfPattern('https://pypi.org/*')).toBe('https://pypi.org');
    expect(originOfPattern('https://www.dropbox.com/*')).toBe('https://www.dropbox.com');
  });

  it.each([ANY_HTTPS_SITE, 'https://*.pypi.org/*', 'http://pypi.org/*', 'https://pypi.org/account/*', '<all_urls>', '*://pypi.org/*', 'https://127.0.0.1/*', 'https://localhost/*', 'https://pypi.org:8443/*', 'https://pypi.org'])(
    'reads no origin from %s',
    (pattern) => {
      expect(originOfPattern(pattern)).toBeUndefined();
    },
  );
});

describe('otherSite', () => {
  it("is the named origin's record: that origin only, its pattern, any order, the generic format, read on request", () => {
    expect(otherSite('https://pypi.org')).toEqual({
      id: 'other',
      name: 'pypi.org',
      origins: ['https://pypi.org'],
      matches: ['https://pypi.org/*'],
      policy: { kind: 'any-order' },
      format: 'generic',
      backupCodesUrl: 'https://pypi.org',
      access: 'on-request',
    });
  });
});

describe('genericAdapterFor (the page runtime and the sender check ask it)', () => {
  it("is there for another site's https origin, vault-only sites' included, never for a page-reading site's origin, http, an IP or a local name", () => {
    for (const origin of ['https://pypi.org', 'https://discord.com', 'https://www.dropbox.com', 'https://x.com.evil.test'])
      expect(genericAdapterFor(origin)?.site.origins).toEqual([origin]);
    for (const origin of [...ADAPTERS.flatMap((a) => a.site.origins), 'http://pypi.org', 'https://127.0.0.1', 'https://localhost', 'https://pypi.org:8443', 'null'])
      expect(genericAdapterFor(origin), origin).toBeUndefined();
  });
});
