// A stand-in site for tests that do not need the X replica: one plain page at any path, which
// says which host served it. Enough for the smoke test to see whether the content script ran.
import type { RequestHandler } from './server';

export const fixtureSite: RequestHandler = (req, res) => {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (req.url === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Fixture page on ${escapeHtml(host)}</title></head>
<body><main><h1>Fixture page</h1><p id="served-host">${escapeHtml(host)}</p></main></body>
</html>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
