// Messages a locale may leave as they read in English, and why: by key (a plural message by its
// base name), then by locale folder, or '*' for every locale. The locale check
// (test/unit/locales.test.ts) flags any other message identical to English as untranslated.
// Messages with no words at all ("#$SEQ$", ", ") need no entry.
import type { Allowlist } from './locale-check';

export const ALLOWED_AS_ENGLISH: Allowlist = {
  appName: { '*': 'The brand name: Sparekey is called Sparekey in every language.' },
  minutes: { '*': 'The unit symbol "min", which many languages write the same.' },
  hours: { '*': 'The unit symbol "h", which many languages write the same.' },
  seconds: { '*': 'The unit symbol "s", which many languages write the same.' },
  navAccounts: { nl: 'Dutch writes "codes" for codes, as Google and GitHub do in Dutch.' },
  accountCount: { nl: 'Dutch says "account"/"accounts", the word Google and X use in Dutch.' },
  codeCount: { nl: 'Dutch says "code"/"codes", the same words as English.' },
  newAccountSite: { pt_BR: 'Brazilian Portuguese calls a website "site", the same word as English.' },
};
