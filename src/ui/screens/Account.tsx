// One account: its codes in generation order with what happened to each, revealed only on
// request, copied or filled on demand, corrected by hand, and the account deleted with care.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountDetail, CodeView, ProtocolError, Settings } from '../../messages/protocol';
import { siteById } from '../../sites/index';
import { useSend } from '../api';
import { copyCode } from '../clipboard';
import { Field, Notice, Screen, SiteIcon, accountSiteName, useAction, useFocusOnMount } from '../components';
import { t } from '../i18n';
import { nextOf, seqList, statusText, wouldInvalidate } from '../model';
import { fillableTabOrigin } from '../tabs';

type Intent = { kind: 'fill' | 'mark-used'; code: CodeView; invalidates: CodeView[] };

export function Account(props: {
  accountId: string;
  settings: Settings;
  onBack: () => void;
  onAddCodes: () => void;
  onDeleted: (label: string) => void;
  focus?: boolean;
}) {
  const send = useSend();
  const [detail, setDetail] = useState<AccountDetail | null>(null);
  const [loadError, setLoadError] = useState<ProtocolError | null>(null);
  const [revealed, setRevealed] = useState<string[]>([]);
  const [tabOrigin, setTabOrigin] = useState<string | undefined>(undefined);
  const [intent, setIntent] = useState<Intent | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const action = useAction();
  // Where focus goes back to when a confirmation is cancelled: the control that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const deleteOpen = useRef<HTMLButtonElement>(null);

  function remember() {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }
  function refocus(fallback?: () => HTMLElement | null) {
    // Once the confirmation has left the page, so focus never lands in (or with) it.
    setTimeout(() => {
      const target = opener.current?.isConnected ? opener.current : fallback?.();
      target?.focus();
    }, 0);
  }

  async function load(reveal = revealed) {
    const reply = await send('accounts/get', { accountId: props.accountId, reveal });
    if (!reply.ok) return setLoadError(reply.error);
    setDetail(reply.value);
  }

  useEffect(() => {
    void load();
    void fillableTabOrigin(send).then(setTabOrigin);
  }, [props.accountId]);

  if (loadError) return <Notice error={loadError} />;
  if (!detail)
    return (
      <p role="status" class="loading">
        {t('loading')}
      </p>
    );

  const next = nextOf(detail);
  const canFill = tabOrigin !== undefined && detail.origins.includes(tabOrigin);
  const site = siteById(detail.site);

  async function toggleReveal(code: CodeView) {
    const list = revealed.includes(code.id) ? revealed.filter((id) => id !== code.id) : [...revealed, code.id];
    setRevealed(list);
    await load(list);
  }

  async function copy(code: CodeView) {
    setDone(null);
    const value =
      code.value ??
      (await action.run(() => send('accounts/get', { accountId: detail!.id, reveal: [code.id] })))?.codes.find(
        (c) => c.id === code.id,
      )?.value;
    if (value === undefined) return;
    // The display form's spaces are for reading; sites take the code without them.
    const ok = await copyCode(value.replace(/\s+/g, ''), props.settings.clipboardClearSeconds, send);
    const seconds = props.settings.clipboardClearSeconds;
    if (!ok) return action.setError({ code: 'internal', message: t('copyFailed') });
    setDone(seconds > 0 ? t('copiedClears', { seq: code.seq, count: seconds }) : t('copied', { seq: code.seq }));
  }

  /** Fill or mark used; a code that isn't next first shows which codes it would invalidate. */
  function ask(kind: Intent['kind'], code: CodeView) {
    setDone(null);
    const invalidates = wouldInvalidate(detail!, code.id);
    if (invalidates.length > 0) {
      remember();
      return setIntent({ kind, code, invalidates });
    }
    void carryOut({ kind, code, invalidates });
  }

  async function carryOut(what: Intent) {
    setIntent(null);
    if (what.kind === 'fill') {
      const filled = await action.run(() => send('fill/active-tab', { accountId: detail!.id, codeId: what.code.id }));
      await load();
      if (filled) setDone(t('filled', { seq: filled.seq }));
    } else {
      await setStatus(what.code, 'used');
    }
  }

  async function setStatus(code: CodeView, status: 'used' | 'unused' | 'rejected') {
    setDone(null);
    const updated = await action.run(() =>
      send('codes/set-status', { accountId: detail!.id, codeId: code.id, status }),
    );
    if (updated) {
      // The list first, then the word: "done" never shows over the state it replaces.
      await load();
      setDone(t('statusChanged', { seq: code.seq }));
    }
  }

  async function fillNext() {
    setDone(null);
    const filled = await action.run(() => send('fill/active-tab', { accountId: detail!.id }));
    await load();
    if (filled) setDone(t('filled', { seq: filled.seq }));
  }

  return (
    <Screen
      title={detail.label}
      focus={props.focus}
      actions={
        <button type="button" onClick={props.onBack}>
          {t('back')}
        </button>
      }
    >
      <p class="account-meta">
        <SiteIcon site={detail.site} /> {accountSiteName(detail)} · {t('leftOf', { count: detail.left, total: detail.total })}
      </p>
      {detail.left <= 1 && site && (
        <p class="warn">
          {t(detail.left === 0 ? 'warnNoneLeft' : 'warnOneLeft', { site: site.name })}{' '}
          <a href={site.backupCodesUrl} target="_blank" rel="noreferrer">
            {t('warnLink', { site: site.name })}
          </a>
        </p>
      )}
      <div class="row">
        {canFill && next && (
          <button type="button" class="primary" onClick={() => void fillNext()}>
            {t('fillNext', { seq: next.seq })}
          </button>
        )}
        <button type="button" onClick={props.onAddCodes}>
          {t('addCodesHere')}
        </button>
      </div>
      {intent && (
        <ConfirmInvalidation
          intent={intent}
          siteName={accountSiteName(detail)}
          onConfirm={() => void carryOut(intent)}
          onCancel={() => {
            setIntent(null);
            refocus();
          }}
        />
      )}
      <Notice error={action.error} ok={done} />
      {detail.codes.length === 0 ? (
        <p>{t('noCodes')}</p>
      ) : (
        <ol class="codes plain" aria-label={t('codesListLabel')}>
          {detail.codes.map((code) => (
            <CodeRow
              key={code.id}
              code={code}
              isNext={code.id === next?.id}
              canFill={canFill}
              onReveal={() => void toggleReveal(code)}
              onCopy={() => void copy(code)}
              onFill={() => ask('fill', code)}
              onMarkUsed={() => ask('mark-used', code)}
              onStatus={(s) => void setStatus(code, s)}
            />
          ))}
        </ol>
      )}
      {deleting ? (
        <DeleteAccount
          detail={detail}
          onCancel={() => {
            setDeleting(false);
            opener.current = null;
            refocus(() => deleteOpen.current);
          }}
          onDeleted={() => props.onDeleted(detail.label)}
        />
      ) : (
        <button type="button" class="danger subtle" ref={deleteOpen} onClick={() => setDeleting(true)}>
          {t('deleteOpen')}
        </button>
      )}
    </Screen>
  );
}

