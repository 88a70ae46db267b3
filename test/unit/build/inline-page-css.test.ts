// The build puts a page's own stylesheet into the page (one fewer file before the popup's first
// frame), keeps a shared one as a file, and refuses a sheet that would end the <style> early.
import type { OutputBundle } from 'rollup';
import { describe, expect, it } from 'vitest';
import { inlinePageCss } from '../../../src/build/inline-page-css';

const asset = (fileName: string, source: string) => ({ type: 'asset', fileName, source, name: undefined, names: [], originalFileName: null, originalFileNames: [], needsCodeReference: false });
const page = (css: string[]) =>
  `<!DOCTYPE html><html><head><script type="module" crossorigin src="/chunks/p.js"></script>${css.map((c) => `<link rel="stylesheet" crossorigin href="/${c}">`).join('')}</head><body></body></html>`;

function bundle(files: Record<string, string>): OutputBundle {
  return Object.fromEntries(Object.entries(files).map(([name, source]) => [name, asset(name, source)])) as unknown as OutputBundle;
}

describe('inline page css', () => {
  it("puts a page's own stylesheet into it as <style> and drops the file", () => {
    const b = bundle({ 'popup.html': page(['assets/popup-1.css']), 'assets/popup-1.css': ':root{color:red}' });
    expect(inlinePageCss(b)).toEqual(['assets/popup-1.css']);
    expect(b['assets/popup-1.css']).toBeUndefined();
    const html = String((b['popup.html'] as { source: string }).source);
    expect(html).toContain('<style>:root{color:red}</style>');
    expect(html).not.toContain('stylesheet');
    expect(html).toContain('<script type="module" crossorigin src="/chunks/p.js">');
  });

  it('leaves a stylesheet two pages share as one file, linked from both', () => {
    const b = bundle({ 'a.html': page(['assets/shared.css']), 'b.html': page(['assets/shared.css']), 'assets/shared.css': 'p{}' });
    expect(inlinePageCss(b)).toEqual([]);
    expect(b['assets/shared.css']).toBeDefined();
    expect(String((b['a.html'] as { source: string }).source)).toContain('href="/assets/shared.css"');
  });

  it('refuses a stylesheet that holds "</style", which would end the element early', () => {
    const b = bundle({ 'popup.html': page(['assets/x.css']), 'assets/x.css': 'p{content:"</STYLE><script>"}' });
    expect(() => inlinePageCss(b)).toThrow(/<\/style/);
  });
});
