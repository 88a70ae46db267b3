// An account as the popup sees it: its codes masked, revealed only when a page asks for one.
import type { AccountDetail, CodeView } from '../messages/protocol';
import { FORMATS } from '../sites/index';
import { formatOf } from '../vault/formats';
import type { Account, Code } from '../vault/types';
import type { OpenVault } from './open-vault';

const MASK = '••••';

function codeView(account: Account, code: Code, reveal: boolean): CodeView {
  const format = formatOf(account, FORMATS);
  const used = [...code.history].reverse().find((h) => h.status === 'used');
  const invalidatedBy = [...code.history].reverse().find((h) => h.status === 'invalidated')?.bySeq;
  const view: CodeView = {
    id: code.id,
    seq: code.seq,
    status: code.status,
    source: code.source,
    capturedAt: code.capturedAt,
    masked: format.display(code.value).replace(/[^\s-]+/g, MASK),
  };
  if (reveal) view.value = format.display(code.value);
  if (code.status === 'used' && used) {
    view.usedAt = used.at;
    if (used.origin) view.usedOrigin = used.origin;
  }
  if (code.status === 'invalidated' && invalidatedBy !== undefined) view.invalidatedBySeq = invalidatedBy;
  return view;
}

export function detail(vault: OpenVault, accountId: string, reveal: readonly string[] = []): AccountDetail {
  const account = vault.account(accountId);
  return {
    ...vault.summary(accountId),
    origins: [...account.origins],
    codes: vault.codesOf(accountId).map((c) => codeView(account, c, reveal.includes(c.id))),
  };
}
