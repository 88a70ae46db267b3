// Shared tools for finding codes in free text (a pasted e-mail, a copied settings page).
// Text is read line by line and split on whitespace; punctuation around a word is peeled off so
// "code: abcd1234." still yields the word, while words glued to other characters stay whole.

export interface Token {
  /** The word with surrounding punctuation removed. */
  clean: string;
  start: number;
  end: number;
  /** Punctuation was peeled off before / after the word: it cannot join a spaced group. */
  opens: boolean;
  closes: boolean;
}

const OPENERS = new Set('([{"\'“‘«<');
const CLOSERS = new Set(')]}"\'”’»>.,;:!?');
const LIST_MARKER = /^(?:[-*•·–]|\(?\d{1,3}[.)])$/u;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/u);
}

export function lineTokens(line: string): Token[] {
  const tokens: Token[] = [];
  for (const m of line.matchAll(/\S+/gu)) {
    const word = m[0];
    // Plain loops, not regexes: a trailing-punctuation regex backtracks quadratically on
    // a long word such as "....x".
    let lead = 0;
    while (lead < word.length && OPENERS.has(word[lead]!)) lead++;
    let end = word.length;
    while (end > lead && CLOSERS.has(word[end - 1]!)) end--;
    const trail = word.length - end;
    tokens.push({
      clean: word.slice(lead, end),
      start: m.index,
      end: m.index + word.length,
      opens: lead > 0,
      closes: trail > 0,
    });
  }
  return tokens;
}

/** Whether tokens[from, to) are the whole line, allowing one leading list marker ("1.", "-", "•"). */
export function coversLine(line: string, tokens: Token[], from: number, to: number): boolean {
  if (to !== tokens.length) return false;
  if (from === 0) return true;
  const first = tokens[0];
  return from === 1 && first !== undefined && LIST_MARKER.test(line.slice(first.start, first.end));
}

export function isAlnum(s: string): boolean {
  return /^[A-Za-z0-9]+$/.test(s);
}

// Common words that fill backup-code pages. A letters-only candidate made of one of these is a
// sentence fragment, not a code ("this code will work" has four 4-letter words).
const STOP_WORDS = new Set([
  'also', 'back', 'been', 'code', 'copy', 'each', 'from', 'have', 'help', 'here', 'into', 'just',
  'keep', 'like', 'login', 'make', 'more', 'must', 'need', 'once', 'only', 'over', 'page', 'safe',
  'same', 'save', 'sign', 'some', 'than', 'that', 'them', 'then', 'they', 'this', 'time', 'used',
  'very', 'well', 'were', 'what', 'when', 'will', 'with', 'your', 'account', 'accounts', 'backup',
  'download', 'generate', 'password', 'passwords', 'recovery', 'security', 'settings',
  'twofactor', 'verification', 'authentication', 'authenticator',
]);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

export type LetterCase = 'lower' | 'upper' | 'mixed' | 'none';

/** 'lower', 'upper', 'mixed' (a Capitalised word) or 'none' (digits only). */
export function letterCase(word: string): LetterCase {
  const lower = /[a-z]/.test(word);
  const upper = /[A-Z]/.test(word);
  if (lower && upper) return 'mixed';
  return lower ? 'lower' : upper ? 'upper' : 'none';
}

export interface Plausibility {
  /** The candidate as written (case kept), its groups if it was spaced or hyphenated. */
  groups: readonly string[];
  /** The candidate is the only thing on its line (bar a list marker). */
  ownLine: boolean;
  /** Accept a candidate made only of digits (Google's codes are). */
  digitsOnly?: boolean;
}

/**
 * Random codes mix letters and digits. A digits-only run is usually a phone number or a date,
 * a letters-only run usually a word: accept those only when the format allows digits, or when
 * the candidate is lowercase, alone on its line and not a common word.
 */
export function plausible({ groups, ownLine, digitsOnly = false }: Plausibility): boolean {
  const joined = groups.join('');
  const hasDigit = /[0-9]/.test(joined);
  const hasLetter = /[A-Za-z]/.test(joined);
  if (hasDigit && hasLetter) return true;
  if (hasDigit) return digitsOnly;
  if (!ownLine || joined !== joined.toLowerCase()) return false;
  return !groups.some(isStopWord) && !isStopWord(joined);
}

export function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * Single-word candidates: every whitespace-separated word whose cleaned form `accept`s, with
 * whether it stands alone on its line. Used by formats whose codes are one word (GitLab, Discord).
 */
export function wordCandidates(
  text: string,
  accept: (clean: string) => boolean,
): { clean: string; ownLine: boolean }[] {
  const found: { clean: string; ownLine: boolean }[] = [];
  for (const line of splitLines(text)) {
    const tokens = lineTokens(line);
    tokens.forEach((t, i) => {
      if (accept(t.clean)) found.push({ clean: t.clean, ownLine: coversLine(line, tokens, i, i + 1) });
    });
  }
  return found;
}
