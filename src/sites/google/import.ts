import { fail, findEmail, readLines, requireCodes } from '../../vault/import/text';
import type { ImportParser, ImportResult } from '../../vault/import/types';

// Google's Backup-codes-<user>.txt. Its exact wording has changed over the years and we found no
// authoritative copy, so this reads the parts that matter and tolerates the prose around them:
//   SAVE YOUR BACKUP CODES                      (older files: BACKUP VERIFICATION CODES)
//   Keep these backup codes somewhere safe but accessible.
//
//   1. 1234 5678        6. 1234 5678           (two columns, numbered 1–10)
//   …
//   (user@gmail.com)                            (the account, in parentheses or bare)
//    * You can only use each backup code once.
//    * Generated: Jan 1, 2024
// A line that starts with a number and a dot must consist of numbered codes only.
const label = 'Google backup codes';
const ENTRY = /(\d{1,2})\.[ \t\u00a0]*(\d{4})[ \u00a0]?(\d{4})(?!\d)/gu;
const NUMBERED = /^\d{1,2}\./u;

/** The user name in "Backup-codes-<user>.txt", when the file itself names no account. */
export function googleUserFromFileName(name: string): string | undefined {
  return /^backup-codes-(.+?)(?: ?\(\d+\))?\.txt$/i.exec(name)?.[1];
}

function parse(text: string): ImportResult {
  const byNumber = new Map<number, string>();
  let account: string | undefined;
  for (const line of readLines(text, label)) {
    if (!NUMBERED.test(line.text)) {
      account ??= findEmail(line.text);
      continue;
    }
    const rest = line.text.replace(ENTRY, '').trim();
    const entries = [...line.text.matchAll(ENTRY)];
    if (rest !== '' || entries.length === 0) fail(`Line ${line.number} is not a list of ${label}.`, line.number);
    for (const m of entries) {
      const n = Number(m[1]);
      if (byNumber.has(n)) fail(`Line ${line.number} repeats backup code number ${n}.`, line.number);
      byNumber.set(n, `${m[2]}${m[3]}`);
    }
  }
  requireCodes([...byNumber.keys()], label);
  const codes = [...byNumber.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
  const result: ImportResult = { codes, format: 'google' };
  if (account !== undefined) result.account = account;
  return result;
}

export const googleImport: ImportParser = {
  id: 'google',
  label,
  fileName: /^backup-codes-.+\.txt$/i,
  knownByContent: true,
  accountFromFileName: googleUserFromFileName,
  parse,
};
