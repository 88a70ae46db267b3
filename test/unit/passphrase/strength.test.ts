import { describe, expect, it } from 'vitest';
import { estimateStrength } from '../../../src/passphrase/strength';

describe('passphrase strength', () => {
  it.each(['', 'short', 'abc1234'])('refuses %j as too short', (p) => {
    expect(estimateStrength(p)).toMatchObject({ level: 0, acceptable: false });
  });
  it.each(['password123', 'Password1', 'qwertyuiop', 'correct horse battery staple'])(
    'refuses the common passphrase %j',
    (p) => expect(estimateStrength(p).acceptable).toBe(false),
  );
  it.each(['aaaaaaaaaaaaaaaa', 'abcdefghijklmnop', '1234567890123456', 'abababababababab'])(
    'sees through the repetitive or sequential %j',
    (p) => expect(estimateStrength(p).acceptable).toBe(false),
  );
  // The vault guards the last key to an account against offline guessing: a word, a year and a
  // symbol is among the first shapes cracking rules try, however many character classes it has.
  it.each(['Summer2024!', 'Summertime2024!', 'Winter2025?', 'tractor!mauve', 'P@ssw0rd2024!', 'Dragon1987'])(
    'refuses %j: word-and-number shapes and leetspeak fall to offline guessing',
    (p) => expect(estimateStrength(p).acceptable).toBe(false),
  );
  it.each(['mauve tractor quietly bends', 'Kx9#mP2$vL7q', 'river-otter-lantern-42', 'granite parrot lantern'])(
    'accepts the reasonable %j',
    (p) => expect(estimateStrength(p).acceptable).toBe(true),
  );
  it('rates four random words above one', () => {
    expect(estimateStrength('mauve tractor quietly bends sideways').level).toBeGreaterThan(
      estimateStrength('mauvetra').level,
    );
  });
  it('names why, at every level (the words are messages.json\'s)', () => {
    const samples = ['', 'short', 'password', 'zzzzzzzzzzzz', 'tractor!mauve', 'Kx9#mP2$vL7q', 'mauve tractor quietly bends'];
    const verdicts = samples.map((p) => estimateStrength(p).verdict);
    expect(verdicts).toEqual(['empty', 'short', 'common', 'weak', 'fair', 'good', 'strong']);
  });
});
