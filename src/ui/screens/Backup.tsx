// Export an encrypted backup file, restore one, or open a printable sheet of the unused codes.
import { useEffect, useId, useState } from 'preact/hooks';
import type { RestoreSummary } from '../../messages/protocol';
import { estimateStrength } from '../../passphrase/strength';
import { useSend } from '../api';
import { Field, Notice, PassphraseInput, Screen, StrengthMeter, useAction } from '../components';
import { t } from '../i18n';

export function Backup(props: { focus?: boolean }) {
  return (
    <Screen title={t('backupTitle')} focus={props.focus}>
      <p>{t('backupIntro')}</p>
      <Export />
      <Restore />
      <section class="group" aria-labelledby="sheet-h">
        <h3 id="sheet-h">{t('sheetTitle')}</h3>
        <p>{t('sheetIntro')}</p>
        <a class="button" href="/popup.html#sheet" target="_blank" rel="noreferrer">
          {t('sheetOpen')}
        </a>
      </section>
    </Screen>
  );
}

function Export() {
  const send = useSend();
  const [own, setOwn] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; url: string; accounts: number; codes: number } | null>(null);
  const { busy, error, run } = useAction();
  const strengthId = useId();
  const radio = useId();

  // The object URL holds the (encrypted) file; let it go with the screen or the next export.
  useEffect(() => () => file && URL.revokeObjectURL(file.url), [file]);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setFile(null);
    if (!passphrase) return setProblem(t('errorPassphraseMissing'));
    if (own && !estimateStrength(passphrase).acceptable) return setProblem(t('errorWeak'));
    if (own && passphrase !== confirm) return setProblem(t('errorMismatch'));
    setProblem(null);
    const made = await run(() => send('backup/export', own ? { passphrase, own, confirm } : { passphrase, own }));
    if (!made) return;
    setPassphrase('');
    setConfirm('');
    const url = URL.createObjectURL(new Blob([made.text], { type: 'application/json' }));
    setFile({ name: made.fileName, url, accounts: made.accounts, codes: made.codes });
  }

  return (
    <form class="group" aria-labelledby="export-h" onSubmit={submit} noValidate>
      <h3 id="export-h">{t('exportTitle')}</h3>
      <fieldset class="choice">
        <legend>{t('exportKeyLegend')}</legend>
        <label>
          <input type="radio" name={radio} checked={!own} onChange={() => setOwn(false)} />
          {t('exportKeyVault')}
        </label>
        <label>
          <input type="radio" name={radio} checked={own} onChange={() => setOwn(true)} />
          {t('exportKeyOwn')}
        </label>
      </fieldset>
      <PassphraseInput
        label={own ? t('exportOwnPassphrase') : t('passphrase')}
        value={passphrase}
        onInput={setPassphrase}
        autoComplete={own ? 'new-password' : 'current-password'}
        describedBy={own ? strengthId : undefined}
      />
      {own && (
        <>
          <StrengthMeter passphrase={passphrase} id={strengthId} />
          <PassphraseInput
            label={t('passphraseConfirm')}
            value={confirm}
            onInput={setConfirm}
            autoComplete="new-password"
            invalid={confirm.length > 0 && confirm !== passphrase}
          />
        </>
      )}
      <Notice error={problem ?? error} ok={file ? t('exportReady', { accounts: t('accountCount', { count: file.accounts }), codes: t('codeCount', { count: file.codes }) }) : null} />
      <div class="row">
        <button type="submit" class="primary" aria-busy={busy}>
          {busy ? t('exportBusy') : t('exportAction')}
        </button>
        {file && (
          <a class="button" href={file.url} download={file.name}>
            {t('exportSave', { file: file.name })}
          </a>
        )}
      </div>
    </form>
  );
}

function Restore() {
  const send = useSend();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [summary, setSummary] = useState<RestoreSummary | null>(null);
  const { busy, error, run } = useAction();

  function choose(input: HTMLInputElement) {
    setSummary(null);
    setProblem(null);
    setFile(input.files?.[0] ?? null);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setSummary(null);
    if (!file) return setProblem(t('restoreChoose'));
    if (!passphrase) return setProblem(t('errorPassphraseMissing'));
    setProblem(null);
    const text = await file.text();
    const done = await run(() => send('backup/restore', { text, passphrase }));
    if (done) {
      setPassphrase('');
      setSummary(done);
    }
  }

  return (
    <form class="group" aria-labelledby="restore-h" onSubmit={submit} noValidate>
      <h3 id="restore-h">{t('restoreTitle')}</h3>
      <p class="hint">{t('restoreIntro')}</p>
      <Field label={t('restoreFile')}>
        {({ id }) => (
          <input id={id} type="file" accept=".json,application/json" onChange={(e) => choose(e.currentTarget)} />
        )}
      </Field>
      <PassphraseInput label={t('restorePassphrase')} value={passphrase} onInput={setPassphrase} autoComplete="current-password" />
      <Notice
        error={problem ?? error}
        ok={
          summary
            ? t('restoreDone', {
                added: summary.accountsAdded,
                merged: summary.accountsMerged,
                codes: summary.codesAdded,
                advanced: summary.codesAdvanced,
              })
            : null
        }
      />
      {summary && summary.skipped > 0 && <p class="hint">{t('restoreSkipped', { count: summary.skipped })}</p>}
      <button type="submit" aria-busy={busy}>
        {busy ? t('restoreBusy') : t('restoreAction')}
      </button>
    </form>
  );
}
