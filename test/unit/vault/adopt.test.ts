// An account stored before its site's policy became `batch` keeps working: its codes become one set
// and nothing is invalidated until a new set arrives.
import { describe, expect, it } from 'vitest';
import { adoptSitePolicy, mergeCodes, nextCode, type Policy } from '../../../src/vault/index';
import { makeAccount, statuses, testClock, xValue } from './helpers';

const BATCH: Policy = { kind: 'batch' };

/** An any-order account whose codes came in two pastes (batches 'part-1' and 'part-2'), one used. */
function oldAccount() {
  const clock = testClock();
  const account = makeAccount({ kind: 'any-order' }, { format: 'x' });
  const bystander = makeAccount({ kind: 'any-order' }, { id: 'acc-2' });
  const theirs = mergeCodes(bystander, [], [xValue(90)], clock.merge('paste', 'theirs')).codes;
  let codes = mergeCodes(account, theirs, [xValue(1), xValue(2)], clock.merge('paste', 'part-1')).codes;
  codes = mergeCodes(account, codes, [xValue(3), xValue(4)], clock.merge('paste', 'part-2')).codes;
  return { account, codes, clock, theirs };
}

describe('adoptSitePolicy', () => {
  it('moves an any-order account to batch with its codes as one set, invalidating nothing', () => {
    const { account, codes, clock, theirs } = oldAccount();
    const adopted = adoptSitePolicy(account, codes, BATCH, clock.ctx())!;
    expect(adopted.account.policy).toEqual({ kind: 'batch' });
    expect(adopted.account).toEqual({ ...account, policy: { kind: 'batch' } });
    const own = adopted.result.codes.filter((c) => c.accountId === account.id);
    expect(own.map((c) => c.batch)).toEqual(['part-2', 'part-2', 'part-2', 'part-2']);
    expect(statuses(own)).toEqual(['1:unused', '2:unused', '3:unused', '4:unused']);
    expect(adopted.result.changed.map((c) => c.seq)).toEqual([1, 2]);
    expect(adopted.result.codes.filter((c) => c.accountId === 'acc-2')).toEqual(theirs);
    expect(adopted.result.events).toEqual([
      expect.objectContaining({ kind: 'policy-changed', accountId: account.id, detail: { from: 'any-order', to: 'batch', regrouped: 2 } }),
    ]);
    expect(nextCode(adopted.account, adopted.result.codes)?.seq).toBe(1);
  });

  it('leaves the old codes usable until a new set arrives, which then invalidates all of them', () => {
    const { account, codes, clock } = oldAccount();
    const adopted = adoptSitePolicy(account, codes, BATCH, clock.ctx())!;
    const again = mergeCodes(adopted.account, adopted.result.codes, [xValue(1)], clock.merge('import', 'again'));
    expect(again.invalidated).toEqual([]);
    const fresh = mergeCodes(adopted.account, adopted.result.codes, [xValue(11), xValue(12)], clock.merge('paste', 'new'));
    expect(statuses(fresh.codes.filter((c) => c.accountId === account.id))).toEqual([
      '1:invalidated',
      '2:invalidated',
      '3:invalidated',
      '4:invalidated',
      '5:unused',
      '6:unused',
    ]);
  });

  it('keeps a stored policy the site did not replace', () => {
    const { account, codes, clock } = oldAccount();
    expect(adoptSitePolicy(account, codes, { kind: 'any-order' }, clock.ctx())).toBeNull();
    expect(adoptSitePolicy(account, codes, undefined, clock.ctx())).toBeNull();
    const ordered = makeAccount({ kind: 'ordered', maxActive: 5 });
    expect(adoptSitePolicy(ordered, [], BATCH, clock.ctx())).toBeNull();
    const already = { ...account, policy: BATCH };
    expect(adoptSitePolicy(already, codes, BATCH, clock.ctx())).toBeNull();
  });

  it('moves an account with no codes, changing no code', () => {
    const account = makeAccount({ kind: 'any-order' }, { site: 'google' });
    const adopted = adoptSitePolicy(account, [], BATCH, testClock().ctx())!;
    expect(adopted.account.policy).toEqual(BATCH);
    expect(adopted.result.changed).toEqual([]);
  });
});
