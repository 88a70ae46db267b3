// Looking a code format up by id in the table the caller passes (the site registry's FORMATS).
import type { Account } from './types';
import type { CodeFormat, FormatId, FormatTable } from './formats/format';
import { genericFormat } from './formats/generic';

export { genericFormat, type CodeFormat, type FormatId, type FormatTable };

/** The format with this id in `formats`, or undefined. Own keys only: "constructor" is no format. */
export function formatIn(formats: FormatTable, id: string): CodeFormat | undefined {
  return Object.hasOwn(formats, id) ? formats[id] : undefined;
}

/**
 * The format of an account's codes: the one it names, else the one named like its site (site
 * ids and format ids match for the sites we know), else generic.
 */
export function formatOf(account: Pick<Account, 'site' | 'format'>, formats: FormatTable): CodeFormat {
  return formatIn(formats, account.format ?? account.site) ?? genericFormat;
}
