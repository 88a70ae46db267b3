// Settings › sync (issue 16, item 1): off by default. On, it says what travels and that the
// passphrase is the same everywhere; it shows how much of the browser's quota the vault uses, a
// notice when a synced item was skipped, and the size at which sync paused. Joining another
// device's synced vault asks for its passphrase here.
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../../messages/protocol';
import { useSend } from '../api';
import { Notice, PassphraseInput, useAction } from '../components';
import { t } from '../i18n';

/** The browser whose sync carries storage.sync: Chrome sync or Firefox Sync. */
const BROWSER_NAME = import.meta.env.FIREFOX ? 'Firefox' : 'Chrome';
const kB = (bytes: number) => Math.ceil(bytes / 1000);
/** From this share of the budget on, the usage line becomes a warning. */
const NEARLY_FULL = 0.9;

export function SyncSettings() {
  const send = useSend();
  const { busy, error, run } = useAction();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [passphrase, setPassphrase] = useState('');

  useEffect(() => {
    void run(() => send('sync/status', {})).then((s) => s && setStatus(s));
  }, []);

  async function set(on: boolean, joinWith?: string) {
    const next = await run(() => send('sync/set', joinWith === undefined ? { on } : { on, passphrase: joinWith }));
    if (next) {
      setStatus(next);
      if (!next.joinNeeded) setPassphrase('');
    }
  }

  if (!status) return <Notice error={error} />;
  const joining = status.joinNeeded === true;
  return (
    <div class="group">
      <div class="field check">
        <input
          id="sync-on"
          type="checkbox"
          checked={status.enabled || joining}
          aria-describedby="sync-hint"
          disabled={busy}
          onChange={(e) => void set(e.currentTarget.checked)}
        />
        <label for="sync-on">{t('settingsSyncLabel', { browser: BROWSER_NAME })}</label>
        <p id="sync-hint" class="hint">
          {t('settingsSyncHint')}
        </p>
      </div>
      {joining && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (passphrase) void set(true, passphrase);
          }}
        >
          <p class="hint">{t('settingsSyncJoinHint')}</p>
          <PassphraseInput label={t('settingsSyncJoinPassphrase')} value={passphrase} onInput={setPassphrase} autoComplete="current-password" />
          <button type="submit" aria-busy={busy}>
            {t('settingsSyncJoinAction')}
          </button>
        </form>
      )}
      {status.enabled && status.tooBig && (
        <p class="warn" role="alert">
          {t('settingsSyncTooBig', { browser: BROWSER_NAME, size: kB(status.tooBig.bytes), limit: kB(status.budget) })}
        </p>
      )}
      {status.enabled && status.skipped > 0 && (
        <p class="warn" role="alert">
          {t('settingsSyncSkipped')}
        </p>
      )}
      {status.enabled && status.bytes !== undefined && !status.tooBig && (
        // Said before the vault outgrows the budget, with the size at which sync would pause.
        <p class={status.bytes >= NEARLY_FULL * status.budget ? 'warn' : 'hint'} role="status">
          {status.bytes >= NEARLY_FULL * status.budget
            ? t('settingsSyncNearlyFull', { used: kB(status.bytes), limit: kB(status.budget) })
            : t('settingsSyncUsage', { used: kB(status.bytes), limit: kB(status.budget) })}
        </p>
      )}
      <Notice error={error} />
    </div>
  );
}
