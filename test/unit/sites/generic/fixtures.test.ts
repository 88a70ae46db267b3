// @vitest-environment jsdom
// The generic recovery-code detector on every page in test/fixtures/generic (login steps of
// different sites, each built from public markup and saying which real page it models and where
// its markup came from), with the expected answer per page in ONE table: fixtures.json. Then the
// cross-fire: X's detectors on these pages, and this detector on X's pages, which stay X's.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectRecoveryStep, explainRecoveryStep } from '../../../../src/sites/generic';
import { xAdapter } from '../../../../src/sites/x';

// (A string, not new URL(): under jsdom the global URL is jsdom's and fileURLToPath refuses it.)
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const DIR = path.join(FIXTURES, 'generic');
const X_DIR = path.join(FIXTURES, 'x');

interface Expected {
  file: string;
  url: string;
  lang: string;
  models: string;
  source: string;
  offer: boolean;
  /** The field the page is about: the one offered, or the one that must not be. */
  input: string;
  mode?: 'backup' | 'unknown';
  signal?: 'attribute' | 'label' | 'description' | 'step-text';
  refusal?: string;
}

/** The table: fixture → expected offer or no offer, mode and signal. */
const TABLE = JSON.parse(readFileSync(path.join(DIR, 'fixtures.json'), 'utf8')) as Expected[];
const X_PAGES = JSON.parse(readFileSync(path.join(X_DIR, 'fixtures.json'), 'utf8')) as { file: string; url: string }[];

function parse(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
}

const load = (f: Expected) => ({ doc: parse(path.join(DIR, f.file)), url: new URL(f.url) });
const originOf = (f: Expected) => new URL(f.url).origin;
/** Every origin of the generic pages: what a person with all these accounts would have granted. */
const GRANTED = [...new Set(TABLE.map(originOf))];
/** The site a fixture models: its file name up to the first dash. */
const siteOf = (f: Expected) => f.file.split('-')[0]!;

// The counts the closing note reports, computed once over the whole table.
const RESULTS = TABLE.map((f) => {
  const { doc, url } = load(f);
  return { f, step: detectRecoveryStep(doc, url, [url.origin]) };
});
const POSITIVES = TABLE.filter((f) => f.offer).length;
const NEGATIVES = TABLE.length - POSITIVES;
const HITS = RESULTS.filter((r) => r.f.offer && r.step?.input.matches(r.f.input)).length;
const FALSE_OFFERS = RESULTS.filter((r) => !r.f.offer && r.step !== null).length;

describe('the generic fixtures', () => {
  it('are all listed in fixtures.json, and each says which real page it models and where its markup came from', () => {
    const files = readdirSync(DIR).filter((n) => n.endsWith('.html')).sort();
    expect(TABLE.map((f) => f.file).sort()).toEqual(files);
    for (const f of TABLE) {
      const head = readFileSync(path.join(DIR, f.file), 'utf8').slice(0, 3_000);
      expect(head, f.file).toMatch(/^<!--[\s\S]*Models: [\s\S]*URL: https:\/\/[\s\S]*Source: [\s\S]*-->/);
      expect(head, f.file).toContain(`URL: ${f.url}`);
      // The page's own comment and the table say the same thing.
      expect(head, f.file).toContain(`Expected: ${f.offer ? `offer, mode ${f.mode}` : 'no offer'}\n`);
      expect(f.models.trim(), f.file).not.toBe('');
      expect(f.source.trim(), f.file).not.toBe('');
    }
  });

  it('cover at least 15 sites, recovery fields in several languages, and every kind of field that must get nothing', () => {
    expect(new Set(TABLE.map(siteOf)).size).toBeGreaterThanOrEqual(15);
    for (const lang of ['en', 'de', 'fr', 'ja']) expect(TABLE.some((f) => f.offer && f.lang === lang), `a positive in ${lang}`).toBe(true);
    expect(TABLE.some((f) => f.offer && f.mode === 'unknown'), 'a shared app/recovery field').toBe(true);
    // TOTP, SMS, e-mailed code, password, coupon, recovery e-mail settings.
    for (const file of ['google-totp.html', 'google-sms.html', 'gitlab-email-verification.html', 'github-login-password.html',
      'shopify-checkout-discount.html', 'google-recovery-email.html'])
      expect(TABLE.find((f) => f.file === file)?.offer, file).toBe(false);
  });

  it(`find ${HITS} of ${POSITIVES} recovery fields and make ${FALSE_OFFERS} false offers on ${NEGATIVES} negative pages`, () => {
    expect(HITS).toBe(POSITIVES);
    expect(FALSE_OFFERS).toBe(0);
  });
});

