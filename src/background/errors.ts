import { ERROR_CODES, type ErrorCode, type ProtocolError } from '../messages/protocol';

/** Thrown by handlers for an expected refusal; becomes a typed error reply. */
export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Partial<ProtocolError> = {},
  ) {
    super(message);
  }
}

// Errors of the pure core carry their own codes; these map them onto the protocol's.
const CORE_CODES: Record<string, ErrorCode> = {
  'illegal-transition': 'conflict',
  'reservation-mismatch': 'conflict',
  'wrong-account': 'conflict',
  'invalid-format': 'invalid',
  'not-found': 'not-found',
  'wrong-passphrase': 'wrong-passphrase',
  tampered: 'tampered',
  'unsupported-version': 'unsupported-version',
};

export function toProtocolError(e: unknown): ProtocolError {
  if (e instanceof Refusal) return { code: e.code, message: e.message, ...e.extra };
  const code = (e as { code?: unknown })?.code;
  const message = e instanceof Error ? e.message : '';
  if (typeof code === 'string') {
    const mapped = CORE_CODES[code] ?? ((ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined);
    const where = (e as { where?: unknown }).where;
    // Core errors are written never to contain secrets, so their messages pass through.
    if (mapped) return { code: mapped, message, ...(typeof where === 'string' ? { where } : {}) };
  }
  // Anything else is our bug: say so without echoing details that could carry data.
  return { code: 'internal', message: `Sparekey hit an internal error (${e instanceof Error ? e.name : typeof e}).` };
}
