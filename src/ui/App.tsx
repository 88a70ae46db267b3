// The popup: asks the background where the vault stands and shows the matching screen. Every
// reply that says "locked" (auto-lock fired while the popup was open) brings back the unlock
// screen, so no screen keeps showing data the vault no longer offers.
import { useCallback, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { ProtocolError, VaultStatus } from '../messages/protocol';
import { SendContext, useSend, type Send } from './api';
import { AppMark, Notice } from './components';
import { t } from './i18n';
import { Account } from './screens/Account';
import { Accounts, type AddMode } from './screens/Accounts';
import { AddCodes } from './screens/AddCodes';
import { Backup } from './screens/Backup';
import { CreateVault } from './screens/CreateVault';
import { Settings } from './screens/Settings';
import { Sheet } from './screens/Sheet';
import { Unlock } from './screens/Unlock';

export type View =
  | { name: 'accounts' }
  | { name: 'account'; accountId: string }
  | { name: 'add'; mode: AddMode; accountId?: string }
  | { name: 'backup' }
  | { name: 'settings' };

/** `send` defaults to the real client (src/messages/client.ts); tests pass a scripted one. */
export function App(props: { send?: Send; page?: 'popup' | 'sheet' }) {
  const root = <Root page={props.page ?? 'popup'} />;
  return props.send ? <SendContext.Provider value={props.send}>{root}</SendContext.Provider> : root;
}

function Root(props: { page: 'popup' | 'sheet' }) {
  const send = useSend();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [failure, setFailure] = useState<ProtocolError | null>(null);
  // Set once the person creates or unlocks the vault here: the accounts screen then takes focus
  // (the form they typed into is gone), while a popup that opens unlocked leaves focus alone.
  const [entered, setEntered] = useState(false);
  const enter = (next: VaultStatus) => {
    setEntered(true);
    setStatus(next);
  };

  const refresh = useCallback(async () => {
    const reply = await send('vault/status', {});
    if (reply.ok) {
      setStatus(reply.value);
      setFailure(null);
    } else setFailure(reply.error);
  }, [send]);

  const guarded = useMemo<Send>(
    () =>
      (async (type, body) => {
        const reply = await send(type, body);
        if (!reply.ok && (reply.error.code === 'locked' || reply.error.code === 'no-vault')) void refresh();
        return reply;
      }) as Send,
    [send, refresh],
  );

  // Asked as the first render commits, not after the first paint (useEffect waits for a frame):
  // the popup has no time to spare.
  useLayoutEffect(() => {
    void refresh();
  }, [refresh]);

  let body;
  if (failure) body = <Notice error={failure} />;
  else if (!status)
    body = (
      <p role="status" class="loading">
        {t('loading')}
      </p>
    );
  else if (status.state === 'no-vault') body = <CreateVault onCreated={enter} />;
  else if (status.state === 'locked') body = <Unlock onUnlocked={enter} />;
  else if (props.page === 'sheet') body = <Sheet />;
  else body = <Vault status={status} onStatus={setStatus} focus={entered} />;

  return (
    <SendContext.Provider value={guarded}>
      {props.page === 'sheet' ? (
        <main class="sheet-page">
          {status?.state !== 'unlocked' && <h1>{t('appName')}</h1>}
          {body}
        </main>
      ) : (
        <div class="popup">
          <header class="top">
            <h1>
              <AppMark />
              {t('appName')}
            </h1>
            {status?.state === 'unlocked' && <LockButton onStatus={setStatus} />}
          </header>
          {status?.state === 'unlocked' && !failure ? body : <main>{body}</main>}
        </div>
      )}
    </SendContext.Provider>
  );
}

function LockButton(props: { onStatus: (s: VaultStatus) => void }) {
  const send = useSend();
  return (
    <button
      type="button"
      class="lock"
      onClick={async () => {
        const reply = await send('vault/lock', {});
        if (reply.ok) props.onStatus(reply.value);
      }}
    >
      {t('lockAction')}
    </button>
  );
}

const SECTIONS = ['accounts', 'add', 'backup', 'settings'] as const;

function Vault(props: { status: VaultStatus; onStatus: (s: VaultStatus) => void; focus: boolean }) {
  const [view, setView] = useState<View>({ name: 'accounts' });
  // The first screen of a popup that opened unlocked keeps focus where the browser put it; after
  // unlocking here, and on every later screen, the screen's heading takes it.
  const [moved, setMoved] = useState(props.focus);
  const go = (next: View) => {
    setMoved(true);
    setView(next);
  };
  const section = view.name === 'account' ? 'accounts' : view.name;
  const label = { accounts: t('navAccounts'), add: t('navAdd'), backup: t('navBackup'), settings: t('navSettings') };

  return (
    <>
      <nav aria-label={t('navLabel')} class="tabs">
        {SECTIONS.map((s) => (
          <button
            key={s}
            type="button"
            aria-current={section === s ? 'page' : undefined}
            onClick={() => go(s === 'add' ? { name: 'add', mode: 'paste' } : ({ name: s } as View))}
          >
            {label[s]}
          </button>
        ))}
      </nav>
      <main>
        {props.status.damaged.length > 0 && <Notice error={t('damaged', { count: props.status.damaged.length })} />}
        {view.name === 'accounts' && (
          <Accounts
            focus={moved}
            onOpen={(accountId) => go({ name: 'account', accountId })}
            onAdd={(mode) => go({ name: 'add', mode })}
            onRestore={() => go({ name: 'backup' })}
          />
        )}
        {view.name === 'account' && (
          <Account
            key={view.accountId}
            focus={moved}
            accountId={view.accountId}
            settings={props.status.settings}
            onBack={() => go({ name: 'accounts' })}
            onAddCodes={() => go({ name: 'add', mode: 'paste', accountId: view.accountId })}
            onDeleted={() => go({ name: 'accounts' })}
          />
        )}
        {view.name === 'add' && (
          <AddCodes
            key={`${view.mode}-${view.accountId ?? ''}`}
            focus={moved}
            mode={view.mode}
            {...(view.accountId ? { accountId: view.accountId } : {})}
            onOpenAccount={(accountId) => go({ name: 'account', accountId })}
            onBack={() => go({ name: 'accounts' })}
          />
        )}
        {view.name === 'backup' && <Backup focus={moved} />}
        {view.name === 'settings' && <Settings focus={moved} status={props.status} onStatus={props.onStatus} />}
      </main>
    </>
  );
}
