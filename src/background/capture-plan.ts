// What saving a pending capture would do, and doing exactly that. A page can lie: it may show
// more codes than the site ever does, or keep showing new ones, and under X's rule every code
// saved beyond five invalidates an older one. So a capture is capped at what the site can show
// (SiteInfo.capture), the person is shown the codes it adds and the codes it would invalidate
// before Save, and Save carries the revision it was shown: a capture that changed since is not
// saved on that click.
import { msg } from '../i18n';
import type { CapturePreview, MergeSummary } from '../messages/protocol';
import { FORMATS, siteById } from '../sites/index';
import type { SiteInfo } from '../sites/types';
import { accountNamed, captureLabel } from '../vault/identity';
import { mergeCodes, previewMerge } from '../vault/merge';
import type { Account } from '../vault/types';
import { newAccount } from './accounts';
import type { Capture } from './captures';
import type { BackgroundDeps } from './deps';
import { Refusal } from './errors';
import type { OpenVault } from './open-vault';

/** The last characters of a code, enough to match it with the page, as the preview shows it. */
export const codeTail = (value: string) => `…${value.slice(-4)}`;

function targetAccount(vault: OpenVault, site: SiteInfo, capture: Pick<Capture, 'handle' | 'origin'>): Account | undefined {
  return accountNamed(vault.allAccounts(), site.id, captureLabel(capture.handle, site.name), capture.origin);
}

/** Which codes of `codes` the account does not hold yet (with the one "same account" rule). */
export function freshCount(vault: OpenVault, site: SiteInfo, origin: string, handle: string | undefined, codes: string[]) {
  const account = targetAccount(vault, site, { handle, origin });
  const known = new Set(account ? vault.codesOf(account.id).map((c) => c.value) : []);
  return { account, fresh: codes.filter((c) => !known.has(c)).length };
}

/** What Save would do now: the codes it adds and the account's codes it would invalidate. */
export function previewCapture(vault: OpenVault, capture: Capture, now: number): CapturePreview {
  const site = siteById(capture.site);
  const account = site && targetAccount(vault, site, capture);
  const codes = account ? vault.codesOf(account.id) : [];
  const known = new Set(codes.map((c) => c.value));
  const adds = capture.codes.filter((v) => !known.has(v));
  let invalidates: number[] = [];
  if (account) {
    const result = previewMerge(account, codes, adds, { now, source: 'page', formats: FORMATS });
    const existing = new Set(codes.map((c) => c.id));
    invalidates = result.invalidated.filter((c) => existing.has(c.id)).map((c) => c.seq).sort((a, b) => a - b);
  } else if (site) {
    // A new account: only the new codes themselves can push each other out (more than maxActive).
    const probe = newAccount(site, captureLabel(capture.handle, site.name), 'preview', now);
    const result = previewMerge(probe, [], adds, { now, source: 'page', formats: FORMATS });
    invalidates = result.invalidated.map((c) => c.seq).sort((a, b) => a - b);
  }
  return { revision: capture.revision, adds: adds.map(codeTail), invalidates };
}

/**
 * Adds a confirmed capture to the account named by its handle (created on first save), if it is
 * still the capture the person was shown (`revision`).
 */
export async function saveCapture(deps: BackgroundDeps, vault: OpenVault, capture: Capture, revision: number): Promise<MergeSummary> {
  if (capture.revision !== revision) throw new Refusal('conflict', msg('bgCaptureChanged'));
  const site = siteById(capture.site);
  if (!site) throw new Refusal('invalid', msg('bgUnknownSiteShort'));
  let account = targetAccount(vault, site, capture);
  if (!account) {
    account = newAccount(site, captureLabel(capture.handle, site.name), deps.newId(), deps.now());
    await vault.putAccount(account, [{ id: deps.newId(), at: deps.now(), kind: 'account-added', accountId: account.id }]);
  }
  const result = mergeCodes(account, vault.codesOf(account.id), capture.codes, {
    now: deps.now(),
    newId: deps.newId,
    source: 'page',
    origin: capture.origin,
    batch: deps.newId(),
    formats: FORMATS,
  });
  await vault.apply(account, result);
  return {
    accountId: account.id,
    added: result.added.length,
    duplicates: result.duplicates,
    invalid: result.invalid,
    invalidated: result.invalidated.length,
  };
}

/**
 * The codes a page reported, as a capture may hold them: refused outright when one screen shows
 * more than the site ever does; otherwise joined to the tab's pending capture, of which only the
 * newest `kept` stay (older ones are no longer valid at the site anyway).
 */
export function checkSeen(site: SiteInfo, values: readonly string[]): void {
  const limit = site.capture?.perScreen;
  if (limit !== undefined && values.length > limit)
    throw new Refusal('invalid', msg('bgCaptureTooMany', { site: site.name, count: limit }));
}
