import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

// `import url from './x.wasm?inline'` → the binary as a base64 data URL string, in the bundle
// itself. Vite inlines other assets this way but hands .wasm to its own loader, which would fetch
// the file at run time; the extension must carry its WebAssembly and fetch nothing.
const SUFFIX = '.wasm?inline';
const MARK = '?sparekey-wasm-inline';

export function wasmInline(): Plugin {
  return {
    name: 'sparekey:wasm-inline',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -'?inline'.length), importer, { skipSelf: true });
      if (!resolved) throw new Error(`wasm-inline: cannot resolve ${source}`);
      return resolved.id + MARK;
    },
    load(id) {
      if (!id.endsWith(MARK)) return null;
      const file = id.slice(0, -MARK.length);
      this.addWatchFile(file);
      const base64 = readFileSync(file).toString('base64');
      return `export default ${JSON.stringify(`data:application/wasm;base64,${base64}`)};`;
    },
  };
}
