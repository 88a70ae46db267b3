// Component-test scaffolding: the real English messages with Chrome's placeholder rules (see
// ./browser.ts), and a scripted background that records what the popup sent.
import { configure } from '@testing-library/preact';
import type {
  AccountDetail,
  AccountSummary,
  CodeView,
  MessageName,
  ProtocolError,
  Req,
  Res,
  Result,
  Settings,
  VaultStatus,
} from '../../../src/messages/protocol';
import type { Send } from '../../../src/ui/api';

// The first render of a file pays for module loading; two cores are shared.
configure({ asyncUtilTimeout: 4_000 });

export { MESSAGES, getMessage } from '../i18n-en';

type Reply<N extends MessageName> = Res<N> | ProtocolError | ((body: Req<N>) => Res<N> | ProtocolError);
export type Script = { [N in MessageName]?: Reply<N> };

export interface FakeBackground {
  send: Send;
  /** Every message the popup sent, in order. */
  calls: Array<{ type: MessageName; body: unknown }>;
  /** Replace or add answers while a test runs. */
  script: Script;
  sent<N extends MessageName>(type: N): Req<N>[];
}

function isError(v: unknown): v is ProtocolError {
  return typeof v === 'object' && v !== null && 'code' in v && 'message' in v && Object.keys(v).every((k) => ['code', 'message', 'retryAfterMs', 'where'].includes(k));
}

export function fakeBackground(script: Script): FakeBackground {
  const calls: FakeBackground['calls'] = [];
  const bg: FakeBackground = {
    calls,
    script,
    send: (async (type: MessageName, body: unknown) => {
      calls.push({ type, body });
      const reply = bg.script[type] as unknown;
      if (reply === undefined) return { ok: false, error: { code: 'internal', message: `unscripted ${type}` } };
      const value = typeof reply === 'function' ? (reply as (b: unknown) => unknown)(body) : reply;
      return (isError(value) ? { ok: false, error: value } : { ok: true, value }) as Result<unknown>;
    }) as Send,
    sent: <N extends MessageName>(type: N) => calls.filter((c) => c.type === type).map((c) => c.body as Req<N>),
  };
  return bg;
}

export const SETTINGS: Settings = { autoLockMinutes: 15, autoSubmit: false, clipboardClearSeconds: 30 };
export const status = (state: VaultStatus['state'], settings = SETTINGS): VaultStatus => ({ state, settings, damaged: [] });

const counts = { unused: 0, reserved: 0, unconfirmed: 0, used: 0, rejected: 0, invalidated: 0 };

export function summary(over: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: 'acc-1',
    site: 'x',
    label: '@alice',
    origins: ['https://x.com'],
    policy: { kind: 'ordered', maxActive: 5 },
    counts: { ...counts, unused: 3 },
    left: 3,
    total: 3,
    unconfirmed: 0,
    ...over,
  };
}

export function code(seq: number, over: Partial<CodeView> = {}): CodeView {
  return {
    id: `c${seq}`,
    seq,
    status: 'unused',
    source: 'paste',
    capturedAt: Date.UTC(2026, 0, 2),
    masked: '•••• •••• ••••',
    ...over,
  };
}

export function detail(codes: CodeView[], over: Partial<AccountDetail> = {}): AccountDetail {
  const left = codes.filter((c) => c.status === 'unused').length;
  return {
    ...summary({ left, total: codes.length, unconfirmed: codes.filter((c) => c.status === 'unconfirmed').length }),
    origins: ['https://x.com', 'https://twitter.com', 'https://mobile.twitter.com'],
    codes,
    ...over,
  };
}

/** The display value a revealed code has (X groups of four). */
export const shown = (value: string) => (value.match(/.{1,4}/g) ?? []).join(' ');
