// Sync through the browser's own storage.sync (issue 16): the item format (items.ts), its quotas
// (quota.ts), and how a merged vault becomes a local change (apply.ts). Pure: no browser API.
export { SYNC_BUDGET_BYTES, SYNC_QUOTA, itemBytes, totalBytes } from './quota';
export { SYNC_EVENTS_PER_ACCOUNT, payloadJson } from './payload';
export {
  HEADER_KEY,
  INDEX_KEY,
  PART_BYTES,
  SKIP_REASONS,
  SYNC_FORMAT,
  decodeSync,
  parsePartKey,
  partKey,
  planSyncWrite,
  type DecodedSync,
  type SealedPart,
  type SkipReason,
  type Skipped,
  type SyncWrite,
  type TooBig,
} from './items';
export { slotKey, slotOf } from './slot';
export { isEmptyChange, localChange } from './apply';
export { SYNC_PACE, nextFlushAt, recentFlushes } from './pace';
