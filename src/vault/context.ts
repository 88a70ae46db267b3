import type { Code, VaultEvent } from './types';

/** Time and ids come from the caller, so every rule is deterministic and testable. */
export interface VaultCtx {
  now: number;
  /** A fresh unique id; event ids should sort by time. */
  newId: () => string;
}

/** What a rule returns: the account's codes after the move, those that changed, events to log. */
export interface TransitionResult {
  codes: Code[];
  changed: Code[];
  events: VaultEvent[];
}
