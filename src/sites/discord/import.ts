import { discordFormat } from './format';
import { fail, findEmail, readLines } from '../../vault/import/text';
import type { ImportParser, ImportResult } from '../../vault/import/types';

// discord_backup_codes.txt, as Discord's client writes it (getDownloadFileContents): a localised
// header naming the account's e-mail, a blank line, then one line per code, CRLF-separated:
//   * abcd-1234
//   * efgh-5678 (used)
// The parenthesised note is localised and marks a code already consumed.
const label = 'Discord backup codes';
const CODE_LINE = /^\*\s*([A-Za-z0-9]{4}-?[A-Za-z0-9]{4})(?:\s*\([^()]*\))?$/u;

function parse(text: string): ImportResult {
  const codes: string[] = [];
  let alreadyUsed = 0;
  let account: string | undefined;
  let inCodes = false;
  for (const line of readLines(text, label)) {
    if (!line.text.startsWith('*')) {
      // Header lines come before the list; text after it means this is not Discord's file.
      if (inCodes) fail(`Line ${line.number} is not one of the ${label}.`, line.number);
      account ??= findEmail(line.text);
      continue;
    }
    inCodes = true;
    const m = CODE_LINE.exec(line.text);
    const value = m ? discordFormat.normalize(m[1]!) : null;
    if (!m || value === null) fail(`Line ${line.number} is not one of the ${label}.`, line.number);
    if (line.text.endsWith(')')) alreadyUsed += 1;
    else codes.push(value);
  }
  if (!inCodes) fail(`This file holds no ${label}.`);
  const result: ImportResult = { codes, format: 'discord', alreadyUsed };
  if (account !== undefined) result.account = account;
  return result;
}

export const discordImport: ImportParser = {
  id: 'discord',
  label,
  fileName: /^discord_backup_codes(?: ?\(\d+\))?\.txt$/i,
  knownByContent: true,
  parse,
};
