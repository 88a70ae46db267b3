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
  navAccounts: {
    de: 'German says "Codes" too (plural of "Code").',
    fr: 'French says "codes" too.',
    nl: 'Dutch writes "codes" for codes, as Google and GitHub do in Dutch.',
  },
  codeCount: {
    fr: 'French writes "1 code", "5 codes" as English does (the "many" form differs: "de codes").',
    nl: 'Dutch says "code"/"codes", the same words as English.',
  },
  newAccountSite: {
    fr: 'French says "site" for a website too.',
    pt_BR: 'Brazilian Portuguese calls a website "site", the same word as English.',
  },
  navBackup: { it: 'Italian software says "Backup" (Google, Apple, Android in Italian).' },
  backupTitle: { it: 'Italian software says "Backup" (Google, Apple, Android in Italian).' },
  addTo: { it: 'Italian says "account" for an online account (Google, X in Italian).' },
  accountCount: {
    it: 'Italian says "account" for an online account and does not inflect it: "1 account", and "5 account" is already not English.',
    nl: 'Dutch says "account"/"accounts", the word Google and X use in Dutch.',
  },
  passphrase: { de: 'German uses the loanword "Passphrase" (Duden), as German password managers do.' },
};
