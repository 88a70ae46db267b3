// The one protocol between Sparekey's contexts. Every message is named by its direction:
//   vault/*, accounts/*, codes/*, captures/*, settings/*, backup/*, sync/*  — extension page → background
//   content/*                                                      — content script → background
//   page/*                                                         — background → page runtime
//   the offscreen message (OFFSCREEN_TARGET)                       — background → offscreen document
// Replies are always a Result: errors are typed values, never thrown strings.

import type { Localized } from '../i18n';
import type { CodeSource, CodeStatus, Policy, SiteId, VaultEvent } from '../vault/types';

export const ERROR_CODES = [
  'no-vault', // nothing created yet
  'vault-exists',
  'locked',
  'wrong-passphrase',
  'throttled', // too many wrong passphrases: wait retryAfterMs
  'weak-passphrase',
  'mismatch', // passphrase and confirmation differ
  'not-allowed', // sender check failed
  'not-found',
  'conflict', // illegal transition, stale reservation, tab changed
  'invalid', // malformed request or input
  'tampered',
  'unsupported-version',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  /** Human-readable, in the browser's language (messages.json); never a code value or passphrase. */
  message: string;
  retryAfterMs?: number;
  /** For tampered records: which one (store/id). */
  where?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

// ---- shared shapes -------------------------------------------------------------------------

export type VaultState = 'no-vault' | 'locked' | 'unlocked';

export interface Settings {
  /** Auto-lock after this many idle minutes (1–480). */
  autoLockMinutes: number;
  /** Press the site's Next button after filling. Off by default. */
  autoSubmit: boolean;
  /** Clear a copied code from the clipboard after this many seconds (0 = never). */
  clipboardClearSeconds: number;
}

/**
 * "Fill the next backup code automatically" (issue 14), off by default: per site (by site id),
 * and per account (by account id), where an account's own choice beats its site's.
 */
export interface AutoFillPrefs {
  sites: Record<string, boolean>;
  accounts: Record<string, boolean>;
}

export interface VaultStatus {
  state: VaultState;
  settings: Settings;
  /** Records that failed to decrypt on unlock, by store/id. The rest of the vault is open. */
  damaged: string[];
}

/** Sync through the browser's storage.sync (issue 16), as the Settings screen shows it. */
export interface SyncStatus {
  enabled: boolean;
  /** What storage.sync holds now, as the browser counts it; absent before the first sync. */
  bytes?: number;
  /** What Sparekey lets itself use of storage.sync's quota (src/sync/quota.ts). */
  budget: number;
  /** Synced items skipped because they failed authentication or were unreadable. */
  skipped: number;
  /** The vault outgrew the budget: sync is paused at this size. */
  tooBig?: { bytes: number };
  /** Another device's vault is already synced: joining it needs its passphrase. */
  joinNeeded?: boolean;
  lastSyncAt?: number;
}

export type StatusCounts = Record<CodeStatus, number>;

export interface AccountSummary {
  id: string;
  site: SiteId;
  label: string;
  /** The exact origins its codes may be filled on (another site's account: the one the person named). */
  origins: string[];
  policy: Policy;
  counts: StatusCounts;
  /** Unused codes. */
  left: number;
  total: number;
  /** Reservations whose outcome nobody saw: the popup asks "Did this code work?". */
  unconfirmed: number;
}

export interface CodeView {
  id: string;
  seq: number;
  status: CodeStatus;
  source: CodeSource;
  capturedAt: number;
  /** Masked display (e.g. "••••  ••••  ab12"); the value only with reveal. */
  masked: string;
  value?: string;
  usedAt?: number;
  usedOrigin?: string;
  invalidatedBySeq?: number;
}

export interface AccountDetail extends AccountSummary {
  codes: CodeView[];
}

export interface MergeSummary {
  accountId: string;
  added: number;
  duplicates: number;
  invalid: number;
  invalidated: number;
}

/** What adding pasted or imported codes would do, shown before Save (codes/preview). */
export interface AddPreview {
  /** How many of the values are new codes for the account. */
  adds: number;
  duplicates: number;
  invalid: number;
  /** seq numbers of the account's codes that saving would invalidate (the site's rule). */
  invalidates: number[];
}

/** What saving a capture would do, shown before Save (background/capture-plan.ts). */
export interface CapturePreview {
  /** Save acts only on this revision of the capture. */
  revision: number;
  /** The codes it adds, each as its last characters ("…ab12"), in order. */
  adds: string[];
  /** seq numbers of the account's codes that saving would invalidate (the site's rule). */
  invalidates: number[];
}

export interface PendingCapture {
  id: string;
  tabId: number;
  origin: string;
  site: SiteId;
  handle?: string;
  /** How many of the seen codes are not yet in the vault. */
  fresh: number;
  seenAt: number;
  /** While unlocked: exactly what Save would add and invalidate. */
  preview?: CapturePreview;
}

/** What a restore did, per kind of change. */
export interface RestoreSummary {
  accountsAdded: number;
  accountsMerged: number;
  codesAdded: number;
  /** Codes already here whose status the backup moved forward (e.g. unused → used). */
  codesAdvanced: number;
  /** Codes already here with the same or a later status. */
  codesUnchanged: number;
  /** Records the backup held that could not be taken (unknown site, not a code of its format). */
  skipped: number;
}

/**
 * What kind of code a 2FA step asks for: the one list the site detectors (src/sites StepMode), the
 * messages and their schemas share. `email` is a code sent by e-mail (never a backup code);
 * `unknown` a code step we could not classify: offer, but never auto-submit.
 */
export const STEP_MODES = ['backup', 'app', 'email', 'unknown'] as const;
export type ChallengeMode = (typeof STEP_MODES)[number];

/** What a page's runtime says of itself (page/state). */
export interface PageState {
  challenge: ChallengeMode | null;
  accountHint?: string;
}
export type Outcome = 'accepted' | 'rejected' | 'unknown';

export interface AccountChoice {
  accountId: string;
  label: string;
  left: number;
}

export interface Offer {
  /**
   * locked: show "Unlock Sparekey"; none: no codes for this site; ready: offer `accountId`;
   * choose: several accounts fit and the login gave no hint, so the person picks from `choices`.
   */
  state: 'locked' | 'none' | 'ready' | 'choose';
  accountId?: string;
  label?: string;
  left: number;
  choices?: AccountChoice[];
  /** ready, but a fill on a page failed just now: the next code is released after this many ms. */
  waitMs?: number;
  /** ready, and the person turned auto-fill on for this account: the page may ask content/auto-fill. */
  autoFill?: true;
}

export interface FillGrant {
  value: string;
  reservationId: string;
  accountId: string;
  seq: number;
}

export interface CaptureSeen {
  state: 'locked' | 'ready';
  captureId?: string;
  /** Codes on the page not yet saved; 0 means "already saved". */
  fresh: number;
  label?: string;
  /** While unlocked and something is fresh: exactly what Save would add and invalidate. */
  preview?: CapturePreview;
}

// ---- messages ------------------------------------------------------------------------------

/** Extension page (popup, vault tab, offscreen) → background. */
export interface PageRequests {
  'vault/status': { req: Record<string, never>; res: VaultStatus };
  'vault/create': { req: { passphrase: string; confirm: string }; res: VaultStatus };
  'vault/unlock': { req: { passphrase: string }; res: VaultStatus };
  'vault/lock': { req: Record<string, never>; res: VaultStatus };
  'vault/change-passphrase': {
    req: { current: string; next: string; confirm: string };
    res: VaultStatus;
  };
  'settings/set': { req: Partial<Settings>; res: Settings };
  'sync/status': { req: Record<string, never>; res: SyncStatus };
  /** On or off; joining another device's synced vault takes its passphrase (the same as this one's). */
  'sync/set': { req: { on: boolean; passphrase?: string }; res: SyncStatus };
  'autofill/get': { req: Record<string, never>; res: AutoFillPrefs };
  /**
   * One auto-fill choice, after a trusted click in the popup: a site's (`site`, on or off) or an
   * account's (`accountId`; null hands the choice back to its site).
   */
  'autofill/set': { req: { site?: SiteId; accountId?: string; on: boolean | null; trusted: true }; res: AutoFillPrefs };
  'accounts/list': { req: Record<string, never>; res: AccountSummary[] };
  'accounts/get': { req: { accountId: string; reveal?: string[] }; res: AccountDetail };
  /** `origin`: for site 'other' only, the exact https origin the person named (src/sites/generic/origin.ts). */
  'accounts/add': { req: { site: SiteId; label: string; origin?: string }; res: AccountSummary };
  'accounts/rename': { req: { accountId: string; label: string }; res: AccountSummary };
  /** `confirmLabel` must equal the account's label: deletion is never one stray click. */
  'accounts/delete': { req: { accountId: string; confirmLabel: string }; res: { deleted: string } };
  'codes/add': {
    req: { accountId: string; values: string[]; source: CodeSource };
    res: MergeSummary;
  };
  /** What codes/add would do with these values now, changing nothing: shown before Save. */
  'codes/preview': { req: { accountId: string; values: string[] }; res: AddPreview };
  'codes/set-status': {
    req: {
      accountId: string;
      codeId: string;
      status: 'used' | 'unused' | 'rejected' | 'invalidated';
    };
    res: AccountDetail;
  };
  /**
   * The log, newest first. `damaged` names (store/id) every event record on the way that failed
   * to open: it is left as it is on disk and reported, never silently skipped.
   */
  'history/list': { req: { accountId?: string; limit?: number }; res: { events: VaultEvent[]; damaged: string[] } };
  'captures/list': { req: Record<string, never>; res: PendingCapture[] };
  /** `revision`: the preview the person saw; a capture changed since is refused ('conflict'). */
  'captures/save': { req: { captureId: string; revision: number }; res: MergeSummary };
  'captures/dismiss': { req: { captureId: string }; res: { dismissed: string } };
  /** Fill the next (or a chosen) code into the active tab's 2FA input. */
  'fill/active-tab': { req: { accountId?: string; codeId?: string }; res: { seq: number } };
  /**
   * Where "Fill on this tab" can land right now: the active tab's origin when its top frame shows
   * a site's 2FA step (not X's e-mailed code), else null. Asks the page; reveals nothing.
   */
  'fill/active-tab-step': { req: Record<string, never>; res: { origin: string | null } };
  /**
   * An encrypted backup file of the whole vault (src/backup). `own: false` seals it under the
   * vault passphrase, which must be typed again; `own: true` under a new one, typed twice.
   */
  'backup/export': {
    req: { passphrase: string; own: boolean; confirm?: string };
    res: { fileName: string; text: string; accounts: number; codes: number };
  };
  /** Merges a backup file into the open vault: statuses only move forward. */
  'backup/restore': { req: { text: string; passphrase: string }; res: RestoreSummary };
  /** Clear the clipboard after `seconds` (the popup may be closed by then). */
  'clipboard/clear-after': { req: { seconds: number }; res: { scheduled: boolean } };
  /**
   * After the popup's permissions.request/remove for a site read on request: the background
   * registers or unregisters that site's content script, and says where each such site stands.
   */
  'sites/access': { req: Record<string, never>; res: { site: string; granted: boolean; registered: boolean }[] };
}

/** Content script → background. The origin is always taken from the sender, never the body. */
export interface ContentRequests {
  /**
   * The always-on watcher saw a URL that could show a 2FA step or backup codes: load the page
   * runtime (adapter, inline UI) into this tab's top frame.
   */
  'content/load-runtime': { req: Record<string, never>; res: { loaded: true } };
  'content/prompt-seen': { req: { mode: ChallengeMode; accountHint?: string }; res: Offer };
  /** Only after a trusted click on our chip; `trusted` is the content script's attestation. */
  'content/request-fill': {
    req: { trusted: true; accountHint?: string; accountId?: string };
    res: FillGrant & { autoSubmit: boolean };
  };
  /**
   * The page runtime saw a backup-code step appear and its own checks passed (content/auto-fill.ts):
   * may it fill without a click? The background decides by its own checks (background/auto-fill.ts).
   */
  'content/auto-fill': {
    req: { mode: ChallengeMode; accountHint?: string };
    res: FillGrant & { autoSubmit: boolean };
  };
  /** "Undo" on the chip after an automatic fill: the code goes back to unused. */
  'content/undo-fill': { req: { reservationId: string; trusted: true }; res: Offer };
  'content/report-outcome': {
    req: { reservationId: string; outcome: Outcome };
    res: Offer;
  };
  /**
   * The person submitted the step we filled, on a site that answers with a new document (GitHub):
   * the background judges the tab's next load with the site's verdictAfterLoad and these paths.
   */
  'content/submitted': { req: { reservationId: string; successPaths: string[] }; res: { awaiting: true } };
  'content/codes-seen': { req: { codes: string[]; handle?: string }; res: CaptureSeen };
  'content/codes-save': { req: { captureId: string; revision: number; trusted: true }; res: MergeSummary };
  /** "Not now" on the capture banner: forget this tab's pending capture. */
  'content/codes-dismiss': { req: { captureId: string; trusted: true }; res: { dismissed: string } };
  /** "Unlock Sparekey" on the chip: open the popup where the browser allows it from here. */
  'content/open-popup': { req: { trusted: true }; res: { opened: boolean } };
}

/** Background → content script (tabs.sendMessage). */
export interface BackgroundToContent {
  /** The vault locked, unlocked or changed: re-ask prompt-seen / codes-seen. */
  'page/refresh': { req: Record<string, never>; res: void };
  /**
   * Which 2FA step the top frame shows now (null: none, or X's e-mailed code), and the identifier
   * typed earlier in this login, so a fill from outside the page picks the same account the chip
   * would. Asked before a fill.
   */
  'page/state': { req: Record<string, never>; res: PageState };
  /** A fill started from the popup, keyboard command or context menu. */
  'page/fill': { req: FillGrant & { autoSubmit: boolean }; res: { filled: boolean } };
}
export type PageMessageName = keyof BackgroundToContent;
export type PageReq<N extends PageMessageName> = BackgroundToContent[N]['req'];
export type PageRes<N extends PageMessageName> = BackgroundToContent[N]['res'];

/**
 * Background → Chrome's offscreen document (src/background/offscreen.ts). runtime.sendMessage
 * reaches every extension page, so the message names its target; it has no body envelope.
 */
export const OFFSCREEN_TARGET = 'sparekey-offscreen';
export interface OffscreenMessage {
  target: typeof OFFSCREEN_TARGET;
  /** Clear the clipboard after `delayMs` (the document keeps the timer: a worker has no clipboard). */
  type: 'clear-after';
  delayMs: number;
}

export type BackgroundRequests = PageRequests & ContentRequests;
export type MessageName = keyof BackgroundRequests;
export type Req<N extends MessageName> = BackgroundRequests[N]['req'];
export type Res<N extends MessageName> = BackgroundRequests[N]['res'];

export interface Envelope<N extends string = string> {
  type: N;
  body: unknown;
}

export const isContentMessage = (name: string): name is keyof ContentRequests =>
  name.startsWith('content/');

/** An error reply; its message comes from messages.json (msg), like a Refusal's. */
export function err(code: ErrorCode, message: Localized, extra?: Partial<ProtocolError>): Result<never> {
  return { ok: false, error: { code, message, ...extra } };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
