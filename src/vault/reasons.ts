import type { CodeSource } from './types';

// Why a code moved, as written into its history and the event log.
export const REASONS = {
  captured: 'captured',
  pasted: 'pasted',
  imported: 'imported',
  restored: 'restored',
  addedByHand: 'added-by-hand',
  reserved: 'reserved',
  /** Reserved and filled with no click: the person turned auto-fill on (issue 14). */
  filledAutomatically: 'filled-automatically',
  released: 'released',
  /** The person pressed Undo on the chip after an automatic fill: the code went back. */
  undone: 'auto-fill-undone',
  accepted: 'accepted',
  rejected: 'rejected',
  noOutcome: 'no-outcome',
  invalidated: 'invalidated',
  /** Ordered policy: a code with a higher seq was used. */
  invalidatedByUse: 'invalidated-by-use',
  /** Max-active / single policy: a newer code arrived. */
  invalidatedByNewer: 'invalidated-by-newer',
  /** Batch policy: a new set of codes arrived, and the site's new set replaces the old one. */
  invalidatedByNewBatch: 'invalidated-by-new-batch',
  markedUsedByHand: 'marked-used-by-hand',
  markedUnusedByHand: 'marked-unused-by-hand',
  resolvedUsed: 'resolved-used',
  resolvedRejected: 'resolved-rejected',
  resolvedUnused: 'resolved-unused',
  /** Sync: two devices filled this code at once (sync-merge.ts); the person says what happened. */
  reservedOnTwoDevices: 'reserved-on-two-devices',
} as const;
export type Reason = (typeof REASONS)[keyof typeof REASONS];

export const ARRIVAL_REASON: Readonly<Record<CodeSource, Reason>> = {
  page: REASONS.captured,
  paste: REASONS.pasted,
  import: REASONS.imported,
  restore: REASONS.restored,
  manual: REASONS.addedByHand,
};
