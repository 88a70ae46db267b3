// Picks the parser for an imported file: by the name the site gives its download first, then by
// content (the first strict parser that reads the whole file), else a plain list.
import { VaultError } from '../errors';
import { discordImport } from './discord';
import { githubImport } from './github';
import { gitlabImport } from './gitlab';
import { googleImport, googleUserFromFileName } from './google';
import { plainImport } from './plain';
import { protonImport } from './proton';
import type { ImportId, ImportParser, ImportResult } from './types';

export const IMPORT_PARSERS: Readonly<Record<ImportId, ImportParser>> = {
  github: githubImport,
  google: googleImport,
  gitlab: gitlabImport,
  discord: discordImport,
  proton: protonImport,
  plain: plainImport,
};

/** Site downloads by name; the plain list last, as it takes any .txt. */
const BY_NAME: readonly ImportParser[] = [githubImport, gitlabImport, discordImport, protonImport, googleImport];
/** Content shapes from most to least distinctive. Proton's bare list looks like any other. */
const BY_CONTENT: readonly ImportParser[] = [googleImport, discordImport, githubImport, gitlabImport];

export type DetectedImport = ImportResult & { parser: ImportId };

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

export function detectImport(fileName: string, text: string): DetectedImport {
  const name = baseName(fileName);
  const named = BY_NAME.find((p) => p.fileName.test(name));
  if (named) return withNameHints(name, { ...named.parse(text), parser: named.id });
  for (const parser of BY_CONTENT) {
    try {
      return { ...parser.parse(text), parser: parser.id };
    } catch (e) {
      if (!(e instanceof VaultError)) throw e;
    }
  }
  return { ...plainImport.parse(text), parser: plainImport.id };
}

function withNameHints(name: string, result: DetectedImport): DetectedImport {
  if (result.parser !== 'google' || result.account !== undefined) return result;
  const user = googleUserFromFileName(name);
  return user === undefined ? result : { ...result, account: user };
}
