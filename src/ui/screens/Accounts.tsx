// The vault at a glance: codes waiting to be saved, fills nobody confirmed, and each account with
// how many codes it has left (and a warning while there is still time to make new ones).
import { useLayoutEffect, useState } from 'preact/hooks';
import type { AccountSummary, CodeView, PendingCapture, ProtocolError } from '../../messages/protocol';
import { SITES, siteById } from '../../sites/index';
import { capturePreviewText } from '../../i18n/capture-preview';
import { useSend } from '../api';
import { Notice, Screen, SiteIcon, accountSiteName, siteName, useAction } from '../components';
import { t } from '../i18n';
import { useRowsInView } from '../rows-in-view';
import { SiteAccess } from './SiteAccess';

export type AddMode = 'paste' | 'import';

interface Unconfirmed {
  account: AccountSummary;
  code: CodeView;
}

export function Accounts(props: {
  onOpen: (accountId: string) => void;
  onAdd: (mode: AddMode) => void;
  onRestore: () => void;
  focus?: boolean;
}) {
  const send = useSend();
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [captures, setCaptures] = useState<PendingCapture[]>([]);
  const [unconfirmed, setUnconfirmed] = useState<Unconfirmed[]>([]);
  const [loadError, setLoadError] = useState<ProtocolError | null>(null);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const shown = useRowsInView(accounts?.length ?? 0);

  async function load() {
    // Both asked at once; the list shows as soon as its own reply is in, not when both are.
    const listing = send('accounts/list', {});
    const capturing = send('captures/list', {});
    const list = await listing;
    if (!list.ok) return setLoadError(list.error);
    setLoadError(null);
    setAccounts(list.value);
    const pending = await capturing;
    // An empty list for an empty one keeps the state as it is: a new [] would draw the screen again.
    setCaptures(unlessBothEmpty(pending.ok ? pending.value.filter((c) => c.fresh > 0) : []));
    const open: Unconfirmed[] = [];
    for (const account of list.value.filter((a) => a.unconfirmed > 0)) {
      const detail = await send('accounts/get', { accountId: account.id });
      if (detail.ok)
        for (const code of detail.value.codes) if (code.status === 'unconfirmed') open.push({ account, code });
    }
    setUnconfirmed(unlessBothEmpty(open));
  }

  // As App's first question: asked when the screen commits, not a frame later.
  useLayoutEffect(() => {
    void load();
  }, []);

  async function resolve(item: Unconfirmed, status: 'used' | 'rejected' | 'unused') {
    setDone(null);
    const ok = await action.run(() =>
      send('codes/set-status', { accountId: item.account.id, codeId: item.code.id, status }),
    );
    if (ok) {
      // The list first, then the word: "done" never shows over the state it replaces.
      await load();
      setDone(t('resolvedDone', { seq: item.code.seq }));
    }
  }

  async function saveCapture(c: PendingCapture) {
    setDone(null);
    if (!c.preview) return;
    const { revision } = c.preview;
    const summary = await action.run(() => send('captures/save', { captureId: c.id, revision }));
    if (summary) {
      await load();
      setDone(t('addedSummary', { added: summary.added, duplicates: summary.duplicates }));
    }
  }

  async function dismissCapture(c: PendingCapture) {
    setDone(null);
    if (await action.run(() => send('captures/dismiss', { captureId: c.id }))) await load();
  }

  if (loadError) return <Notice error={loadError} />;
  if (!accounts)
    return (
      <p role="status" class="loading">
        {t('loading')}
      </p>
    );

  return (
    <Screen title={t('accountsTitle')} focus={props.focus}>
      {captures.length > 0 && (
        <section class="group" aria-labelledby="captures-h">
          <h3 id="captures-h">{t('capturesTitle')}</h3>
          <ul class="plain">
            {captures.map((c) => (
              <li key={c.id} class="card">
                <p>
                  {c.handle
                    ? t('captureSeenFor', { site: siteName(c.site), account: c.handle, count: c.fresh })
                    : t('captureSeen', { site: siteName(c.site), count: c.fresh })}
                </p>
                {c.preview && <p class="hint">{capturePreviewText(c.preview, siteName(c.site), siteById(c.site)?.policy.kind)}</p>}
                <div class="row">
                  <button type="button" class="primary" disabled={!c.preview} onClick={() => void saveCapture(c)}>
                    {t('captureSave')}
                  </button>
                  <button type="button" onClick={() => void dismissCapture(c)}>
                    {t('captureDismiss')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {unconfirmed.length > 0 && (
        <section class="group" aria-labelledby="unconfirmed-h">
          <h3 id="unconfirmed-h">{t('unconfirmedTitle')}</h3>
          <ul class="plain">
            {unconfirmed.map((item) => (
              <li key={item.code.id} class="card">
                <p id={`q-${item.code.id}`}>{t('unconfirmedQuestion', { seq: item.code.seq, account: item.account.label })}</p>
                <div class="row" role="group" aria-labelledby={`q-${item.code.id}`}>
                  <button type="button" onClick={() => void resolve(item, 'used')}>
                    {t('unconfirmedYes')}
                  </button>
                  <button type="button" onClick={() => void resolve(item, 'rejected')}>
                    {t('unconfirmedNo')}
                  </button>
                  <button type="button" onClick={() => void resolve(item, 'unused')}>
                    {t('unconfirmedNotUsed')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Notice error={action.error} ok={done} />
      <SiteAccess accounts={accounts} />
      {accounts.length === 0 ? (
        <EmptyState onAdd={props.onAdd} onRestore={props.onRestore} />
      ) : (
        <ul class="plain accounts" aria-busy={shown < accounts.length ? 'true' : undefined}>
          {accounts.slice(0, shown).map((a) => (
            <AccountItem key={a.id} account={a} onOpen={() => props.onOpen(a.id)} />
          ))}
        </ul>
      )}
      {accounts.length > 0 && (
        <div class="row">
          <button type="button" onClick={() => props.onAdd('paste')}>
            {t('pasteAction')}
          </button>
          <button type="button" onClick={() => props.onAdd('import')}>
            {t('importAction')}
          </button>
        </div>
      )}
    </Screen>
  );
}

/** For a state setter: the previous list when both are empty, so nothing is drawn again. */
function unlessBothEmpty<T>(next: T[]): (previous: T[]) => T[] {
  return (previous) => (previous.length === 0 && next.length === 0 ? previous : next);
}

function AccountItem(props: { account: AccountSummary; onOpen: () => void }) {
  const a = props.account;
  const site = siteById(a.site);
  const low = a.left <= 1;
  const warnId = `warn-${a.id}`;
  return (
    <li class={low ? 'card account low' : 'card account'}>
      <button type="button" class="account-open" onClick={props.onOpen} aria-describedby={low ? warnId : undefined}>
        <SiteIcon site={a.site} />
        {/* The spaces keep the button's accessible name "@alice X 3 of 5 left", not "@aliceX3…". */}
        <span class="account-name">
          <span class="label">
            <bdi>{a.label}</bdi>
          </span> <span class="site">{accountSiteName(a)}</span>
        </span>{' '}
        <span class="left">{t('leftOf', { count: a.left, total: a.total })}</span>
      </button>
      {a.unconfirmed > 0 && <p class="hint">{t('unconfirmedCount', { count: a.unconfirmed })}</p>}
      {low && (
        <p id={warnId} class="warn">
          {t(a.left === 0 ? 'warnNoneLeft' : 'warnOneLeft', { site: site?.name ?? a.site })}{' '}
          {site && (
            <a href={site.backupCodesUrl} target="_blank" rel="noreferrer">
              {t('warnLink', { site: site.name })}
            </a>
          )}
        </p>
      )}
    </li>
  );
}

function EmptyState(props: { onAdd: (mode: AddMode) => void; onRestore: () => void }) {
  return (
    <div class="empty">
      <h3>{t('emptyTitle')}</h3>
      <p>{t('emptyIntro')}</p>
      <ol class="ways">
        <li>
          <strong>{t('wayVisitTitle')}</strong> {t('wayVisitText')}{' '}
          {SITES.map((s, i) => (
            <span key={s.id}>
              {i > 0 && ', '}
              <a href={s.backupCodesUrl} target="_blank" rel="noreferrer">
                {t('wayVisitLink', { site: s.name })}
              </a>
            </span>
          ))}
        </li>
        <li>
          <strong>{t('wayPasteTitle')}</strong> {t('wayPasteText')}{' '}
          <button type="button" class="link" onClick={() => props.onAdd('paste')}>
            {t('pasteAction')}
          </button>
        </li>
        <li>
          <strong>{t('wayImportTitle')}</strong> {t('wayImportText')}{' '}
          <button type="button" class="link" onClick={() => props.onAdd('import')}>
            {t('importAction')}
          </button>
        </li>
      </ol>
      <p>
        {t('emptyRestore')}{' '}
        <button type="button" class="link" onClick={props.onRestore}>
          {t('restoreAction')}
        </button>
      </p>
    </div>
  );
}
