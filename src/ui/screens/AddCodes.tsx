// Adding codes by paste or by the file a site hands out. Either way the person sees the codes
// Sparekey found before anything is saved, which of the account's codes saving would invalidate
// (a batch site's earlier set, X's codes beyond five: asked of the background, codes/preview), and
// afterwards how many were duplicates.
import { useEffect, useId, useState } from 'preact/hooks';
import type { AccountSummary, AddPreview, MergeSummary } from '../../messages/protocol';
import { invalidatesText } from '../../i18n/capture-preview';
import { IMPORTS, SITES, formatById, siteById } from '../../sites/index';
import type { FormatId } from '../../vault/formats';
import { detectImport, MAX_IMPORT_CHARS, type DetectedImport } from '../../vault/import/index';
import { findCodes } from '../../vault/paste';
import { sameLabel } from '../../vault/identity';
import { useSend } from '../api';
import { Field, Notice, Screen, accountSiteName, siteName, useAction } from '../components';
import { formatName, importKindName, t } from '../i18n';
import { usePermissions } from '../permissions';
import { OTHER_SITE_ID, parseSiteOrigin, patternOf, type OriginCheck } from '../../sites/generic/origin';
import type { AddMode } from './Accounts';

const NEW = 'new';

function formatOfSite(site: string): FormatId {
  return siteById(site)?.format ?? 'generic';
}

/** The address typed for another site, checked as the background will check it (a listed site's origin is that site's). */
const checkOrigin = (text: string) => parseSiteOrigin(text, (o) => SITES.find((s) => s.origins.includes(o))?.name);

function originProblem(check: Extract<OriginCheck, { ok: false }>): string {
  switch (check.problem) {
    case 'empty':
      return t('originProblemEmpty');
    case 'not-https':
      return t('originProblemNotHttps');
    case 'port':
      return t('originProblemPort');
    case 'ip':
      return t('originProblemIp');
    case 'local':
      return t('originProblemLocal');
    case 'known':
      return t('originProblemKnown', { site: check.site ?? '' });
    case 'not-a-site':
      return t('originProblemNotASite');
  }
}

