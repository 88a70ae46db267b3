// How screens talk to the background: through a `send` taken from context, so component tests
// hand in a scripted one and the popup hands in the real client.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { send as realSend } from '../messages/client';
import type { ProtocolError } from '../messages/protocol';
import { t } from './i18n';

export type Send = typeof realSend;

export const SendContext = createContext<Send>(realSend);

export function useSend(): Send {
  return useContext(SendContext);
}

/** Seconds to wait, rounded up, for throttled unlocks. */
export function waitSeconds(error: ProtocolError): number {
  return Math.max(1, Math.ceil((error.retryAfterMs ?? 0) / 1000));
}

/**
 * The person-facing sentence for an error. Codes with one meaning get our own localised words;
 * for the rest the background's message is the specific one ("No two-factor code field on this
 * tab to fill."), so it is shown as it came (the background never puts a secret in a message).
 */
export function errorText(error: ProtocolError): string {
  switch (error.code) {
    case 'wrong-passphrase':
      return error.retryAfterMs ? t('errorWrongPassphraseWait', { count: waitSeconds(error) }) : t('errorWrongPassphrase');
    case 'throttled':
      return t('errorThrottled', { count: waitSeconds(error) });
    case 'mismatch':
      return t('errorMismatch');
    case 'weak-passphrase':
      return t('errorWeak');
    case 'locked':
      return t('errorLocked');
    case 'tampered':
      return t('errorTampered');
    case 'unsupported-version':
      return t('errorUnsupportedVersion');
    case 'internal':
      return t('errorInternal');
    default:
      return error.message || t('errorInternal');
  }
}
