// Unlock: a wrong passphrase and a throttled wait are told apart, and the wait counts down.
import { useEffect, useState } from 'preact/hooks';
import type { VaultStatus } from '../../messages/protocol';
import { useSend } from '../api';
import { Notice, PassphraseInput, Screen, useAction } from '../components';
import { t } from '../i18n';

export function Unlock(props: { onUnlocked: (status: VaultStatus) => void }) {
  const send = useSend();
  const [passphrase, setPassphrase] = useState('');
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const { busy, error, setError, run } = useAction();

  const waiting = Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= until) {
        clearInterval(timer);
        setError(null);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [until]);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy || !passphrase || waiting > 0) return;
    const status = await run(() => send('vault/unlock', { passphrase }));
    if (status) return props.onUnlocked(status);
    setPassphrase('');
  }

  useEffect(() => {
    if (error?.retryAfterMs) {
      setNow(Date.now());
      setUntil(Date.now() + error.retryAfterMs);
    }
  }, [error]);

  // The background's seconds were true when it answered; the countdown keeps them true.
  const message =
    waiting === 0
      ? null
      : error?.code === 'wrong-passphrase'
        ? t('errorWrongPassphraseWait', { count: waiting })
        : t('errorThrottled', { count: waiting });
  return (
    <Screen title={t('unlockTitle')}>
      <form onSubmit={submit} noValidate>
        <PassphraseInput
          label={t('passphrase')}
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="current-password"
          autoFocus
          invalid={error?.code === 'wrong-passphrase'}
        />
        <Notice error={message ?? error} />
        <button type="submit" class="primary" disabled={waiting > 0} aria-busy={busy}>
          {busy ? t('unlockBusy') : t('unlockAction')}
        </button>
      </form>
    </Screen>
  );
}
