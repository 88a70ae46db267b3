// A stand-in site for tests that do not need the X replica. Any path on any mapped host serves a
// plain page naming the host that served it (so a test can tell a page from an error), plus two
// pages that exercise the harness itself.
import type { RequestHandler } from './server';

const PAGES: Record<string, (host: string, cookie: string) => string> = {
  // What the browser sent as cookies (addCookie's check).
  '/harness/cookies': (_host, cookie) => `<main><h1>Cookies</h1><p id="cookies">${escapeHtml(cookie)}</p></main>`,
  // A closed shadow root with a button that records whether its click was trusted. The host tag
  // is randomized, as Sparekey's own will be.
  '/harness/closed-shadow': () => `
    <main><h1>Closed shadow root</h1></main>
    <script>
      const host = document.createElement('sk-' + Math.random().toString(36).slice(2, 8));
      document.body.append(host);
      const root = host.attachShadow({ mode: 'closed' });
      root.innerHTML = '<div role="dialog" aria-label="Fixture chip"><p>2 codes left</p>' +
        '<button type="button" aria-label="Use backup code">Use</button></div>';
      root.querySelector('button').addEventListener('click', (event) => {
        document.body.dataset.clicked = String(event.isTrusted);
      });
    </script>`,
  // A labelled field whose input events are counted, and a button that echoes its value.
  '/harness/form': () => `
    <main><h1>Form</h1>
      <label>Passphrase <input id="field" type="text"></label>
      <button type="button" id="show">Show</button>
      <p id="out"></p>
    </main>
    <script>
      let inputs = 0;
      document.getElementById('field').addEventListener('input', () => { inputs += 1; });
      document.getElementById('show').addEventListener('click', () => {
        document.getElementById('out').textContent = 'You typed: ' + document.getElementById('field').value + ' (' + (inputs > 0 ? 'with' : 'without') + ' input events)';
      });
    </script>`,
  // Two violations axe must report: an image without alt text and a button without a name.
  '/harness/a11y-broken': () => `
    <main><h1>Broken on purpose</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main>`,
};

export const fixtureSite: RequestHandler = (req, res) => {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const pathname = new URL(req.url ?? '/', 'https://fixture.invalid').pathname;
  if (pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const body =
    PAGES[pathname]?.(host, req.headers.cookie ?? '') ?? `<main><h1>Fixture page</h1><p id="served-host">${escapeHtml(host)}</p></main>`;
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture on ${escapeHtml(host)}</title></head><body>${body}</body></html>`);
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
