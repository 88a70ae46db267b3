// Picks the parser for an imported file among the sites' parsers the caller passes (the site
// registry's IMPORTS): by the name the site gives its download first, then by content (the first
// strict parser that reads the whole file, in the order given), else a plain list.
import { VaultError } from '../errors';
import { plainImport } from './plain';
import type { ImportId, ImportParser, ImportResult } from './types';

export type DetectedImport = ImportResult & { parser: ImportId };

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

export function detectImport(fileName: string, text: string, parsers: readonly ImportParser[]): DetectedImport {
  const name = baseName(fileName);
  // Site downloads by name; the plain list last, as it takes any .txt.
  const named = parsers.find((p) => p.fileName.test(name));
  if (named) return withNameHints(name, named, { ...named.parse(text), parser: named.id });
  for (const parser of parsers.filter((p) => p.knownByContent)) {
    try {
      return { ...parser.parse(text), parser: parser.id };
    } catch (e) {
      if (!(e instanceof VaultError)) throw e;
    }
  }
  return { ...plainImport.parse(text), parser: plainImport.id };
}

function withNameHints(name: string, parser: ImportParser, result: DetectedImport): DetectedImport {
  if (result.account !== undefined || !parser.accountFromFileName) return result;
  const user = parser.accountFromFileName(name);
  return user === undefined ? result : { ...result, account: user };
}
