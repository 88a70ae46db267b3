// The background's layering: handlers are thin adapters from a message to the module that does
// the work, so no handler imports another handler, and nothing below them imports a handler.
// Only the composition file (app.ts, which registers them all) reaches into handlers/.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../src/background');
const HANDLERS = path.join(ROOT, 'handlers');
const COMPOSITION = path.join(ROOT, 'app.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** Every relative module a file imports (static, re-exported or dynamic), resolved to a path. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specs = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => path.resolve(path.dirname(file), s));
}

const inHandlers = (p: string) => p === HANDLERS || p.startsWith(HANDLERS + path.sep);
const rel = (p: string) => path.relative(ROOT, p).replace(/\.tsx?$/, '');

describe('background import rule', () => {
  const files = sources(ROOT);

  it('finds the background sources and reads every kind of import', () => {
    expect(files).toContain(COMPOSITION);
    expect(files.some(inHandlers)).toBe(true);
    const probe = path.join(HANDLERS, 'probe.ts');
    expect(importsOf(probe, "import { a } from './x';\nexport * from \"../y\";\nconst z = import('./z');").map(rel)).toEqual([
      'handlers/x',
      'y',
      'handlers/z',
    ]);
  });

  it('no handler imports another handler: shared steps live outside handlers/', () => {
    const wrong = files
      .filter(inHandlers)
      .flatMap((f) => importsOf(f).filter(inHandlers).map((to) => `${rel(f)} → ${rel(to)}`));
    expect(wrong, 'move what both need to a module in src/background and import it from there').toEqual([]);
  });

  it('only the composition file (app.ts) imports from handlers/', () => {
    const wrong = files
      .filter((f) => !inHandlers(f) && f !== COMPOSITION)
      .flatMap((f) => importsOf(f).filter(inHandlers).map((to) => `${rel(f)} → ${rel(to)}`));
    expect(wrong, 'a lower file must not depend on a handler: move the shared code out of handlers/').toEqual([]);
  });
});
