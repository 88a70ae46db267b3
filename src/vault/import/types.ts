import type { FormatId } from '../formats/format';

export const IMPORT_IDS = ['github', 'google', 'gitlab', 'discord', 'proton', 'plain'] as const;
export type ImportId = (typeof IMPORT_IDS)[number];

/** A whole file's codes, normalised for `format`. A file either parses whole or throws. */
export interface ImportResult {
  codes: string[];
  format: FormatId;
  /** The account the file names (an e-mail address or user name), when it names one. */
  account?: string;
  /** Codes the file marks as already used; they are left out of `codes`. */
  alreadyUsed?: number;
}

export interface ImportParser {
  id: ImportId;
  /**
   * For the parser's own error messages (English, for logs and tests: the popup shows its own
   * words when a file can't be read): "GitHub recovery codes". The popup names a kind by its id
   * (src/ui/i18n.ts), in the person's language.
   */
  label: string;
  /** The name the site gives the download (browsers may append " (1)"). */
  fileName: RegExp;
  /** Throws VaultError('invalid-format') naming the line at fault, never its content. */
  parse(text: string): ImportResult;
}