export function AddCodes(props: {
  mode: AddMode;
  accountId?: string;
  onOpenAccount: (accountId: string) => void;
  onBack: () => void;
  focus?: boolean;
}) {
  const send = useSend();
  const permissions = usePermissions();
  const [mode, setMode] = useState<AddMode>(props.mode);
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [target, setTarget] = useState<string>(props.accountId ?? NEW);
  const [newSite, setNewSite] = useState<string>(SITES[0]!.id);
  const [newLabel, setNewLabel] = useState('');
  const [newOrigin, setNewOrigin] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; result?: DetectedImport; problem?: string } | null>(null);
  const [saved, setSaved] = useState<{ summary: MergeSummary; label: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();
  const modeName = useId();

  useEffect(() => {
    void send('accounts/list', {}).then((r) => {
      if (!r.ok) return action.setError(r.error);
      setAccounts(r.value);
      if (!props.accountId && r.value.length > 0) setTarget(r.value[0]!.id);
    });
  }, []);

  const account = accounts?.find((a) => a.id === target);
  const site = account ? account.site : newSite;
  const format = formatById(formatOfSite(site));
  const imported = mode === 'import' ? file?.result : undefined;
  // A plain list is lines of anything; only the lines that are codes of this account's format count.
  const importValues = imported
    ? imported.format === 'generic'
      ? imported.codes.filter((v) => format.normalize(v) !== null)
      : imported.codes
    : [];
  const leftOut = imported ? imported.codes.length - importValues.length : 0;
  const found = mode === 'paste' ? findCodes(text, format) : importValues;
  const preview = usePreview(account?.id, found);

  async function chooseFile(input: HTMLInputElement) {
    setSaved(null);
    setProblem(null);
    const chosen = input.files?.[0];
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_IMPORT_CHARS * 4) return setFile({ name: chosen.name, problem: t('importTooBig') });
    let result: DetectedImport;
    try {
      result = detectImport(chosen.name, await chosen.text(), IMPORTS);
    } catch {
      return setFile({ name: chosen.name, problem: t('importUnreadable') });
    }
    setFile({ name: chosen.name, result });
    // Point the import at the account the file names, or at a new one for the file's site.
    const fileSite = SITES.find((s) => s.format === result.format);
    const named = accounts?.find(
      (a) => (!fileSite || a.site === fileSite.id) && !!result.account && sameLabel(a.label, result.account),
    );
    if (named) setTarget(named.id);
    else if (fileSite && (!account || account.site !== fileSite.id)) {
      setTarget(NEW);
      setNewSite(fileSite.id);
      if (result.account) setNewLabel(result.account);
    }
  }

  /** A site file whose codes no account here can hold (its site isn't one Sparekey knows yet). */
  const mismatch =
    mode === 'import' && file?.result && file.result.format !== 'generic' && file.result.format !== format.id
      ? importKindName(file.result.parser)
      : null;

  async function save(e: Event) {
    e.preventDefault();
    if (action.busy) return;
    setSaved(null);
    if (found.length === 0)
      return setProblem(
        mode === 'paste'
          ? t('pasteNoneFound', { format: formatName(format.id) })
          : imported
            ? t('importNoneFound', { format: formatName(format.id) })
            : t('importChoose'),
      );
    if (mismatch) return setProblem(t('importMismatch', { kind: mismatch, site: siteName(site) }));
    if (target === NEW && !newLabel.trim()) return setProblem(t('newAccountLabelMissing'));
    const other = target === NEW && newSite === OTHER_SITE_ID ? checkOrigin(newOrigin) : null;
    if (other && !other.ok) return setProblem(originProblem(other));
    // Inside the click, before anything is awaited: the one moment a browser lets us ask for the
    // site the person just named (its exact origin, nothing wider). A "no" still saves the codes;
    // the accounts list offers the access again.
    const asked = other?.ok ? permissions.request([patternOf(other.origin)]).catch(() => false) : null;
    setProblem(null);
    let accountId = target;
    let label = account?.label ?? newLabel.trim();
    if (target === NEW) {
      const created = await action.run(() =>
        send('accounts/add', other?.ok ? { site: newSite, label: newLabel.trim(), origin: other.origin } : { site: newSite, label: newLabel.trim() }),
      );
      if (!created) return;
      accountId = created.id;
      label = created.label;
      setAccounts([...(accounts ?? []), created]);
      setTarget(created.id);
    }
    const summary = await action.run(() =>
      send('codes/add', { accountId, values: found, source: mode === 'paste' ? 'paste' : 'import' }),
    );
    if (!summary) return;
    // The background registers the page watcher for the origin once the browser said yes.
    if (asked && (await asked)) await send('sites/access', {});
    setSaved({ summary, label });
    setText('');
    setFile(null);
  }

  return (
    <Screen
      title={t('addTitle')}
      focus={props.focus}
      actions={
        <button type="button" onClick={props.onBack}>
          {t('back')}
        </button>
      }
    >
      <form onSubmit={save} noValidate>
        <fieldset class="choice">
          <legend>{t('addHow')}</legend>
          {(['paste', 'import'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={modeName}
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setProblem(null);
                }}
              />
              {m === 'paste' ? t('addHowPaste') : t('addHowImport')}
            </label>
          ))}
        </fieldset>

        <Field label={t('addTo')}>
          {({ id }) => (
            <select id={id} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
              {(accounts ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {t('accountOption', { account: a.label, site: accountSiteName(a) })}
                </option>
              ))}
              <option value={NEW}>{t('newAccountOption')}</option>
            </select>
          )}
        </Field>
        {target === NEW && (
          <div class="group">
            <Field label={t('newAccountSite')}>
              {({ id }) => (
                <select id={id} value={newSite} onChange={(e) => setNewSite(e.currentTarget.value)}>
                  {SITES.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                  <option value={OTHER_SITE_ID}>{t('newAccountOtherSite')}</option>
                </select>
              )}
            </Field>
            {newSite === OTHER_SITE_ID && <OriginField value={newOrigin} onInput={setNewOrigin} />}
            <Field label={t('newAccountLabel')} hint={t('newAccountLabelHint')}>
              {({ id, describedBy }) => (
                <input
                  id={id}
                  value={newLabel}
                  autoComplete="username"
                  spellcheck={false}
                  aria-describedby={describedBy}
                  onInput={(e) => setNewLabel(e.currentTarget.value)}
                />
              )}
            </Field>
          </div>
        )}

        {mode === 'paste' ? (
          <Field label={t('pasteLabel')} hint={t('pasteHint', { format: formatName(format.id) })}>
            {({ id, describedBy }) => (
              <textarea
                id={id}
                rows={4}
                value={text}
                spellcheck={false}
                autoComplete="off"
                aria-describedby={describedBy}
                onInput={(e) => {
                  setText(e.currentTarget.value);
                  setSaved(null);
                }}
              />
            )}
          </Field>
        ) : (
          <Field label={t('importLabel')} hint={t('importHint')}>
            {({ id, describedBy }) => (
              <input
                id={id}
                type="file"
                accept=".txt,.text,.csv,.list,text/plain"
                aria-describedby={describedBy}
                onChange={(e) => void chooseFile(e.currentTarget)}
              />
            )}
          </Field>
        )}

        {mode === 'import' && file?.problem && <Notice error={file.problem} />}
        {imported && (
          <p class="hint">
            {t('importDetected', { kind: importKindName(imported.parser), count: imported.codes.length })}
            {imported.alreadyUsed ? ` ${t('importAlreadyUsed', { count: imported.alreadyUsed })}` : ''}
            {leftOut > 0 ? ` ${t('importLeftOut', { format: formatName(format.id), count: leftOut })}` : ''}
          </p>
        )}
        {imported && importValues.length === 0 && <Notice error={t('importNoneFound', { format: formatName(format.id) })} />}

        <div aria-live="polite">
          {found.length > 0 && (
            <div class="found">
              <p id="found-h">{t('foundCount', { count: found.length, format: formatName(format.id) })}</p>
              <ol class="found-list" aria-labelledby="found-h">
                {found.map((v) => (
                  <li key={v}>
                    <code>{format.normalize(v) ? format.display(format.normalize(v)!) : v}</code>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>
        {preview && preview.invalidates.length > 0 && (
          <p class="warn" role="status">
            {invalidatesText(preview.invalidates, siteName(site), account?.policy.kind)}
          </p>
        )}
        <Notice
          error={problem ?? action.error}
          ok={saved ? t('addedTo', { account: saved.label, count: saved.summary.added }) : null}
        />
        {saved && (saved.summary.duplicates > 0 || saved.summary.invalid > 0 || saved.summary.invalidated > 0) && (
          <ul class="hint">
            {saved.summary.duplicates > 0 && <li>{t('skippedDuplicates', { count: saved.summary.duplicates })}</li>}
            {saved.summary.invalid > 0 && <li>{t('skippedInvalid', { count: saved.summary.invalid })}</li>}
            {saved.summary.invalidated > 0 && <li>{t('invalidatedByNew', { count: saved.summary.invalidated })}</li>}
          </ul>
        )}
        <div class="row">
          <button type="submit" class="primary" aria-busy={action.busy}>
            {found.length > 0 ? t('saveCodes', { count: found.length }) : t('saveCodesNone')}
          </button>
          {saved && (
            <button type="button" onClick={() => props.onOpenAccount(saved.summary.accountId)}>
              {t('openAccount', { account: saved.label })}
            </button>
          )}
        </div>
      </form>
    </Screen>
  );
}

/**
 * What saving `values` into the account would do, asked again whenever they change; the answer to
 * an older question is dropped. None for a new account (nothing to invalidate) or no values.
 */
function usePreview(accountId: string | undefined, values: readonly string[]): AddPreview | null {
  const send = useSend();
  const [preview, setPreview] = useState<{ key: string; value: AddPreview } | null>(null);
  const key = accountId && values.length > 0 ? `${accountId}\n${values.join('\n')}` : '';
  useEffect(() => {
    if (!key) return;
    let current = true;
    void send('codes/preview', { accountId: accountId!, values: [...values] }).then((r) => {
      if (current && r.ok) setPreview({ key, value: r.value });
    });
    return () => {
      current = false;
    };
  }, [key]);
  return preview && preview.key === key ? preview.value : null;
}

/** The address of another site, with the exact origin Sparekey will use once it is one (punycode shown as such). */
function OriginField(props: { value: string; onInput: (value: string) => void }) {
  const check = props.value.trim() ? checkOrigin(props.value) : null;
  return (
    <Field label={t('newAccountOrigin')} hint={t('newAccountOriginHint')}>
      {({ id, describedBy }) => (
        <>
          <input
            id={id}
            type="url"
            inputMode="url"
            value={props.value}
            placeholder="https://"
            autoComplete="off"
            spellcheck={false}
            aria-describedby={describedBy}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
          {check && (
            <p class={check.ok ? 'hint' : 'warn'} role="status">
              {check.ok ? t('originWillUse', { origin: check.origin }) : originProblem(check)}
            </p>
          )}
        </>
      )}
    </Field>
  );
}