function ConfirmInvalidation(props: { intent: Intent; siteName: string; onConfirm: () => void; onCancel: () => void }) {
  const { intent } = props;
  const go = useFocusOnMount<HTMLButtonElement>();
  const seq = intent.code.seq;
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby="intent-q"
      aria-describedby="intent-d"
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <p id="intent-q">
        <strong>{intent.kind === 'fill' ? t('confirmFillTitle', { seq }) : t('confirmMarkTitle', { seq })}</strong>
      </p>
      <p id="intent-d">{t('confirmInvalidates', { codes: seqList(intent.invalidates), site: props.siteName })}</p>
      <div class="row">
        <button type="button" class="danger" ref={go} onClick={props.onConfirm}>
          {intent.kind === 'fill' ? t('confirmFillAction', { seq }) : t('confirmMarkAction', { seq })}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

function CodeRow(props: {
  code: CodeView;
  isNext: boolean;
  canFill: boolean;
  onReveal: () => void;
  onCopy: () => void;
  onFill: () => void;
  onMarkUsed: () => void;
  onStatus: (s: 'used' | 'unused' | 'rejected') => void;
}) {
  const c = props.code;
  const shown = c.value !== undefined;
  const usable = c.status === 'unused';
  return (
    <li class={`code status-${c.status}`}>
      <div class="code-line">
        <span class="seq">{t('codeNumber', { seq: c.seq })}</span>
        <code class={shown ? 'value' : 'value masked'}>
          {shown ? (
            c.value
          ) : (
            <>
              <span aria-hidden="true">{c.masked}</span>
              <span class="sr-only">{t('hiddenCode')}</span>
            </>
          )}
        </code>
        <button
          type="button"
          class="small"
          aria-pressed={shown}
          aria-label={shown ? t('hideCode', { seq: c.seq }) : t('showCode', { seq: c.seq })}
          onClick={props.onReveal}
        >
          {shown ? t('hide') : t('show')}
        </button>
        {usable && (
          <button type="button" class="small" aria-label={t('copyCode', { seq: c.seq })} onClick={props.onCopy}>
            {t('copy')}
          </button>
        )}
      </div>
      <p class="status">
        {statusText(c)}
        {props.isNext && <span class="badge">{t('nextBadge')}</span>}
      </p>
      {c.status === 'unconfirmed' ? (
        <div class="row" role="group" aria-label={t('unconfirmedQuestionShort', { seq: c.seq })}>
          <button type="button" class="small" onClick={() => props.onStatus('used')}>
            {t('unconfirmedYes')}
          </button>
          <button type="button" class="small" onClick={() => props.onStatus('rejected')}>
            {t('unconfirmedNo')}
          </button>
          <button type="button" class="small" onClick={() => props.onStatus('unused')}>
            {t('unconfirmedNotUsed')}
          </button>
        </div>
      ) : (
        c.status !== 'reserved' && (
          <details class="more">
            <summary aria-label={t('moreCode', { seq: c.seq })}>{t('more')}</summary>
            <div class="row">
              {usable && props.canFill && (
                <button type="button" class="small" onClick={props.onFill}>
                  {t('fillThis')}
                </button>
              )}
              {c.status !== 'used' && (
                <button type="button" class="small" onClick={props.onMarkUsed}>
                  {t('markUsed')}
                </button>
              )}
              {c.status !== 'unused' && (
                <button type="button" class="small" onClick={() => props.onStatus('unused')}>
                  {t('markUnused')}
                </button>
              )}
            </div>
          </details>
        )
      )}
    </li>
  );
}

function DeleteAccount(props: { detail: AccountDetail; onCancel: () => void; onDeleted: () => void }) {
  const send = useSend();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const label = props.detail.label;
  const field = useFocusOnMount<HTMLInputElement>();

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (typed !== label) return setProblem(t('deleteMismatch', { account: label }));
    setProblem(null);
    const gone = await run(() => send('accounts/delete', { accountId: props.detail.id, confirmLabel: typed }));
    if (gone) props.onDeleted();
  }

  return (
    <form
      class="group danger-zone"
      onSubmit={submit}
      noValidate
      aria-labelledby="delete-h"
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <h3 id="delete-h">{t('deleteTitle')}</h3>
      <p>{t('deleteWarning', { account: label, count: props.detail.total })}</p>
      <Field label={t('deleteTypeLabel', { account: label })}>
        {({ id }) => (
          <input
            id={id}
            ref={field}
            value={typed}
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        )}
      </Field>
      <Notice error={problem ?? error} />
      <div class="row">
        <button type="submit" class="danger" aria-busy={busy}>
          {t('deleteAction')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
