// The page runtime's words (the chip's and the capture banner's), in one place, from
// messages.json (inline* keys) in the browser's language.
import { msg } from '../i18n';

/** Getters, so nothing is looked up when the script loads, only when a panel is drawn. */
export const TEXT = {
  useCode: (left: number) => msg('inlineUseCode', { count: left }),
  useCodeFor: (label: string, left: number) => msg('inlineUseCodeFor', { account: label, count: left }),
  get useInstead() {
    return msg('inlineUseInstead');
  },
  // Chip statuses are short: the chip is one row inside X's code field (two lines at most).
  get unlock() {
    return msg('inlineUnlock');
  },
  get unlockHowTo() {
    return msg('inlineUnlockHowTo');
  },
  get switching() {
    return msg('inlineSwitching');
  },
  get switchFailed() {
    return msg('inlineSwitchFailed');
  },
  get fetching() {
    return msg('inlineFetching');
  },
  get filled() {
    return msg('inlineFilled');
  },
  /** After an automatic fill, left of the Undo button: "Filled #2 —". */
  autoFilled: (seq: number) => msg('inlineAutoFilled', { seq }),
  get undo() {
    return msg('inlineUndo');
  },
  get undone() {
    return msg('inlineUndone');
  },
  get submitting() {
    return msg('inlineSubmitting');
  },
  get rejected() {
    return msg('inlineRejected');
  },
  get unknownOutcome() {
    return msg('inlineUnknownOutcome');
  },
  get nextSoon() {
    return msg('inlineNextSoon');
  },
  saveOne: (handle?: string) => (handle ? msg('inlineSaveOneFor', { account: handle }) : msg('inlineSaveOne')),
  saveMany: (n: number, handle?: string) =>
    handle ? msg('inlineSaveManyFor', { count: n, account: handle }) : msg('inlineSaveMany', { count: n }),
  get unlockToSave() {
    return msg('inlineUnlockToSave');
  },
  get unlockToSaveHint() {
    return msg('inlineUnlockToSaveHint');
  },
  get save() {
    return msg('inlineSave');
  },
  get notNow() {
    return msg('inlineNotNow');
  },
  get saving() {
    return msg('inlineSaving');
  },
  saved: (handle?: string) => (handle ? msg('inlineSavedFor', { account: handle }) : msg('inlineSaved')),
};
