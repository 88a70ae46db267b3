// Popup-side readings of an AccountDetail. The rules stay the vault's: the invalidation preview
// calls the same previewUse the background applies, on the detail's plain statuses.
import type { AccountDetail, CodeView } from '../messages/protocol';
import { previewUse } from '../vault/policy';
import type { Account, Code } from '../vault/types';
import { formatDate, t } from './i18n';

/** The codes that using (or marking used) `codeId` would invalidate, oldest first. */
export function wouldInvalidate(detail: AccountDetail, codeId: string): CodeView[] {
  const account = { id: detail.id, policy: detail.policy } as Account;
  const codes = detail.codes.map((c) => ({ id: c.id, accountId: detail.id, seq: c.seq, status: c.status }) as Code);
  const ids = new Set(previewUse(account, codes, codeId).map((c) => c.id));
  return detail.codes.filter((c) => ids.has(c.id));
}

/** The oldest unused code: the one Sparekey offers. */
export function nextOf(detail: AccountDetail): CodeView | undefined {
  return detail.codes.filter((c) => c.status === 'unused').sort((a, b) => a.seq - b.seq)[0];
}

export function statusText(code: CodeView): string {
  switch (code.status) {
    case 'unused':
      return t('statusUnused');
    case 'reserved':
      return t('statusReserved');
    case 'unconfirmed':
      return t('statusUnconfirmed');
    case 'used':
      if (code.usedAt === undefined) return t('statusUsed');
      return code.usedOrigin
        ? t('statusUsedAtOrigin', { date: formatDate(code.usedAt), origin: code.usedOrigin })
        : t('statusUsedAt', { date: formatDate(code.usedAt) });
    case 'rejected':
      return t('statusRejected');
    case 'invalidated':
      return code.invalidatedBySeq === undefined
        ? t('statusInvalidated')
        : t('statusInvalidatedBy', { seq: code.invalidatedBySeq });
  }
}

/** "#3, #4 and #5" in the popup's language. */
export function seqList(codes: readonly CodeView[]): string {
  const items = codes.map((c) => t('codeNumber', { seq: c.seq }));
  if (items.length <= 1) return items.join('');
  return t('listAnd', { items: items.slice(0, -1).join(t('listSeparator')), last: items.at(-1)! });
}