describe.each(TABLE)('$file', (f) => {
  const { doc, url } = load(f);

  it(f.offer ? `offers the recovery field ${f.input} in ${f.mode} mode, named by its ${f.signal}` : `offers nothing (${f.input}: ${f.refusal})`, () => {
    const step = detectRecoveryStep(doc, url, [url.origin]);
    const explained = explainRecoveryStep(doc, url, [url.origin]).find((e) => e.input.matches(f.input));
    expect(explained, `${f.input} is collected`).toBeDefined();
    if (!f.offer) {
      expect(step).toBeNull();
      expect(explained?.decision).toEqual({ offer: false, refusal: f.refusal });
      return;
    }
    expect(step?.input.matches(f.input)).toBe(true);
    expect(step?.mode).toBe(f.mode);
    expect(step?.signal).toBe(f.signal);
    expect(step?.container.contains(step.input)).toBe(true);
    expect(step?.lang).toBe(f.lang);
    // Google's Next is a type=button outside any submit semantics: no submit found, the person clicks.
    if (step?.submit) expect(step.container.contains(step.submit)).toBe(true);
  });

  it('reads nothing on an origin the person did not grant, nor on a lookalike host', () => {
    const others = GRANTED.filter((o) => o !== url.origin);
    expect(detectRecoveryStep(doc, url, others)).toBeNull();
    expect(explainRecoveryStep(doc, url, others)).toEqual([]);
    const lookalike = new URL(f.url.replace(url.host, `${url.host}.evil.test`));
    expect(detectRecoveryStep(doc, lookalike, GRANTED)).toBeNull();
    expect(detectRecoveryStep(doc, new URL(f.url.replace('https:', 'http:')), GRANTED)).toBeNull();
  });

  it("gets nothing from X's detectors at its own URL, nor from X's login-step detectors when served at x.com's login", () => {
    expect(xAdapter.isCandidate(url)).toBe(false);
    expect(xAdapter.detectChallenge(doc, url)).toBeNull();
    expect(xAdapter.detectMethodChoice(doc, url)).toBeNull();
    expect(xAdapter.detectCodeScreen(doc, url)).toBeNull();
    expect(xAdapter.detectLoginHint(doc, url)).toBeNull();
    // X's login detectors key on X's own structure (role=dialog, data-testid ocfEnterTextTextInput),
    // so another site's step is nothing to them even at X's URL.
    const login = new URL('https://x.com/i/flow/login');
    expect(xAdapter.detectChallenge(doc, login)).toBeNull();
    expect(xAdapter.detectMethodChoice(doc, login)).toBeNull();
    expect(xAdapter.detectLoginHint(doc, login)).toBeNull();
  });
});

describe("X's pages", () => {
  const pages = X_PAGES.map((p) => ({ ...p, doc: parse(path.join(X_DIR, p.file)), url: new URL(p.url) }));

  it('are left to X: with every generic account granted (x.com is not among them), the generic detector reads none of them', () => {
    expect(GRANTED).not.toContain('https://x.com');
    for (const p of pages) expect(detectRecoveryStep(p.doc, p.url, GRANTED), p.file).toBeNull();
  });

  it("would, even if x.com were passed in, offer exactly where X's adapter sees its backup step (same input), never on X's app or e-mail step", () => {
    const generic = pages.filter((p) => detectRecoveryStep(p.doc, p.url, ['https://x.com']) !== null).map((p) => p.file);
    const xBackup = pages.filter((p) => xAdapter.detectChallenge(p.doc, p.url)?.mode === 'backup').map((p) => p.file);
    expect(generic).toEqual(xBackup);
    // Not vacuous: X's backup step, in its six languages, names itself in words this detector reads.
    expect(generic.length).toBeGreaterThanOrEqual(6);
    for (const p of pages.filter((q) => generic.includes(q.file)))
      expect(detectRecoveryStep(p.doc, p.url, ['https://x.com'])?.input, p.file).toBe(xAdapter.detectChallenge(p.doc, p.url)?.input);
  });
});
