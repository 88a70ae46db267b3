import { mozillaFormat } from './format';
import { parseOnePerLine } from '../../vault/import/one-per-line';
import type { ImportParser } from '../../vault/import/types';

// "<email> Backup authentication codes.txt" (the download link's name in fxa's 2FA set-up and
// replace-codes steps, FlowSetup2faBackupCodeDownload): the codes, one per line. The account is
// the e-mail address the file's name starts with; the text names none. A bare list of codes looks
// like any other site's, so only the name tells it apart.
const label = 'Mozilla account backup authentication codes';
const FILE_NAME = /^(.+@.+?) Backup authentication codes(?: ?\(\d+\))?\.txt$/i;

/** The e-mail address in "<email> Backup authentication codes.txt". */
export function mozillaEmailFromFileName(name: string): string | undefined {
  return FILE_NAME.exec(name)?.[1];
}

export const mozillaImport: ImportParser = {
  id: 'mozilla',
  label,
  fileName: FILE_NAME,
  knownByContent: false,
  accountFromFileName: mozillaEmailFromFileName,
  parse: (text) => parseOnePerLine(text, mozillaFormat, label),
};
