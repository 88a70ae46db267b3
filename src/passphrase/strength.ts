// A small passphrase strength estimate (no dictionary download: zxcvbn's 400 KB would dwarf the
// popup budget). It estimates guessing entropy two ways and believes the lower: from character
// classes, discounting repeats, keyboard and alphabet runs and reuse of a few characters; and as
// cracking rules build guesses, word + number + symbol ("Summer2024!"), where a word-like run of
// letters costs about what a dictionary word does. Common passwords are refused outright.
//
// The floor (ACCEPT_BITS) is set for the real threat: someone who copies the browser profile
// can guess offline, without our back-off, as fast as their hardware runs Argon2id. This vault
// guards the last key to an account, so "fair" is not enough: four or more random words, or
// twelve or more random characters, pass.

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;
/** Why the level is what it is, as an id: the words are messages (src/passphrase/text.ts). */
export type StrengthVerdict = 'empty' | 'short' | 'common' | 'weak' | 'fair' | 'good' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** Estimated bits of guessing entropy. */
  bits: number;
  verdict: StrengthVerdict;
  /** Below this the vault refuses the passphrase. */
  acceptable: boolean;
}

export const MIN_LENGTH = 8;
/** Below this the verdict is 'weak'. */
const WEAK_BITS = 35;
/** The floor: at or above this a passphrase is acceptable ('good'). */
export const ACCEPT_BITS = 50;
const STRONG_BITS = 70;

const COMMON = new Set(
  (
    'password passw0rd password1 password123 123456 1234567 12345678 123456789 1234567890 qwerty ' +
    'qwertyuiop qwerty123 111111 123123 abc123 iloveyou letmein welcome monkey dragon sunshine ' +
    'princess football baseball master shadow superman trustno1 admin admin123 login starwars ' +
    'whatever freedom hello123 changeme secret sparekey backupcode twitter123 correcthorse ' +
    'correcthorsebatterystaple 000000 654321 987654321 asdfghjkl zxcvbnm'
  ).split(' '),
);

const RUNS = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function charsetSize(s: string): number {
  let size = 0;
  if (/[a-z]/.test(s)) size += 26;
  if (/[A-Z]/.test(s)) size += 26;
  if (/[0-9]/.test(s)) size += 10;
  if (/[ ]/.test(s)) size += 1;
  if (/[!-/:-@[-`{-~]/.test(s)) size += 33;
  if (/[^\x00-\x7f]/.test(s)) size += 100;
  return Math.max(size, 1);
}

/** Characters that add little: a repeat of the previous one, or the next step of a known run. */
function predictableCount(s: string): number {
  const lower = s.toLowerCase();
  let count = 0;
  for (let i = 1; i < lower.length; i++) {
    const prev = lower[i - 1]!;
    const cur = lower[i]!;
    if (cur === prev) count++;
    else if (RUNS.some((run) => run.includes(prev + cur) || run.includes(cur + prev))) count++;
  }
  return count;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };
const unleet = (s: string) => s.replace(/[@4310!$57]/g, (c) => LEET[c]!);

const LOG2_26 = Math.log2(26);

/** A run of letters a person would read as a word: vowels among consonants, no long clusters. */
function wordLike(letters: string): boolean {
  const lower = letters.toLowerCase();
  return letters.length >= 3 && /[aeiouy]/.test(lower) && /[^aeiouy]/.test(lower) && !/[^aeiouy]{5}/.test(lower);
}

function letterBits(run: string): number {
  const lower = run.toLowerCase();
  const base = wordLike(run) ? Math.min(run.length * LOG2_26, 10 + 1.6 * run.length) : run.length * LOG2_26;
  const capitalised = run === lower[0]!.toUpperCase() + lower.slice(1);
  const cased = run === lower ? 0 : capitalised || run === run.toUpperCase() ? 1 : run.length;
  return base + cased;
}

function digitBits(run: string): number {
  // Years are the first numbers tried.
  if (/^(?:19|20)\d\d$/.test(run)) return 8;
  return run.length * Math.log2(10);
}

function otherBits(run: string): number {
  // One separator between words adds little; one trailing symbol is one of ~33.
  if (/^[\s\-_.]$/.test(run)) return 2;
  return run.length * Math.log2(33);
}

/** Bits when guessed as words, numbers and symbols glued together. */
function structureBits(passphrase: string): number {
  const runs = passphrase.match(/[A-Za-z]+|[0-9]+|[^A-Za-z0-9]+/g) ?? [];
  return runs.reduce((bits, run) => bits + (/^[A-Za-z]/.test(run) ? letterBits(run) : /^[0-9]/.test(run) ? digitBits(run) : otherBits(run)), 0);
}

export function estimateStrength(passphrase: string): Strength {
  const chars = [...passphrase];
  if (chars.length === 0) return result(0, 0, 'empty');
  if (chars.length < MIN_LENGTH) return result(0, 0, 'short');
  const squashed = passphrase.toLowerCase().replace(/[\s\-_.]+/g, '');
  // Cracking rules undo leetspeak and try common words with a number or symbol appended.
  const bare = squashed.replace(/[\d!@#$%^&*?]+$/, '');
  if ([squashed, squashed.replace(/\d+$/, ''), bare, unleet(bare)].some((w) => COMMON.has(w)))
    return result(0, 5, 'common');
  const unique = new Set(chars).size;
  const effective = Math.max(1, chars.length - predictableCount(passphrase));
  // Few distinct characters cap the alphabet, however long the string.
  const alphabet = Math.min(charsetSize(passphrase), unique * 2);
  const byClasses = effective * Math.log2(Math.max(alphabet, 2));
  const bits = Math.round(Math.min(byClasses, structureBits(passphrase)));
  if (bits < WEAK_BITS) return result(1, bits, 'weak');
  if (bits < ACCEPT_BITS) return result(2, bits, 'fair');
  if (bits < STRONG_BITS) return result(3, bits, 'good');
  return result(4, bits, 'strong');
}

function result(level: StrengthLevel, bits: number, verdict: StrengthVerdict): Strength {
  return { level, bits, verdict, acceptable: level >= 3 };
}
