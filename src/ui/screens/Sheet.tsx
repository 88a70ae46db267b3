// A printable sheet of every account's unused codes, opened in its own tab (popup.html#sheet).
import { useEffect, useState } from 'preact/hooks';
import type { AccountDetail, ProtocolError } from '../../messages/protocol';
import { useSend } from '../api';
import { Notice, siteName } from '../components';
import { formatDate, t } from '../i18n';

export function Sheet() {
  const send = useSend();
  const [accounts, setAccounts] = useState<AccountDetail[] | null>(null);
  const [failure, setFailure] = useState<ProtocolError | null>(null);

  useEffect(() => {
    void (async () => {
      const list = await send('accounts/list', {});
      if (!list.ok) return setFailure(list.error);
      const details: AccountDetail[] = [];
      for (const a of list.value) {
        const plain = await send('accounts/get', { accountId: a.id });
        if (!plain.ok) return setFailure(plain.error);
        const unused = plain.value.codes.filter((c) => c.status === 'unused').map((c) => c.id);
        const shown = unused.length ? await send('accounts/get', { accountId: a.id, reveal: unused }) : plain;
        if (!shown.ok) return setFailure(shown.error);
        details.push(shown.value);
      }
      setAccounts(details);
    })();
  }, []);

  if (failure) return <Notice error={failure} />;
  if (!accounts)
    return (
      <p role="status" class="loading">
        {t('loading')}
      </p>
    );

  return (
    <article class="sheet">
      <h1>{t('sheetHeading')}</h1>
      <p>{t('sheetPrinted', { date: formatDate(Date.now()) })}</p>
      <p class="warn">{t('sheetWarning')}</p>
      <button type="button" class="primary no-print" onClick={() => window.print()}>
        {t('sheetPrint')}
      </button>
      {accounts.length === 0 && <p>{t('sheetEmpty')}</p>}
      {accounts.map((a) => {
        const unused = a.codes.filter((c) => c.status === 'unused');
        return (
          <section key={a.id} aria-labelledby={`sheet-${a.id}`}>
            <h2 id={`sheet-${a.id}`}>{t('accountOption', { account: a.label, site: siteName(a.site) })}</h2>
            {unused.length === 0 ? (
              <p>{t('sheetNoneLeft')}</p>
            ) : (
              <ol class="sheet-codes">
                {unused.map((c) => (
                  <li key={c.id}>
                    <span class="seq">{t('codeNumber', { seq: c.seq })}</span> <code>{c.value}</code>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </article>
  );
}
