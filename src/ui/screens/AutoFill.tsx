// Auto-fill's choices (issue 14), on the Settings screen: one checkbox per site the person has
// accounts for, and per account a choice that overrides its site's. Off by default. Turning it on
// takes a trusted event (trusted.ts: a person's click or key, not a script's), and the
// one-sentence hint says what it does and what it risks.
import { useEffect, useId, useState } from 'preact/hooks';
import type { AccountSummary, AutoFillPrefs } from '../../messages/protocol';
import { PAGE_SITES } from '../../sites/index';
import { useSend } from '../api';
import { Field, Notice, useAction } from '../components';
import { t } from '../i18n';
import { byPerson } from '../trusted';

type AccountChoice = 'site' | 'on' | 'off';

/** Sites whose pages Sparekey fills on (those with a page adapter). */
// A site whose one code field also takes the authenticator's code never shows a backup-only step.
const pageSite = (id: string) => PAGE_SITES.find((s) => s.id === id && !s.sharedCodeField);

const choiceOf = (prefs: AutoFillPrefs, accountId: string): AccountChoice =>
  prefs.accounts[accountId] === undefined ? 'site' : prefs.accounts[accountId] ? 'on' : 'off';

export function AutoFill() {
  const send = useSend();
  const { error, run } = useAction();
  const [prefs, setPrefs] = useState<AutoFillPrefs | null>(null);
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const headingId = useId();
  const hintId = useId();

  useEffect(() => {
    void (async () => {
      const [got, list] = await Promise.all([send('autofill/get', {}), send('accounts/list', {})]);
      if (got.ok) setPrefs(got.value);
      if (list.ok) setAccounts(list.value);
    })();
  }, []);

  /** Saves one choice; turning anything on only from a person's own event. */
  async function choose(event: Event, choice: { site: string; on: boolean } | { accountId: string; on: boolean | null }) {
    if (choice.on === true && !byPerson(event)) return;
    const next = await run(() => send('autofill/set', { ...choice, trusted: true }));
    if (next) setPrefs(next);
  }

  const sites = [...new Set(accounts.map((a) => a.site))].filter((id) => pageSite(id));
  if (!prefs || sites.length === 0) return null;
  return (
    <section class="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('autoFillTitle')}</h3>
      <p id={hintId} class="hint">
        {t('autoFillHint')}
      </p>
      {sites.map((siteId) => {
        const siteOn = prefs.sites[siteId] === true;
        const boxId = `auto-fill-${siteId}`;
        return (
          <div key={siteId}>
            <div class="field check">
              <input
                id={boxId}
                type="checkbox"
                checked={siteOn}
                aria-describedby={hintId}
                onClick={(e) => {
                  const on = e.currentTarget.checked;
                  e.currentTarget.checked = siteOn; // shown as saved, once saved
                  void choose(e, { site: siteId, on });
                }}
              />
              <label for={boxId}>{t('autoFillSite', { site: pageSite(siteId)!.name })}</label>
            </div>
            {accounts
              .filter((a) => a.site === siteId)
              .map((a) => (
                <Field key={a.id} label={t('autoFillAccount', { account: a.label })}>
                  {({ id }) => (
                    <select
                      id={id}
                      value={choiceOf(prefs, a.id)}
                      onChange={(e) => {
                        const value = e.currentTarget.value as AccountChoice;
                        e.currentTarget.value = choiceOf(prefs, a.id);
                        void choose(e, { accountId: a.id, on: value === 'site' ? null : value === 'on' });
                      }}
                    >
                      <option value="site">{siteOn ? t('autoFillAsSiteOn') : t('autoFillAsSiteOff')}</option>
                      <option value="on">{t('autoFillOn')}</option>
                      <option value="off">{t('autoFillOff')}</option>
                    </select>
                  )}
                </Field>
              ))}
          </div>
        );
      })}
      <Notice error={error} />
    </section>
  );
}
