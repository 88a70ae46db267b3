import type { OutputAsset, OutputBundle } from 'rollup';
import type { Plugin } from 'vite';

// An extension page's stylesheet goes into the page itself, as <style>: one fewer file for the
// popup to fetch from the extension before its first frame (each chrome-extension:// or
// moz-extension:// load is a round trip through the browser process). The CSP (script-src only)
// allows inline styles. A stylesheet two pages share stays a file, so the zip carries it once.
const LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g;

/** The bundle's HTML pages with their own stylesheets inlined; shared ones are left as links. */
export function inlinePageCss(bundle: OutputBundle): string[] {
  const pages = Object.values(bundle).filter((f): f is OutputAsset => f.type === 'asset' && f.fileName.endsWith('.html'));
  const users = new Map<string, number>();
  for (const page of pages)
    for (const [, css] of String(page.source).matchAll(LINK)) users.set(css!, (users.get(css!) ?? 0) + 1);
  const inlined: string[] = [];
  for (const page of pages)
    page.source = String(page.source).replace(LINK, (link, css: string) => {
      const sheet = bundle[css];
      if (users.get(css) !== 1 || sheet?.type !== 'asset') return link;
      inlined.push(css);
      // "</style" can't end the element early: CSS has no reason to contain it, and if it did it
      // would be an escape, so refuse the build rather than ship a broken page.
      const text = String(sheet.source);
      if (/<\/style/i.test(text)) throw new Error(`inline-page-css: ${css} contains "</style"`);
      return `<style>${text}</style>`;
    });
  for (const css of inlined) delete bundle[css];
  return inlined;
}

export function inlinePageCssPlugin(): Plugin {
  return {
    name: 'sparekey:inline-page-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      inlinePageCss(bundle);
    },
  };
}
