// The vault core: plain data and pure rules. No browser API, no storage, no clock.
export * from './types';
export * from './errors';
export * from './context';
export { formatIn, formatOf, genericFormat, type CodeFormat, type FormatId, type FormatTable } from './formats';
export { STATUS_RANK, TERMINAL, isActive, isTerminal } from './status';
export { REASONS, ARRIVAL_REASON, type Reason } from './reasons';
export { EVENT_KINDS } from './moves';
export {
  activeLimit,
  codesOf,
  counts,
  currentBatch,
  findCode,
  nextCode,
  previewUse,
  requiredInvalidations,
  type CodeCounts,
  type Invalidation,
} from './policy';
export {
  RESOLUTIONS,
  invalidate,
  markRejected,
  markUnconfirmed,
  markUnusedByHand,
  markUsed,
  markUsedByHand,
  release,
  reserve,
  resolveUnconfirmed,
  type InvalidateOptions,
  type ReserveOptions,
  type Resolution,
} from './transitions';
export { mergeCodes, previewMerge, type MergeCtx, type MergeResult } from './merge';
export { findCodes } from './paste';
export { EMPTY_SYNC_VAULT, mergeVaults, type SyncVault, type Tombstone } from './sync-merge';
export { adoptSitePolicy, type Adoption } from './adopt';
export * from './import/index';
export { accountNamed, captureLabel, labelKey, sameLabel } from './identity';
