// The offer for the identifier typed earlier in this login, asked before the 2FA step appears, so
// the chip shows with X's input instead of a background round trip later.
import type { Offer } from '../messages/protocol';
import type { PageContext } from './context';

/** The identifier must rest this long before we ask ahead for its offer (it changes per key). */
const PREFETCH_QUIET_MS = 300;
/** An offer asked ahead is shown at once for this long; the chip asks again anyway. */
const PREFETCH_FRESH_MS = 60_000;

interface AskedAhead {
  hint: string;
  offer?: Offer;
  at: number;
  cancel?: () => void;
}

export class OfferAhead {
  readonly #page: Pick<PageContext, 'doc' | 'scope' | 'send'>;
  #ahead: AskedAhead | null = null;

  constructor(page: Pick<PageContext, 'doc' | 'scope' | 'send'>) {
    this.#page = page;
  }

  /**
   * Asks for the identifier's offer (no value, just what the chip would say) once the typing rests,
   * or at once when the login has moved past it (a password field is up), so a quick login still
   * finds the offer waiting at the 2FA step.
   */
  ask(hint: string | undefined): void {
    if (!hint) return;
    const { doc, scope, send } = this.#page;
    const now = doc.querySelector('input[type="password"]') !== null;
    const current = this.#ahead;
    // Same identifier: already asked (no timer left), or still waiting for the typing to rest.
    if (current?.hint === hint && (!current.cancel || !now)) return;
    current?.cancel?.();
    const ahead: AskedAhead = { hint, at: 0 };
    this.#ahead = ahead;
    const ask = () => {
      delete ahead.cancel;
      void send('content/prompt-seen', { mode: 'unknown', accountHint: hint }).then((reply) => {
        if (this.#ahead !== ahead || !reply.ok) return;
        ahead.offer = reply.value;
        ahead.at = Date.now();
      });
    };
    if (now) ask();
    else ahead.cancel = scope.setTimeout(ask, PREFETCH_QUIET_MS);
  }

  /** The offer asked ahead for this identifier, while fresh. */
  offer(hint: string | undefined): Offer | undefined {
    const ahead = this.#ahead;
    if (!ahead?.offer || ahead.hint !== hint || Date.now() - ahead.at > PREFETCH_FRESH_MS) return undefined;
    return ahead.offer;
  }

  /** The vault locked, unlocked or changed: what was asked ahead no longer holds. */
  forget(): void {
    this.#ahead?.cancel?.();
    this.#ahead = null;
  }
}
