export { IMPORT_IDS, type ImportId, type ImportParser, type ImportResult } from './types';
export { MAX_IMPORT_CHARS } from './text';
export { IMPORT_PARSERS, detectImport, type DetectedImport } from './detect';
export { githubImport } from './github';
export { googleImport, googleUserFromFileName } from './google';
export { gitlabImport } from './gitlab';
export { discordImport } from './discord';
export { protonImport } from './proton';
export { plainImport } from './plain';
