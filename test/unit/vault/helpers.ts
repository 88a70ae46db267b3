// Test scaffolding: deterministic time and ids, accounts of each policy, seeded codes.
import { expect } from 'vitest';
import {
  VaultError,
  mergeCodes,
  type Account,
  type Code,
  type CodeSource,
  type Policy,
  type VaultCtx,
  type VaultErrorCode,
} from '../../../src/vault/index';
import { FORMATS } from '../../../src/sites/index';

export const T0 = 1_700_000_000_000;

/** A clock that moves one second per ctx, and ids that count up ("id-1", "id-2", …). */
export function testClock(start = T0) {
  let now = start;
  let n = 0;
  const newId = () => `id-${++n}`;
  return {
    ctx(): VaultCtx {
      now += 1000;
      return { now, newId };
    },
    merge(source: CodeSource = 'paste', batch = `batch-${n + 1}`) {
      now += 1000;
      return { now, newId, source, batch, formats: FORMATS };
    },
  };
}

export const ORDERED_X: Policy = { kind: 'ordered', maxActive: 5 };

export function makeAccount(policy: Policy = ORDERED_X, over: Partial<Account> = {}): Account {
  return {
    id: 'acc-1',
    site: 'x',
    label: '@someone',
    origins: ['https://x.com'],
    policy,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

/** X-format values: 12 lowercase letters and digits, distinct per n. */
export function xValue(n: number): string {
  return `code${String(n).padStart(4, '0')}abcd`;
}

export function seed(account: Account, count: number, clock = testClock()): { codes: Code[]; clock: typeof clock } {
  const values = Array.from({ length: count }, (_, i) => xValue(i + 1));
  const { codes } = mergeCodes(account, [], values, clock.merge());
  return { codes, clock };
}

export function bySeq(codes: readonly Code[], seq: number): Code {
  const code = codes.find((c) => c.seq === seq);
  if (!code) throw new Error(`test setup: no code #${seq}`);
  return code;
}

export function statuses(codes: readonly Code[]): string[] {
  return [...codes].sort((a, b) => a.seq - b.seq).map((c) => `${c.seq}:${c.status}`);
}

/** Runs `fn`, expecting a VaultError with `code`; returns it for further checks. */
export function expectVaultError(fn: () => unknown, code: VaultErrorCode): VaultError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(VaultError);
    expect((e as VaultError).code).toBe(code);
    return e as VaultError;
  }
  throw new Error(`expected VaultError('${code}'), nothing was thrown`);
}
