// The URL detectors of each page-reading site (src/sites/<id>/site.ts), github-url-detection
// style: every detector `isSomething` has `isSomethingExamples` right below it, matches each of
// its own examples and rejects every other detector's; `isCandidate` is exactly their union and
// rejects `isCandidateRejects` (lookalike hosts, other pages).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PAGE_SITES } from '../../../src/sites/index';

const SITES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/sites');

type UrlDetector = (url: URL) => boolean;

interface Detectors {
  detectors: [name: string, detect: UrlDetector, examples: string[]][];
  isCandidate: UrlDetector;
  rejects: string[];
}

/** A site.ts module's detectors, paired with their examples by name. */
function detectorsOf(module: Record<string, unknown>, id: string): Detectors {
  const detectors: Detectors['detectors'] = [];
  for (const [name, value] of Object.entries(module)) {
    if (!/^is[A-Z]/.test(name) || typeof value !== 'function' || name === 'isCandidate') continue;
    const examples = module[`${name}Examples`];
    if (!Array.isArray(examples) || examples.length === 0)
      throw new Error(`src/sites/${id}/site.ts: export ${name}Examples, the URLs ${name} must match, right below ${name}`);
    detectors.push([name, value as UrlDetector, examples as string[]]);
  }
  for (const name of Object.keys(module))
    if (name.endsWith('Examples') && !detectors.some(([d]) => `${d}Examples` === name))
      throw new Error(`src/sites/${id}/site.ts: ${name} names no detector: rename it after the detector it shows`);
  const isCandidate = module.isCandidate as UrlDetector | undefined;
  const rejects = module.isCandidateRejects as string[] | undefined;
  if (!isCandidate || !rejects) throw new Error(`src/sites/${id}/site.ts: export isCandidate and isCandidateRejects`);
  return { detectors, isCandidate, rejects };
}

const ALL = await Promise.all(
  PAGE_SITES.map(async (s) => [s.id, detectorsOf(await import(path.join(SITES_DIR, s.id, 'site.ts')), s.id)] as const),
);

describe.each(ALL)('the %s URL detectors', (_id, { detectors, isCandidate, rejects }) => {
  it('are there, each with its examples', () => {
    expect(detectors.length).toBeGreaterThan(0);
  });

  it.each(detectors)('%s matches its own examples and rejects every other detector\'s', (name, detect, examples) => {
    for (const href of examples) expect(detect(new URL(href)), `${name}(${href})`).toBe(true);
    for (const [other, , theirs] of detectors) {
      if (other === name) continue;
      for (const href of theirs) expect(detect(new URL(href)), `${name}(${href}), an example of ${other}`).toBe(false);
    }
    for (const href of rejects) expect(detect(new URL(href)), `${name}(${href})`).toBe(false);
  });

  it('isCandidate matches every example of every detector and none of isCandidateRejects', () => {
    for (const [, , examples] of detectors) for (const href of examples) expect(isCandidate(new URL(href)), href).toBe(true);
    for (const href of rejects) expect(isCandidate(new URL(href)), href).toBe(false);
  });
});

describe('detectorsOf', () => {
  const isHome = (url: URL) => url.pathname === '/home';
  it('refuses a detector without examples, and examples without a detector', () => {
    expect(() => detectorsOf({ isHome, isCandidate: isHome, isCandidateRejects: [] }, 'demo')).toThrow(
      'src/sites/demo/site.ts: export isHomeExamples, the URLs isHome must match, right below isHome',
    );
    expect(() =>
      detectorsOf({ isHome, isHomeExamples: ['https://x.com/home'], isHmeExamples: ['https://x.com/'], isCandidate: isHome, isCandidateRejects: [] }, 'demo'),
    ).toThrow('src/sites/demo/site.ts: isHmeExamples names no detector: rename it after the detector it shows');
  });
});
