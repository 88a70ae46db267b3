// The banner beside a screen that shows backup codes (X's backup-code screen): says exactly what
// Save would add and invalidate, saves on a person's click, and forgets a code on "Not now".
import { capturePreviewText } from '../i18n/capture-preview';
import type { CaptureSeen, ContentRequests } from '../messages/protocol';
import type { CodeScreen } from '../sites/types';
import type { PageContext } from './context';
import { directionOf, isVisibleRect, placeBanner, rectOf, viewportOf } from './place';
import { TEXT } from './text';
import type { PanelButton, PanelLike, PanelView } from './ui';

/** How long the "Saved" banner stays. */
const SAVED_MS = 4_000;

type BannerPhase = 'asking' | 'offer' | 'saving' | 'saved';

interface BannerState {
  key: string;
  screen: CodeScreen;
  phase: BannerPhase;
  seen?: CaptureSeen;
  status?: string;
  asked: number;
  panel: PanelLike;
}

/** An account as people write it: @handle (X, GitHub), or an e-mail address as it is (the Mozilla account). */
export const atHandle = (handle?: string) => (handle ? (handle.includes('@') ? handle : `@${handle}`) : undefined);

export class CaptureBanner {
  readonly #page: PageContext;
  #banner: BannerState | null = null;
  /** Codes the person said "Not now" to, on this page. */
  #dismissed = new Set<string>();

  constructor(page: PageContext) {
    this.#page = page;
  }

  get up(): boolean {
    return this.#banner !== null;
  }

  /** A scan found `screen` (or none): show, move or remove the banner. */
  update(screen: CodeScreen | null): void {
    const banner = this.#banner;
    if (!screen) {
      if (banner) this.remove();
      return;
    }
    const key = `${screen.codes.join(' ')}|${screen.handle ?? ''}`;
    if (banner && banner.key === key) {
      banner.screen = screen;
      this.#place(banner);
      return;
    }
    if (banner) this.remove();
    if (this.#dismissed.has(key)) return;
    const fresh: BannerState = { key, screen, phase: 'asking', asked: 0, panel: this.#page.panel('banner') };
    this.#banner = fresh;
    void this.#askCapture(fresh);
  }

  /** The background says the vault locked, unlocked or changed: ask again. */
  refresh(): void {
    if (this.#banner && (this.#banner.phase === 'offer' || this.#banner.phase === 'asking')) void this.#askCapture(this.#banner);
  }

  remove(): void {
    this.#banner?.panel.destroy();
    this.#banner = null;
  }

  async #askCapture(banner: BannerState): Promise<void> {
    const token = ++banner.asked;
    const body: ContentRequests['content/codes-seen']['req'] = { codes: banner.screen.codes };
    const handle = atHandle(banner.screen.handle);
    if (handle) body.handle = handle;
    const reply = await this.#page.send('content/codes-seen', body);
    if (this.#banner !== banner || token !== banner.asked) return;
    if (reply.ok) {
      banner.seen = reply.value;
      banner.phase = 'offer';
    } else {
      delete banner.seen;
    }
    this.#render(banner);
  }

  #view(banner: BannerState): PanelView | null {
    const handle = atHandle(banner.screen.handle);
    const notNow: PanelButton = { label: TEXT.notNow, secondary: true, onActivate: () => this.#dismiss(banner) };
    const status = banner.status ? { status: banner.status } : {};
    if (banner.phase === 'saved') return { message: TEXT.saved(banner.seen?.label ?? handle), buttons: [], ...status };
    const seen = banner.seen;
    if (!seen) return null;
    if (seen.state === 'locked')
      return { message: TEXT.unlockToSave, hint: TEXT.unlockToSaveHint, buttons: [notNow], ...status };
    if (seen.fresh === 0 || !seen.captureId || !seen.preview) return null;
    const message = banner.screen.codes.length > 1 ? TEXT.saveMany(banner.screen.codes.length, handle) : TEXT.saveOne(handle);
    if (banner.phase === 'saving') return { message, buttons: [], status: TEXT.saving };
    // Exactly what Save does, before the click: the codes it adds, and what it invalidates.
    const preview = seen.preview;
    const hint = preview ? capturePreviewText(preview, this.#page.adapter.site.name, this.#page.adapter.site.policy.kind) : undefined;
    return {
      message,
      ...(hint ? { hint } : {}),
      buttons: [{ label: TEXT.save, onActivate: () => void this.#save(banner) }, notNow],
      ...status,
    };
  }

  #render(banner: BannerState): void {
    const view = this.#view(banner);
    if (!view) {
      banner.panel.hide();
      return;
    }
    banner.panel.render(view);
    this.#place(banner);
  }

  #place(banner: BannerState): void {
    if (!this.#view(banner)) return;
    const viewport = viewportOf(this.#page.doc);
    const anchor = rectOf(banner.screen.anchor);
    if (!banner.screen.anchor.isConnected || !isVisibleRect(anchor, viewport)) {
      banner.panel.hide();
      return;
    }
    banner.panel.watch(banner.screen.anchor);
    const size = banner.panel.measure();
    const container = banner.screen.container;
    banner.panel.show(placeBanner(rectOf(container), anchor, size, viewport, directionOf(container)));
  }

  async #save(banner: BannerState): Promise<void> {
    const captureId = banner.seen?.captureId;
    const revision = banner.seen?.preview?.revision;
    if (this.#banner !== banner || banner.phase !== 'offer' || !captureId || revision === undefined) return;
    banner.phase = 'saving';
    // A codes-seen question still out (a page/refresh just before the click) must not answer over
    // the save: its reply would put the banner back to 'offer', and with nothing new, hide it.
    banner.asked += 1;
    delete banner.status;
    this.#render(banner);
    const reply = await this.#page.send('content/codes-save', { captureId, revision, trusted: true });
    if (this.#banner !== banner) return;
    if (!reply.ok) {
      banner.phase = 'offer';
      banner.status = reply.error.message;
      this.#render(banner);
      // Locked meanwhile, or the capture expired: ask again so the banner tells the truth.
      void this.#askCapture(banner);
      return;
    }
    banner.phase = 'saved';
    this.#render(banner);
    this.#page.scope.setTimeout(() => {
      if (this.#banner !== banner) return;
      banner.panel.hide();
    }, SAVED_MS);
  }

  #dismiss(banner: BannerState): void {
    if (this.#banner !== banner) return;
    this.#dismissed.add(banner.key);
    // The background forgets the pending capture too, so the popup doesn't offer it later.
    const captureId = banner.seen?.captureId;
    if (captureId) void this.#page.send('content/codes-dismiss', { captureId, trusted: true });
    this.remove();
  }

  /** For tests and diagnostics (no secrets). */
  get state() {
    const banner = this.#banner;
    return banner ? { phase: banner.phase, seen: banner.seen, codes: banner.screen.codes.length } : null;
  }
}
