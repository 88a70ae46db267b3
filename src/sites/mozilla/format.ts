import type { CodeFormat } from '../../vault/formats/format';
import { plausible, unique, wordCandidates } from '../../vault/formats/scan';

// Mozilla account backup authentication codes: ten characters of Crockford base32 (0-9 and the
// letters but i, l, o, u), lower case. fxa makes them with random.base32(10).toLowerCase()
// (mozilla/fxa packages/fxa-settings/src/lib/totp.ts generateRecoveryCodes), and its login form
// takes ten such characters in either case and lower-cases them (SigninRecoveryCode: isBase32Crockford).
const VALUE = /^[0-9a-hjkmnp-tv-z]{10}$/;

function normalize(raw: string): string | null {
  const value = raw.replace(/\s+/gu, '').toLowerCase();
  return VALUE.test(value) ? value : null;
}

/** One word each; a word of letters alone ("attachment") only alone on its line and not a common word. */
function findAll(text: string): string[] {
  return unique(
    wordCandidates(text, (w) => VALUE.test(w.toLowerCase()))
      .filter((c) => plausible({ groups: [c.clean], ownLine: c.ownLine }))
      .map((c) => c.clean.toLowerCase()),
  );
}

export const mozillaFormat: CodeFormat = {
  id: 'mozilla',
  normalize,
  display: (value) => value,
  findAll,
};
