// The shape of every message, checked on receipt before anything acts on it: request bodies by
// the background's router, page/* bodies by the page runtime and their answers by the background,
// the offscreen message by the offscreen document.
import { CODE_SOURCES } from '../vault/types';
import {
  OFFSCREEN_TARGET,
  STEP_MODES,
  type MessageName,
  type OffscreenMessage,
  type PageMessageName,
  type PageReq,
  type PageRes,
  type Req,
} from './protocol';
import { bool, int, list, literal, nullable, object, oneOf, optional, str, type Check } from './validate';

const id = str(64, 1);
const passphrase = str(1_024);
const empty = object({});
const codeValue = str(128, 1);

export const SCHEMAS: { [N in MessageName]: Check<Req<N>> } = {
  'vault/status': empty,
  'vault/create': object({ passphrase, confirm: passphrase }),
  'vault/unlock': object({ passphrase }),
  'vault/lock': empty,
  'vault/change-passphrase': object({ current: passphrase, next: passphrase, confirm: passphrase }),
  'settings/set': object({
    autoLockMinutes: optional(int(1, 480)),
    autoSubmit: optional(bool),
    clipboardClearSeconds: optional(int(0, 600)),
  }),
  'sync/status': empty,
  'sync/set': object({ on: bool, passphrase: optional(passphrase) }),
  'autofill/get': empty,
  'autofill/set': object({ site: optional(str(32, 1)), accountId: optional(id), on: nullable(bool), trusted: literal(true) }),
  'accounts/list': empty,
  'accounts/get': object({ accountId: id, reveal: optional(list(id, 1_000)) }),
  'accounts/add': object({ site: str(32, 1), label: str(200, 1), origin: optional(str(300, 1)) }),
  'accounts/rename': object({ accountId: id, label: str(200, 1) }),
  'accounts/delete': object({ accountId: id, confirmLabel: str(200) }),
  'codes/add': object({
    accountId: id,
    values: list(codeValue, 1_000),
    source: oneOf(CODE_SOURCES),
  }),
  'codes/preview': object({ accountId: id, values: list(codeValue, 1_000) }),
  'codes/set-status': object({
    accountId: id,
    codeId: id,
    status: oneOf(['used', 'unused', 'rejected', 'invalidated'] as const),
  }),
  'history/list': object({ accountId: optional(id), limit: optional(int(1, 10_000)) }),
  'captures/list': empty,
  'captures/save': object({ captureId: id, revision: int(1, 1_000_000) }),
  'captures/dismiss': object({ captureId: id }),
  'fill/active-tab': object({ accountId: optional(id), codeId: optional(id) }),
  'fill/active-tab-step': empty,
  'backup/export': object({ passphrase, own: bool, confirm: optional(passphrase) }),
  // 10 MB: far above a real vault's backup (about 1 KB per code), far below a memory problem.
  'backup/restore': object({ text: str(10_000_000, 1), passphrase }),
  'clipboard/clear-after': object({ seconds: int(1, 600) }),
  'sites/access': empty,
  'content/load-runtime': empty,
  'content/prompt-seen': object({
    mode: oneOf(STEP_MODES),
    accountHint: optional(str(200)),
  }),
  'content/request-fill': object({
    trusted: literal(true),
    accountHint: optional(str(200)),
    accountId: optional(id),
  }),
  'content/auto-fill': object({ mode: oneOf(STEP_MODES), accountHint: optional(str(200)) }),
  'content/undo-fill': object({ reservationId: id, trusted: literal(true) }),
  'content/report-outcome': object({
    reservationId: id,
    outcome: oneOf(['accepted', 'rejected', 'unknown'] as const),
  }),
  'content/submitted': object({ reservationId: id, successPaths: list(str(2_000, 1), 4) }),
  'content/codes-seen': object({ codes: list(codeValue, 20), handle: optional(str(200)) }),
  'content/codes-save': object({ captureId: id, revision: int(1, 1_000_000), trusted: literal(true) }),
  'content/codes-dismiss': object({ captureId: id, trusted: literal(true) }),
  'content/open-popup': object({ trusted: literal(true) }),
};

/** Background → page runtime: checked by the page runtime (content/main.ts). */
export const PAGE_SCHEMAS: { [N in PageMessageName]: Check<PageReq<N>> } = {
  'page/refresh': empty,
  'page/state': empty,
  'page/fill': object({ value: codeValue, reservationId: id, accountId: id, seq: int(1, 1_000_000_000), autoSubmit: bool }),
};

/** The page runtime's answers, checked by the background (sendToPage): a page's renderer is not trusted. */
export const PAGE_REPLIES: { [N in PageMessageName]: Check<PageRes<N>> } = {
  'page/refresh': () => undefined,
  'page/state': object({ challenge: nullable(oneOf(STEP_MODES)), accountHint: optional(str(200)) }),
  'page/fill': object({ filled: bool }),
};

/** Background → offscreen document: checked by the document (entrypoints/offscreen). 10 minutes at most, as settings allow. */
export const OFFSCREEN_SCHEMA: Check<OffscreenMessage> = object({
  target: literal(OFFSCREEN_TARGET),
  type: literal('clear-after'),
  delayMs: int(0, 600_000),
});
