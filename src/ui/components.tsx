// Small building blocks shared by the screens.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ProtocolError, Result } from '../messages/protocol';
import { estimateStrength } from '../passphrase/strength';
import { strengthMessage } from '../passphrase/text';
import { siteById } from '../sites/index';
import { OTHER_SITE_ID } from '../sites/generic/origin';
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
          {/* Isolated: an account's name ("@alice") keeps its @ in front in a right-to-left popup. */}
          <bdi>{props.title}</bdi>
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
  return strengthMessage(estimateStrength(passphrase));
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
      {props.passphrase.length > 0 && !s.acceptable && <p class="hint">{t('strengthWhy')}</p>}
    </div>
  );
}

/**
 * Site marks are drawn here, never fetched: no request leaves the popup for an icon. Each is the
 * site's monochrome mark from Simple Icons (CC0, simpleicons.org), on a 24×24 view box.
 */
export const SITE_PATHS: Readonly<Record<string, string>> = {
  x: 'M18.244 2.25h3.308l-7.227 8.26 8.502 11.24H16.17l-5.214-6.817L4.99 21.75H1.68l7.73-8.835L1.254 2.25H8.08l4.713 6.231zm-1.161 17.52h1.833L7.084 4.126H5.117z',
  github:
    'M12 .297c-6.63 0-12 5.373-12 12 0 5.303 3.438 9.8 8.205 11.385.6.113.82-.258.82-.577 0-.285-.01-1.04-.015-2.04-3.338.724-4.042-1.61-4.042-1.61C4.422 18.07 3.633 17.7 3.633 17.7c-1.087-.744.084-.729.084-.729 1.205.084 1.838 1.236 1.838 1.236 1.07 1.835 2.809 1.305 3.495.998.108-.776.417-1.305.76-1.605-2.665-.3-5.466-1.332-5.466-5.93 0-1.31.465-2.38 1.235-3.22-.135-.303-.54-1.523.105-3.176 0 0 1.005-.322 3.3 1.23.96-.267 1.98-.399 3-.405 1.02.006 2.04.138 3 .405 2.28-1.552 3.285-1.23 3.285-1.23.645 1.653.24 2.873.12 3.176.765.84 1.23 1.91 1.23 3.22 0 4.61-2.805 5.625-5.475 5.92.42.36.81 1.096.81 2.22 0 1.606-.015 2.896-.015 3.286 0 .315.21.69.825.57C20.565 22.092 24 17.592 24 12.297c0-6.627-5.373-12-12-12',
  google:
    'M12.48 10.92v3.28h7.84c-.24 1.84-.853 3.187-1.787 4.133-1.147 1.147-2.933 2.4-6.053 2.4-4.827 0-8.6-3.893-8.6-8.72s3.773-8.72 8.6-8.72c2.6 0 4.507 1.027 5.907 2.347l2.307-2.307C18.747 1.44 16.133 0 12.48 0 5.867 0 .307 5.387.307 12s5.56 12 12.173 12c3.573 0 6.267-1.173 8.373-3.36 2.16-2.16 2.84-5.213 2.84-7.667 0-.76-.053-1.467-.173-2.053H12.48z',
  gitlab:
    'M23.955 13.587l-1.342-4.135-2.664-8.189c-.135-.423-.73-.423-.867 0L16.418 9.45H7.582L4.919 1.263C4.783.84 4.185.84 4.05 1.26L1.386 9.449.044 13.587c-.121.375.014.789.331 1.023L12 23.054l11.625-8.443c.318-.235.453-.647.33-1.024',
  discord:
    'M20.317 4.3698a19.7913 19.7913 0 00-4.8851-1.5152.0741.0741 0 00-.0785.0371c-.211.3753-.4447.8648-.6083 1.2495-1.8447-.2762-3.68-.2762-5.4868 0-.1636-.3933-.4058-.8742-.6177-1.2495a.077.077 0 00-.0785-.037 19.7363 19.7363 0 00-4.8852 1.515.0699.0699 0 00-.0321.0277C.5334 9.0458-.319 13.5799.0992 18.0578a.0824.0824 0 00.0312.0561c2.0528 1.5076 4.0413 2.4228 5.9929 3.0294a.0777.0777 0 00.0842-.0276c.4616-.6304.8731-1.2952 1.226-1.9942a.076.076 0 00-.0416-.1057c-.6528-.2476-1.2743-.5495-1.8722-.8923a.077.077 0 01-.0076-.1277c.1258-.0943.2517-.1923.3718-.2914a.0743.0743 0 01.0776-.0105c3.9278 1.7933 8.18 1.7933 12.0614 0a.0739.0739 0 01.0785.0095c.1202.099.246.1981.3728.2924a.077.077 0 01-.0066.1276 12.2986 12.2986 0 01-1.873.8914.0766.0766 0 00-.0407.1067c.3604.698.7719 1.3628 1.225 1.9932a.076.076 0 00.0842.0286c1.961-.6067 3.9495-1.5219 6.0023-3.0294a.077.077 0 00.0313-.0552c.5004-5.177-.8382-9.6739-3.5485-13.6604a.061.061 0 00-.0312-.0286zM8.02 15.3312c-1.1825 0-2.1569-1.0857-2.1569-2.419 0-1.3332.9555-2.4189 2.157-2.4189 1.2108 0 2.1757 1.0952 2.1568 2.419 0 1.3332-.9555 2.4189-2.1569 2.4189zm7.9748 0c-1.1825 0-2.1569-1.0857-2.1569-2.419 0-1.3332.9554-2.4189 2.1569-2.4189 1.2108 0 2.1757 1.0952 2.1568 2.419 0 1.3332-.946 2.4189-2.1568 2.4189z',
  proton:
    'M2.474 17.75V24h4.401v-5.979c0-.582.232-1.14.645-1.551a2.204 2.204 0 0 1 1.556-.643h4.513a7.955 7.955 0 0 0 5.612-2.318 7.907 7.907 0 0 0 2.325-5.595 7.91 7.91 0 0 0-2.325-5.596A7.958 7.958 0 0 0 13.587 0H2.474v7.812h4.401V4.129h6.416c.995 0 1.951.394 2.656 1.097.704.7 1.1 1.653 1.101 2.646a3.742 3.742 0 0 1-1.101 2.648 3.766 3.766 0 0 1-2.656 1.097H8.627a6.158 6.158 0 0 0-4.352 1.795 6.133 6.133 0 0 0-1.801 4.338Z',
  mozilla:
    'M0 8.569v6.861h24V8.569H0zm17.333.873h.846l-1.298 4.584h-.848l1.3-4.584zm1.748 0h.847l-1.301 4.584h-.846l1.3-4.584zM3.6 10.964c.433 0 .831.207.978.646.156-.402.551-.662.982-.646.539 0 1.034.326 1.034 1.039v1.369h.386v.654H5.726v-1.688c0-.521-.176-.721-.515-.721-.413 0-.577.293-.577.715v1.045h.397v.654h-1.26v-1.695c0-.52-.173-.721-.513-.721-.413 0-.58.295-.58.717v1.045h.572v.654H1.427v-.654h.401v-1.699h-.403v-.652h1.26v.449c.183-.329.538-.528.915-.511zm5.367 0c1.081 0 1.604.728 1.604 1.568 0 .959-.692 1.564-1.652 1.564-.927 0-1.567-.564-1.567-1.525 0-.88.535-1.607 1.615-1.607zm12.424 0c.646 0 1.197.334 1.197 1.021v1.298c0 .176.064.236.202.236.044-.002.087-.008.126-.021l.021.461c-.165.09-.352.139-.54.139-.398 0-.618-.232-.657-.6-.174.307-.48.6-.966.6-.437 0-.932-.232-.932-.859 0-.74.715-.916 1.401-.916.166 0 .342.008.496.027v-.1c0-.306-.008-.67-.496-.67-.158-.012-.316.018-.461.084l-.098.34-.684-.073.104-.695c.527-.214.793-.272 1.287-.272zm-10.271.06h2.631l.066.451-1.666 1.902h.975l.139-.465.68.063-.186 1.057h-2.62l-.085-.455 1.653-1.898h-.941l-.132.465-.621-.066.108-1.051-.001-.003zm3.46 0h.899v1.08h-.899v-1.08zm-5.628.592c-.441 0-.713.327-.713.895 0 .52.24.92.705.92.449 0 .74-.352.74-.932.001-.605-.326-.883-.732-.883zm12.345 1.104c-.306 0-.569.085-.569.412 0 .193.089.344.351.344.306 0 .634-.22.651-.719-.142-.023-.288-.035-.433-.037zm-6.717.23h.899v1.08h-.899v-1.08z',
};

/** A site's mark, decorative: the site's name is always written next to it. */
/**
 * The app's mark beside its name: the icon (test/tools/make-icons.mjs draws the same shapes into
 * the PNGs) as inline SVG, so the popup's first frame fetches and decodes no image.
 */
export function AppMark() {
  return (
    <svg class="app-mark" viewBox="0 0 100 100" width="20" height="20" aria-hidden="true" focusable="false">
      <rect width="100" height="100" rx="20" fill="#0f766e" />
      <g fill="#fff">
        <path d="M33 33a17 17 0 1 0 0 34a17 17 0 1 0 0-34zm0 10a7 7 0 1 1 0 14a7 7 0 1 1 0-14z" fill-rule="evenodd" />
        <path d="M45 45.5h39v9h-39zM70 54.5h6v11.5h-6zM80 54.5h4v7.5h-4z" />
      </g>
    </svg>
  );
}

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

/** An account's site as people read it: another site's account is named by its host (pypi.org). */
export function accountSiteName(account: { site: string; origins: readonly string[] }): string {
  const origin = account.origins[0];
  return account.site === OTHER_SITE_ID && origin ? new URL(origin).host : siteName(account.site);
}
