// Code formats keyed by FormatId: how each site's codes are normalised, shown and found in text.
import type { Account } from './types';
import { FORMAT_IDS, type CodeFormat, type FormatId } from './formats/format';
import { discordFormat } from './formats/discord';
import { genericFormat } from './formats/generic';
import { githubFormat } from './formats/github';
import { gitlabFormat } from './formats/gitlab';
import { googleFormat } from './formats/google';
import { protonFormat } from './formats/proton';
import { xFormat } from './formats/x';

export { FORMAT_IDS, type CodeFormat, type FormatId };

export const FORMATS: Readonly<Record<FormatId, CodeFormat>> = {
  x: xFormat,
  github: githubFormat,
  google: googleFormat,
  gitlab: gitlabFormat,
  discord: discordFormat,
  proton: protonFormat,
  generic: genericFormat,
};

export function isFormatId(id: string): id is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(id);
}

export function formatById(id: FormatId): CodeFormat {
  return FORMATS[id];
}

/**
 * The format of an account's codes: the one it names, else the one named like its site (site
 * ids and format ids match for the sites we know), else generic.
 */
export function formatOf(account: Pick<Account, 'site' | 'format'>): CodeFormat {
  if (account.format !== undefined) return FORMATS[account.format];
  return isFormatId(account.site) ? FORMATS[account.site] : genericFormat;
}
