// The shape of every request body, checked before any handler runs.
import { CODE_SOURCES } from '../vault/types';
import type { MessageName, Req } from './protocol';
import { bool, int, list, literal, object, oneOf, optional, str, type Check } from './validate';

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
  'accounts/list': empty,
  'accounts/get': object({ accountId: id, reveal: optional(list(id, 1_000)) }),
  'accounts/add': object({ site: str(32, 1), label: str(200, 1) }),
  'accounts/rename': object({ accountId: id, label: str(200, 1) }),
  'accounts/delete': object({ accountId: id, confirmLabel: str(200) }),
  'codes/add': object({
    accountId: id,
    values: list(codeValue, 1_000),
    source: oneOf(CODE_SOURCES),
  }),
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
  'content/load-runtime': empty,
  'content/prompt-seen': object({
    mode: oneOf(['backup', 'app', 'email', 'unknown'] as const),
    accountHint: optional(str(200)),
  }),
  'content/request-fill': object({
    trusted: literal(true),
    accountHint: optional(str(200)),
    accountId: optional(id),
  }),
  'content/report-outcome': object({
    reservationId: id,
    outcome: oneOf(['accepted', 'rejected', 'unknown'] as const),
  }),
  'content/codes-seen': object({ codes: list(codeValue, 20), handle: optional(str(200)) }),
  'content/codes-save': object({ captureId: id, revision: int(1, 1_000_000), trusted: literal(true) }),
  'content/codes-dismiss': object({ captureId: id, trusted: literal(true) }),
  'content/open-popup': object({ trusted: literal(true) }),
};
