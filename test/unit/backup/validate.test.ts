import { describe, expect, it } from 'vitest';
import { NotABackupError, checkPayload } from '../../../src/backup/index';
import { makeAccount, seed } from '../vault/helpers';

describe('checking a backup payload', () => {
  it('takes well-formed accounts and codes as they are', () => {
    const account = makeAccount();
    const { codes } = seed(account, 2);
    const checked = checkPayload({ accounts: [account], codes, events: [] });
    expect(checked).toEqual({ accounts: [account], codes, events: [], skipped: 0 });
  });

  it('skips and counts accounts of unknown sites with their codes, and values that are not codes', () => {
    const x = makeAccount();
    const other = makeAccount(undefined, { id: 'acc-2', site: 'myspace' });
    const { codes } = seed(x, 2);
    const foreign = { ...codes[0]!, id: 'c-foreign', accountId: 'acc-2' };
    const junk = { ...codes[1]!, id: 'c-junk', value: 'not a code!' };
    const checked = checkPayload({ accounts: [x, other], codes: [...codes, foreign, junk], events: [] });
    expect(checked.accounts.map((a) => a.id)).toEqual(['acc-1']);
    expect(checked.codes.map((c) => c.id)).toEqual(codes.map((c) => c.id));
    expect(checked.skipped).toBe(3);
  });

  it('never binds an account to an origin its site does not own', () => {
    const account = makeAccount(undefined, { origins: ['https://x.com', 'https://x.com.evil.test'] });
    expect(checkPayload({ accounts: [account], codes: [] }).accounts[0]!.origins).toEqual(['https://x.com']);
    const none = makeAccount(undefined, { origins: ['https://evil.test'] });
    expect(checkPayload({ accounts: [none], codes: [] }).accounts[0]!.origins).toEqual([
      'https://x.com',
      'https://twitter.com',
      'https://mobile.twitter.com',
    ]);
  });

  it('copies only the fields Sparekey knows', () => {
    const account = { ...makeAccount(), extra: '<script>' };
    const { codes } = seed(makeAccount(), 1);
    const code = { ...codes[0]!, history: [{ ...codes[0]!.history[0]!, note: 'x' }], junk: 1 };
    const checked = checkPayload({ accounts: [account], codes: [code], events: [{ id: 'e', at: 1, kind: 'k', detail: { n: 1, o: { deep: 1 } } }] });
    expect(checked.accounts[0]).not.toHaveProperty('extra');
    expect(checked.codes[0]).not.toHaveProperty('junk');
    expect(checked.codes[0]!.history[0]).not.toHaveProperty('note');
    expect(checked.events[0]!.detail).toEqual({ n: 1 });
  });

  it('refuses a payload without account and code lists', () => {
    expect(() => checkPayload({})).toThrow(NotABackupError);
    expect(() => checkPayload(null)).toThrow(NotABackupError);
  });
});

describe("checking another site's account in a backup", () => {
  const other = (origins: unknown) =>
    makeAccount(undefined, { id: 'acc-o', site: 'other', label: 'sk-pypi', origins: origins as string[], policy: { kind: 'any-order' }, format: 'generic' });

  it('keeps it with the one origin the person named, and its generic codes', () => {
    const account = other(['https://pypi.org']);
    const { codes } = seed(account, 2);
    const checked = checkPayload({ accounts: [account], codes, events: [] });
    expect(checked.accounts).toEqual([account]);
    expect(checked.codes.map((c) => c.id)).toEqual(codes.map((c) => c.id));
    expect(checked.skipped).toBe(0);
  });

  it.each([
    ['no origin', []],
    ['two origins', ['https://pypi.org', 'https://evil.test']],
    ['http', ['http://pypi.org']],
    ['an IP address', ['https://127.0.0.1']],
    ['localhost', ['https://localhost']],
    ['a URL, not an origin', ['https://pypi.org/account/']],
    ["X's origin", ['https://x.com']],
    ['not a list', 'https://pypi.org'],
  ])('skips it when it names %s', (_what, origins) => {
    expect(checkPayload({ accounts: [other(origins)], codes: [], events: [] }).accounts).toEqual([]);
  });
});
