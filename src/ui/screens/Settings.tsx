// Settings (saved as they change) and the passphrase change.
import { useId, useState } from 'preact/hooks';
import type { Settings as SettingsValue, VaultStatus } from '../../messages/protocol';
import { estimateStrength } from '../../passphrase/strength';
import { useSend } from '../api';
import { Field, Notice, PassphraseInput, Screen, StrengthMeter, useAction } from '../components';
import { t } from '../i18n';
import { SiteAccess } from './SiteAccess';
import { SyncSettings } from './SyncSettings';
import { AutoFill } from './AutoFill';

const AUTO_LOCK_MINUTES = [1, 5, 15, 30, 60, 120, 240, 480];
const CLIPBOARD_SECONDS = [0, 10, 20, 30, 60, 120];

function minutesText(m: number): string {
  return m < 60 ? t('minutes', { count: m }) : t('hours', { count: m / 60 });
}

/** The choices, with the current value kept even if it isn't one of ours. */
function options(values: number[], current: number): number[] {
  return values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
}

export function Settings(props: { status: VaultStatus; onStatus: (s: VaultStatus) => void; focus?: boolean }) {
  const send = useSend();
  const { error, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const settings = props.status.settings;

  async function save(patch: Partial<SettingsValue>) {
    setSaved(null);
    const next = await run(() => send('settings/set', patch));
    if (next) {
      props.onStatus({ ...props.status, settings: next });
      setSaved(t('settingsSaved'));
    }
  }

  return (
    <Screen title={t('settingsTitle')} focus={props.focus}>
      <Field label={t('autoLockLabel')} hint={t('autoLockHint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={settings.autoLockMinutes}
            onChange={(e) => void save({ autoLockMinutes: Number(e.currentTarget.value) })}
          >
            {options(AUTO_LOCK_MINUTES, settings.autoLockMinutes).map((m) => (
              <option key={m} value={m}>
                {minutesText(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('clipboardLabel')} hint={t('clipboardHint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={settings.clipboardClearSeconds}
            onChange={(e) => void save({ clipboardClearSeconds: Number(e.currentTarget.value) })}
          >
            {options(CLIPBOARD_SECONDS, settings.clipboardClearSeconds).map((s) => (
              <option key={s} value={s}>
                {s === 0 ? t('clipboardNever') : t('seconds', { count: s })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="field check">
        <input
          id="auto-submit"
          type="checkbox"
          checked={settings.autoSubmit}
          aria-describedby="auto-submit-hint"
          onChange={(e) => void save({ autoSubmit: e.currentTarget.checked })}
        />
        <label for="auto-submit">{t('autoSubmitLabel')}</label>
        <p id="auto-submit-hint" class="hint">
          {t('autoSubmitHint')}
        </p>
      </div>
      <Notice error={error} ok={saved} />
      <SiteAccess all />
      <SyncSettings />
      <AutoFill />
      <ChangePassphrase onStatus={props.onStatus} />
    </Screen>
  );
}

export function ChangePassphrase(props: { onStatus: (s: VaultStatus) => void }) {
  const send = useSend();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const strengthId = useId();
  const headingId = useId();

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setDone(null);
    if (!current) return setProblem(t('errorCurrentMissing'));
    if (!estimateStrength(next).acceptable) return setProblem(t('errorWeak'));
    if (next !== confirm) return setProblem(t('errorMismatch'));
    setProblem(null);
    const status = await run(() => send('vault/change-passphrase', { current, next, confirm }));
    if (status) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(t('changeDone'));
      props.onStatus(status);
    }
  }

  return (
    <form class="group" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId}>{t('changeTitle')}</h3>
      <PassphraseInput label={t('passphraseCurrent')} value={current} onInput={setCurrent} autoComplete="current-password" />
      <PassphraseInput
        label={t('passphraseNew')}
        value={next}
        onInput={setNext}
        autoComplete="new-password"
        describedBy={strengthId}
      />
      <StrengthMeter passphrase={next} id={strengthId} />
      <PassphraseInput
        label={t('passphraseConfirm')}
        value={confirm}
        onInput={setConfirm}
        autoComplete="new-password"
        invalid={confirm.length > 0 && confirm !== next}
      />
      <Notice error={problem ?? error} ok={done} />
      <button type="submit" aria-busy={busy}>
        {busy ? t('changeBusy') : t('changeAction')}
      </button>
    </form>
  );
}
