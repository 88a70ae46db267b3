// The capture pipeline, from the codes a page reports to the vault: seen (normalized, capped and
// held in the CaptureBox, captures.ts) → shown (the banner's and the popup's counts and preview,
// capture-plan.ts) → saved or dismissed. The page's banner and the popup take the same steps; a
// page may only touch the captures of its own tab and origin.
import { msg } from '../i18n';
import type { CaptureSeen, MergeSummary, PendingCapture } from '../messages/protocol';
import { formatById, siteById } from '../sites/index';
import { captureLabel } from '../vault/identity';
import { checkSeen, freshCount, previewCapture, saveCapture } from './capture-plan';
import type { Capture, CaptureBox } from './captures';
import type { BackgroundDeps } from './deps';
import { Refusal } from './errors';
import type { ContentCaller } from './router';

/** Codes a page reports (content/codes-seen): held until the person confirms, with what Save would do. */
export function seeCodes(
  deps: BackgroundDeps,
  captures: CaptureBox,
  caller: ContentCaller,
  codes: readonly string[],
  handle: string | undefined,
): Promise<CaptureSeen> {
  return deps.queue(async () => {
    const format = formatById(caller.site.format);
    const values = [...new Set(codes.map((c) => format.normalize(c)).filter((c): c is string => c !== null))];
    if (values.length === 0) throw new Refusal('invalid', msg('bgNoCodeSeen'));
    checkSeen(caller.site, values);
    const capture: Omit<Capture, 'revision'> = {
      id: deps.newId(),
      tabId: caller.tabId,
      origin: caller.origin,
      site: caller.site.id,
      codes: values,
      seenAt: deps.now(),
    };
    if (handle) capture.handle = handle;
    const kept = caller.site.capture?.kept;
    if (!deps.session.isUnlocked() && (await deps.session.state()) !== 'unlocked') {
      const held = await captures.put(capture, kept);
      deps.changed();
      return { state: 'locked', captureId: held.id, fresh: held.codes.length };
    }
    const vault = await deps.session.unlocked();
    const label = captureLabel(handle, caller.site.name);
    const { fresh } = freshCount(vault, caller.site, caller.origin, handle, values);
    if (fresh === 0) return { state: 'ready', fresh: 0, label };
    const held = await captures.put(capture, kept);
    const pending = freshCount(vault, caller.site, caller.origin, handle, held.codes);
    deps.changed();
    return { state: 'ready', captureId: held.id, fresh: pending.fresh, label, preview: previewCapture(vault, held, deps.now()) };
  });
}

/** A capture the calling page may act on: its own tab's, on its own origin. */
async function pagesCapture(captures: CaptureBox, captureId: string, caller: ContentCaller, gone: () => Refusal): Promise<Capture> {
  const capture = await captures.get(captureId);
  if (!capture || capture.tabId !== caller.tabId || capture.origin !== caller.origin) throw gone();
  return capture;
}

/** Saves a pending capture (the popup's Save; the banner's through savePagesCapture). */
export function saveCaptured(
  deps: BackgroundDeps,
  captures: CaptureBox,
  captureId: string,
  revision: number,
  find: (captureId: string) => Promise<Capture> = async (id) => {
    const capture = await captures.get(id);
    if (!capture) throw new Refusal('not-found', msg('bgCaptureGone'));
    return capture;
  },
): Promise<MergeSummary> {
  return deps.queue(async () => {
    const vault = await deps.session.unlocked();
    const capture = await find(captureId);
    const summary = await saveCapture(deps, vault, capture, revision);
    await captures.remove(captureId);
    deps.changed();
    return summary;
  });
}

/** The banner's Save (content/codes-save): only the calling tab's own capture. */
export function savePagesCapture(deps: BackgroundDeps, captures: CaptureBox, caller: ContentCaller, captureId: string, revision: number) {
  return saveCaptured(deps, captures, captureId, revision, (id) =>
    pagesCapture(captures, id, caller, () => new Refusal('not-found', msg('bgCaptureGoneReload'))),
  );
}

/** Forgets a pending capture unsaved (the popup's dismiss). */
export async function dismissCapture(deps: BackgroundDeps, captures: CaptureBox, captureId: string): Promise<{ dismissed: string }> {
  await captures.remove(captureId);
  deps.changed();
  return { dismissed: captureId };
}

/** The banner's dismiss (content/codes-dismiss): only the calling tab's own capture. */
export async function dismissPagesCapture(deps: BackgroundDeps, captures: CaptureBox, caller: ContentCaller, captureId: string) {
  await pagesCapture(captures, captureId, caller, () => new Refusal('not-found', msg('bgCaptureGone')));
  return dismissCapture(deps, captures, captureId);
}

/** The popup's list of pending captures, counted with the banner's rule (they agree). */
export async function pendingCaptures(deps: BackgroundDeps, captures: CaptureBox): Promise<PendingCapture[]> {
  const vault = deps.session.isUnlocked() ? await deps.session.unlocked() : undefined;
  return (await captures.all()).map((c) => {
    const site = siteById(c.site);
    const fresh = vault && site ? freshCount(vault, site, c.origin, c.handle, c.codes).fresh : c.codes.length;
    const p: PendingCapture = {
      id: c.id,
      tabId: c.tabId,
      origin: c.origin,
      site: c.site,
      fresh,
      seenAt: c.seenAt,
    };
    if (c.handle) p.handle = c.handle;
    if (vault && fresh > 0) p.preview = previewCapture(vault, c, deps.now());
    return p;
  });
}
