// Every error the background returns carries a sentence from messages.json, in the browser's
// language: the popup and the page show it as it came for several codes (src/ui/api.ts errorText,
// the chip's status). Handlers word their own refusals with msg(); the pure layers (vault, crypto,
// store, backup) throw typed errors with English messages for logs and tests only, and this is
// the one place those are worded for a person, from their code and detail.
import { NotABackupError } from '../backup/format';
import { CryptoError } from '../crypto/errors';
import { locales, msg, type Localized, type PlainKey } from '../i18n';
import type { ErrorCode, ProtocolError } from '../messages/protocol';
import { NoVaultError, VaultExistsError } from '../store/errors';
import { VaultError, type VaultAction } from '../vault/errors';
import type { CodeStatus } from '../vault/types';

/** Thrown by handlers for an expected refusal; becomes a typed error reply. */
export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    readonly code: ErrorCode,
    /** From msg(): a bare string literal here fails the type check. */
    message: Localized,
    readonly extra: Partial<ProtocolError> = {},
  ) {
    super(message);
  }
}

const STATUS_WORDS: Record<CodeStatus, PlainKey> = {
  unused: 'codeStatusWordUnused',
  reserved: 'codeStatusWordReserved',
  unconfirmed: 'codeStatusWordUnconfirmed',
  used: 'codeStatusWordUsed',
  rejected: 'codeStatusWordRejected',
  invalidated: 'codeStatusWordInvalidated',
};

const ACTION_WORDS: Record<VaultAction, PlainKey> = {
  reserved: 'codeActionReserved',
  released: 'codeActionReleased',
  used: 'codeActionUsed',
  rejected: 'codeActionRejected',
  unconfirmed: 'codeActionUnconfirmed',
  invalidated: 'codeActionInvalidated',
  'marked used': 'codeActionMarkedUsed',
  'marked unused': 'codeActionMarkedUnused',
  resolved: 'codeActionResolved',
};

/** "unused or reserved", in the browser's language. */
function either(statuses: readonly CodeStatus[]): string {
  const words = statuses.map((s) => msg(STATUS_WORDS[s]));
  return new Intl.ListFormat(locales().format, { type: 'disjunction' }).format(words);
}

function vaultError(e: VaultError): ProtocolError {
  const { seq, codeId, status, allowed, action } = e.detail;
  const id = codeId ?? '';
  const ref = seq ?? '?';
  switch (e.code) {
    case 'illegal-transition':
      return {
        code: 'conflict',
        message:
          status && allowed && action
            ? msg('coreIllegalTransition', { seq: ref, status: msg(STATUS_WORDS[status]), allowed: either(allowed), action: msg(ACTION_WORDS[action]) })
            : msg('errorInternal'),
      };
    case 'reservation-mismatch':
      return {
        code: 'conflict',
        message: action ? msg('coreReservationMismatch', { seq: ref, action: msg(ACTION_WORDS[action]) }) : msg('errorInternal'),
      };
    case 'wrong-account':
      return { code: 'conflict', message: msg('coreWrongAccount', { id }) };
    case 'not-found':
      return { code: 'not-found', message: msg('coreCodeNotFound', { id }) };
    case 'invalid-format':
      return { code: 'invalid', message: msg('coreInvalidFormat') };
  }
}

function cryptoError(e: CryptoError): ProtocolError {
  const where = 'where' in e && typeof e.where === 'string' ? e.where : '';
  switch (e.code) {
    case 'wrong-passphrase':
      return { code: 'wrong-passphrase', message: msg('coreWrongPassphrase') };
    case 'tampered':
      return { code: 'tampered', message: msg('coreTampered', { where }), where };
    case 'kdf-too-costly':
      // Refused before any derivation; 'invalid', so the popup shows this sentence as it is.
      return {
        code: 'invalid',
        message: where === 'backup' ? msg('coreKdfTooCostlyBackup') : msg('coreKdfTooCostlyHeader'),
        where,
      };
    case 'unsupported-version': {
      const version = (e as { version?: unknown }).version;
      return {
        code: 'unsupported-version',
        message:
          typeof version === 'number'
            ? msg('coreUnsupportedVersion', { version, where })
            : msg('coreUnsupportedVersionUnknown', { where }),
        where,
      };
    }
  }
}

export function toProtocolError(e: unknown): ProtocolError {
  if (e instanceof Refusal) return { code: e.code, message: e.message, ...e.extra };
  if (e instanceof VaultError) return vaultError(e);
  if (e instanceof CryptoError) return cryptoError(e);
  if (e instanceof VaultExistsError) return { code: 'vault-exists', message: msg('coreVaultExists') };
  if (e instanceof NoVaultError) return { code: 'no-vault', message: msg('coreNoVault') };
  if (e instanceof NotABackupError) return { code: 'invalid', message: msg('coreNotABackup') };
  // Anything else is our bug: say so without echoing details that could carry data.
  return { code: 'internal', message: msg('bgInternal', { kind: e instanceof Error ? e.name : typeof e }) };
}
