// Files that are nothing but codes, one per line (GitHub, GitLab, Proton, a plain list).
import type { CodeFormat } from '../formats/format';
import { fail, readLines, requireCodes, stripListMarker } from './text';
import type { ImportResult } from './types';

export function parseOnePerLine(
  text: string,
  format: CodeFormat,
  label: string,
  listMarkers = false,
): ImportResult {
  const codes: string[] = [];
  for (const line of readLines(text, label)) {
    const value = format.normalize(listMarkers ? stripListMarker(line.text) : line.text);
    if (value === null) fail(`Line ${line.number} is not one of the ${label}.`, line.number);
    codes.push(value);
  }
  requireCodes(codes, label);
  return { codes, format: format.id };
}
