// What the background says when something fails (src/background/errors.ts): every sentence comes
// from browser.i18n, so the popup and the page show it in the browser's language. Errors of the
// pure layers (vault, crypto, store, backup) are worded here from their code and detail; their
// own English messages never reach a reply.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Refusal, toProtocolError } from '../../../src/background/errors';
import { NotABackupError } from '../../../src/backup/format';
import { TamperedError, UnsupportedVersionError, WrongPassphraseError } from '../../../src/crypto/errors';
import { msg } from '../../../src/i18n';
import { NoVaultError, VaultExistsError } from '../../../src/store/errors';
import { markUsedByHand, release, reserve, VaultError } from '../../../src/vault/index';
import { getMessage } from '../i18n-en';
import { bySeq, makeAccount, seed } from '../vault/helpers';

const account = makeAccount();

/** What a transition throws, as the reply says it. */
function replyTo(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return toProtocolError(e);
  }
  throw new Error('did not throw');
}

function reservedCodes() {
  const { codes, clock } = seed(account, 3);
  const r = reserve(account, codes, bySeq(codes, 1).id, clock.ctx(), { tabId: 7, origin: 'https://x.com' });
  return { codes: r.codes, clock, id: bySeq(r.codes, 1).id };
}

afterEach(() => vi.restoreAllMocks());

describe('toProtocolError', () => {
  it('passes a Refusal on with its code, message and extras', () => {
    const e = new Refusal('throttled', msg('errorThrottled', { count: 4 }), { retryAfterMs: 3_500 });
    expect(toProtocolError(e)).toEqual({ code: 'throttled', message: 'Too many wrong passphrases. Try again in 4 s.', retryAfterMs: 3_500 });
  });

  it('words an illegal transition from the error\'s detail: seq, status, what would allow it, the move', () => {
    const { codes, clock, id } = reservedCodes();
    expect(replyTo(() => reserve(account, codes, id, clock.ctx()))).toEqual({
      code: 'conflict',
      message: 'Code #1 is reserved; only a code that is unused can be reserved.',
    });
    const used = markUsedByHand(account, codes, id, clock.ctx()).codes;
    expect(replyTo(() => markUsedByHand(account, used, id, clock.ctx()))).toEqual({
      code: 'conflict',
      message: 'Code #1 is used; only a code that is unused, reserved, unconfirmed, rejected, or invalidated can be marked used.',
    });
  });

  it('words a stale reservation and codes that are gone or elsewhere', () => {
    const { codes, clock, id } = reservedCodes();
    expect(replyTo(() => release(account, codes, id, 'not-the-reservation', clock.ctx()))).toEqual({
      code: 'conflict',
      message: 'Code #1 is reserved by another request; it cannot be released with this reservation.',
    });
    expect(replyTo(() => reserve(account, codes, 'nope', clock.ctx()))).toEqual({ code: 'not-found', message: 'No code with id nope.' });
    expect(replyTo(() => reserve(makeAccount(undefined, { id: 'acc-2' }), codes, id, clock.ctx()))).toEqual({
      code: 'conflict',
      message: `Code ${id} belongs to another account.`,
    });
    expect(toProtocolError(new VaultError('invalid-format', 'Line 3 is not one of the GitHub recovery codes.', { line: 3 }))).toEqual({
      code: 'invalid',
      message: 'This is not in a format Sparekey reads.',
    });
  });

  it('words crypto, store and backup errors, keeping where the damage is', () => {
    expect(toProtocolError(new WrongPassphraseError())).toEqual({ code: 'wrong-passphrase', message: 'The passphrase does not open this vault.' });
    expect(toProtocolError(new TamperedError('header'))).toEqual({ code: 'tampered', message: 'Data was tampered with or corrupted: header', where: 'header' });
    expect(toProtocolError(new UnsupportedVersionError('codes/c1', 9))).toEqual({
      code: 'unsupported-version',
      message: 'Unsupported format version 9: codes/c1',
      where: 'codes/c1',
    });
    expect(toProtocolError(new UnsupportedVersionError('backup', null)).message).toBe('Unsupported format version (not a number): backup');
    expect(toProtocolError(new VaultExistsError())).toEqual({ code: 'vault-exists', message: 'A vault already exists in this profile.' });
    expect(toProtocolError(new NoVaultError())).toEqual({ code: 'no-vault', message: 'There is no vault in this profile.' });
    expect(toProtocolError(new NotABackupError())).toEqual({ code: 'invalid', message: 'This file is not a Sparekey backup.' });
  });

  it('says only the kind of anything else, never its message', () => {
    expect(toProtocolError(new TypeError('abcd1234efgh is not a function'))).toEqual({
      code: 'internal',
      message: 'Sparekey hit an internal error (TypeError).',
    });
    // An error that merely looks like a core one (a code string) is not trusted to be one.
    expect(toProtocolError(Object.assign(new Error('hunter2'), { code: 'tampered' })).code).toBe('internal');
  });

  it('takes every word from browser.i18n, in the browser\'s language', () => {
    // A browser in another language: each message comes back marked with its key and values.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
      (key: string, subs?: string | string[]) => `«${key}${[subs ?? []].flat().map((s) => `|${s}`).join('')}»`,
    );
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de');
    const { codes, clock, id } = reservedCodes();
    const used = markUsedByHand(account, codes, id, clock.ctx()).codes;
    const list = new Intl.ListFormat('de', { type: 'disjunction' }).format(
      ['Unused', 'Reserved', 'Unconfirmed', 'Rejected', 'Invalidated'].map((s) => `«codeStatusWord${s}»`),
    );
    // Placeholders go in alphabetical order of their names: action, allowed, seq, status.
    expect(replyTo(() => markUsedByHand(account, used, id, clock.ctx())).message).toBe(
      `«coreIllegalTransition|«codeActionMarkedUsed»|${list}|1|«codeStatusWordUsed»»`,
    );
    expect(toProtocolError(new Refusal('not-found', msg('bgNoCodesLeft', { account: '@alice' }))).message).toBe('«bgNoCodesLeft|@alice»');
    expect(getMessage('bgNoCodesLeft', ['@alice'])).toBe('No backup codes left for @alice.');
  });
});
