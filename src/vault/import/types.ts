import type { FormatId } from '../formats/format';

/** A parser's id: the id of the site whose download it reads, or 'plain'. */
export type ImportId = string;

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
   * words when a file can't be read): "GitHub recovery codes". The popup names a kind by the
   * words its site lists (src/sites/<id>/index.ts), in the person's language.
   */
  label: string;
  /** The name the site gives the download (browsers may append " (1)"). */
  fileName: RegExp;
  /**
   * Whether the file's content alone tells it apart from other sites' files, so a renamed file
   * is still recognised. False for a bare list of codes that looks like any other (Proton's).
   */
  knownByContent: boolean;
  /** The account a download's name carries, for files whose text names none (Google's). */
  accountFromFileName?(name: string): string | undefined;
  /** Throws VaultError('invalid-format') naming the line at fault, never its content. */
  parse(text: string): ImportResult;
}
