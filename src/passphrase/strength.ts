// A small passphrase strength estimate (no dictionary download: zxcvbn's 400 KB would dwarf the
// popup budget). It estimates guessing entropy from character classes, then discounts what
// attackers try first: common passwords, repeats, keyboard and alphabet runs, and reuse of a few
// characters. The vault's real defence is Argon2id; this only steers people away from the worst.

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
const MIN_BITS = 35;

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

export function estimateStrength(passphrase: string): Strength {
  const chars = [...passphrase];
  if (chars.length === 0) return result(0, 0, 'empty');
  if (chars.length < MIN_LENGTH) return result(0, 0, 'short');
  const squashed = passphrase.toLowerCase().replace(/[\s\-_.]+/g, '');
  if (COMMON.has(squashed) || COMMON.has(squashed.replace(/\d+$/, '')))
    return result(0, 5, 'common');
  const unique = new Set(chars).size;
  const effective = Math.max(1, chars.length - predictableCount(passphrase));
  // Few distinct characters cap the alphabet, however long the string.
  const alphabet = Math.min(charsetSize(passphrase), unique * 2);
  const bits = Math.round(effective * Math.log2(Math.max(alphabet, 2)));
  if (bits < MIN_BITS) return result(1, bits, 'weak');
  if (bits < 50) return result(2, bits, 'fair');
  if (bits < 70) return result(3, bits, 'good');
  return result(4, bits, 'strong');
}

function result(level: StrengthLevel, bits: number, verdict: StrengthVerdict): Strength {
  return { level, bits, verdict, acceptable: level >= 2 };
}
