// Small building blocks shared by the screens.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ProtocolError, Result } from '../messages/protocol';
import { estimateStrength, MIN_LENGTH } from '../passphrase/strength';
import { siteById } from '../sites/index';
import { errorText } from './api';
import { t } from './i18n';

/**
 * A screen: a labelled region whose heading takes focus when the screen is opened by the person
 * (not on first paint), so keyboard and screen-reader users land on what just appeared.
 */
export function Screen(props: { title: string; focus?: boolean; children: ComponentChildren; actions?: ComponentChildren }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focus) heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby={id} class="screen">
      <div class="screen-head">
        <h2 id={id} tabIndex={-1} ref={heading}>
          {props.title}
        </h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

/** An error (assertive) or a confirmation (polite) that screen readers announce. */
export function Notice(props: { error?: ProtocolError | string | null; ok?: string | null }) {
  if (props.error) {
    const text = typeof props.error === 'string' ? props.error : errorText(props.error);
    return (
      <p class="notice error" role="alert">
        {text}
      </p>
    );
  }
  return (
    <p class="notice ok" role="status">
      {props.ok ?? ''}
    </p>
  );
}

/** Runs one request at a time and keeps its error; `run` resolves to the value or undefined. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ProtocolError | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  async function run<T>(task: () => Promise<Result<T>>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const reply = await task();
      if (!alive.current) return undefined;
      if (!reply.ok) {
        setError(reply.error);
        return undefined;
      }
      return reply.value;
    } finally {
      if (alive.current) setBusy(false);
    }
  }
  return { busy, error, setError, run };
}

export function Field(props: {
  label: string;
  hint?: string;
  children: (ids: { id: string; describedBy: string | undefined }) => ComponentChildren;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children({ id, describedBy: props.hint ? hintId : undefined })}
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** Focuses the element once it is in the page (the autofocus attribute is unreliable for late inserts). */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, []);
  return ref;
}

export function PassphraseInput(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  const id = useId();
  const ref = useFocusOnMount<HTMLInputElement>(props.autoFocus === true);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={ref}
        type="password"
        value={props.value}
        autoComplete={props.autoComplete}
        spellcheck={false}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? 'true' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** The person-facing verdict for a passphrase, in the popup's language. */
export function strengthText(passphrase: string): string {
  const s = estimateStrength(passphrase);
  if (passphrase.length === 0) return t('strengthEmpty');
  if ([...passphrase].length < MIN_LENGTH) return t('strengthShort', { min: MIN_LENGTH });
  return [t('strengthCommon'), t('strengthWeak'), t('strengthFair'), t('strengthGood'), t('strengthStrong')][s.level]!;
}

/** Live strength of a new passphrase: a meter and one sentence, announced politely. */
export function StrengthMeter(props: { passphrase: string; id: string }) {
  const s = estimateStrength(props.passphrase);
  return (
    <div class="strength" data-level={s.level}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={s.level} aria-label={t('strengthLabel')} />
      <p id={props.id} class="hint" aria-live="polite">
        {strengthText(props.passphrase)}
      </p>
    </div>
  );
}

/** Site marks are drawn here, never fetched: no request leaves the popup for an icon. */
const SITE_PATHS: Record<string, string> = {
  // X's mark (Simple Icons, CC0).
  x: 'M18.244 2.25h3.308l-7.227 8.26 8.502 11.24H16.17l-5.214-6.817L4.99 21.75H1.68l7.73-8.835L1.254 2.25H8.08l4.713 6.231zm-1.161 17.52h1.833L7.084 4.126H5.117z',
};

export function SiteIcon(props: { site: string }) {
  const path = SITE_PATHS[props.site];
  const name = siteById(props.site)?.name ?? props.site;
  return (
    <span class="site-icon" aria-hidden="true">
      {path ? (
        <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path d={path} fill="currentColor" />
        </svg>
      ) : (
        <span>{name.slice(0, 1).toUpperCase()}</span>
      )}
    </span>
  );
}

export function siteName(site: string): string {
  return siteById(site)?.name ?? site;
}
