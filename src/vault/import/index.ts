export type { ImportId, ImportParser, ImportResult } from './types';
export { MAX_IMPORT_CHARS } from './text';
export { detectImport, type DetectedImport } from './detect';
export { parseOnePerLine } from './one-per-line';
export { plainImport } from './plain';
