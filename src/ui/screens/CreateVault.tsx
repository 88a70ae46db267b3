// First run: one passphrase, typed twice, with its strength shown as it is typed.
import { useId, useState } from 'preact/hooks';
import type { VaultStatus } from '../../messages/protocol';
import { estimateStrength } from '../../passphrase/strength';
import { useSend } from '../api';
import { Notice, PassphraseInput, Screen, StrengthMeter, useAction } from '../components';
import { t } from '../i18n';

export function CreateVault(props: { onCreated: (status: VaultStatus) => void }) {
  const send = useSend();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const strengthId = useId();
  const whyId = useId();

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    // Checked here too so the person hears why at once; the background checks again.
    if (!estimateStrength(passphrase).acceptable) return setProblem(t('errorWeak'));
    if (passphrase !== confirm) return setProblem(t('errorMismatch'));
    setProblem(null);
    const status = await run(() => send('vault/create', { passphrase, confirm }));
    if (status) props.onCreated(status);
  }

  return (
    <Screen title={t('createTitle')}>
      <p id={whyId}>{t('createWhy')}</p>
      <form onSubmit={submit} noValidate>
        <PassphraseInput
          label={t('passphraseNew')}
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="new-password"
          autoFocus
          describedBy={`${strengthId} ${whyId}`}
        />
        <StrengthMeter passphrase={passphrase} id={strengthId} />
        <PassphraseInput
          label={t('passphraseConfirm')}
          value={confirm}
          onInput={setConfirm}
          autoComplete="new-password"
          invalid={confirm.length > 0 && confirm !== passphrase}
        />
        <Notice error={problem ?? error} />
        <button type="submit" class="primary" aria-busy={busy}>
          {busy ? t('createBusy') : t('createAction')}
        </button>
      </form>
    </Screen>
  );
}
