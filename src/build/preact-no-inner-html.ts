import type { Plugin } from 'vite';

// Preact's one HTML sink is `dangerouslySetInnerHTML`. Sparekey never renders HTML strings, so the
// shipped bundle replaces that sink with a throw: no future change can reintroduce it by accident,
// and AMO's linter (UNSAFE_VAR_ASSIGNMENT) has nothing to flag. The build fails if Preact's code
// changes shape, so an upgrade can't silently bring the sink back.
const SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;

export function preactNoInnerHtml(): Plugin {
  return {
    name: 'sparekey:preact-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/node_modules\/preact\/dist\/preact\.m?js$/.test(id.split('?')[0] ?? '')) return null;
      const hits = code.match(SINK)?.length ?? 0;
      if (hits !== 1) throw new Error(`preact-no-inner-html: expected 1 innerHTML sink in ${id}, found ${hits}`);
      return code.replace(SINK, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Sparekey")})()');
    },
  };
}
