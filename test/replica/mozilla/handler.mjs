// The Mozilla account replica's server side: one (req, res) handler serving fxa's sign-in, TOTP
// and backup-code views, its settings and the replace-codes flow at fxa's real paths, with the
// referee (referee.mjs) as the judge of every backup authentication code. The e2e harness's HTTPS
// server (test/e2e/harness/server.ts) maps accounts.firefox.com to it. Served whatever the Host
// header says, so a lookalike origin shows the same DOM (and must get nothing from Sparekey).
//
// Views (GET renders the whole document; with `x-replica-view: 1` only the view, for pages.mjs's
// in-page navigation; `x-replica-path` says where a view request ended up):
//   /signin                      e-mail and password
//   /signin_totp_code            six-digit code; "Trouble entering code?" → /signin_recovery_code
//   /signin_recovery_code        backup authentication code
//   /settings                    signed in (else /signin)
//   /settings/two_step_authentication/replace_codes   new codes, then ?step=confirm asks for one
// API (JSON; fxa's GraphQL/auth-server calls, reduced):
//   POST /__api/signin {email, password}   → {next: /signin_totp_code}
//   POST /__api/totp {code}                → {next: /settings}
//   POST /__api/recovery {code}            → {remaining, next: /settings} or 400 errno 1056
//   POST /__api/confirm-codes {code}       → {next: /settings}, the new set active
// Test-only: /__replica/session?email=…&next=… signs a browser in; /__referee/state?email=….
import { randomBytes } from 'node:crypto';
import { createReferee } from './referee.mjs';
import { confirmCodesView, layout, recoveryView, replaceCodesView, settingsView, signinView, totpView } from './pages.mjs';

/** fxa's words for a refused code (lib/auth-errors/auth-errors.ts INVALID_RECOVERY_CODE, errno 1056). */
export const INVALID_CODE = 'Invalid backup authentication code';
const SESSION_COOKIE = 'fxa_session';
const PENDING_COOKIE = 'fxa_pending_2fa';
const HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
const TITLE = 'Mozilla accounts';

function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function readJson(req) {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 100_000) req.destroy();
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(body || '{}'));
      } catch {
        resolve({});
      }
    });
  });
}

const localPath = (value) => (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/settings');

/** @param {{ referee?: ReturnType<typeof createReferee>, seed?: string }} [options] */
export function createMozillaReplica(options = {}) {
  const referee = options.referee ?? createReferee(options.seed ? { seed: options.seed } : {});
  /** token → e-mail, for signed-in browsers and for logins waiting at the 2FA step */
  const sessions = new Map();
  const pending = new Map();
  /** session token → the new codes its replace-codes flow shows */
  const proposals = new Map();
  const token = () => randomBytes(16).toString('hex');
  const setCookie = (name, value) => `${name}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax`;
  const clearCookie = (name) => `${name}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`;

  function signIn(email) {
    const t = token();
    sessions.set(t, email);
    return t;
  }

  const json = (res, status, body, extra = {}) => res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra }).end(JSON.stringify(body));
  const redirect = (res, location, extra = {}) => res.writeHead(302, { location, 'cache-control': 'no-store', ...extra }).end();

  /** A view: the whole document, or only the view for an in-page navigation; `path` is where it belongs. */
  function view(req, res, path, html, extra = {}) {
    if (req.headers['x-replica-view'] === '1') return res.writeHead(200, { ...HEADERS, 'x-replica-path': path, 'x-replica-title': TITLE, ...extra }).end(html);
    if (req.url !== path) return redirect(res, path, extra);
    res.writeHead(200, { ...HEADERS, ...extra }).end(layout({ title: TITLE, view: html }));
  }

  async function api(req, res, path) {
    const body = await readJson(req);
    const jar = cookies(req);
    if (path === '/__api/signin') {
      if (!referee.has(body.email ?? '') || !referee.checkPassword(body.email, body.password ?? '')) return json(res, 400, { errno: 103, message: 'Incorrect password' });
      const t = token();
      pending.set(t, referee.account(body.email).email);
      return json(res, 200, { next: '/signin_totp_code' }, { 'set-cookie': setCookie(PENDING_COOKIE, t) });
    }
    if (path === '/__api/totp' || path === '/__api/recovery') {
      const email = pending.get(jar[PENDING_COOKIE] ?? '');
      if (!email) return json(res, 400, { errno: 110, message: 'Invalid token' });
      const ok = path === '/__api/totp' ? referee.checkTotp(email, body.code ?? '') : referee.useRecoveryCode(email, body.code ?? '');
      if (!ok) return json(res, 400, path === '/__api/totp' ? { errno: 183, message: 'Invalid two-step authentication code' } : { errno: 1056, message: INVALID_CODE });
      pending.delete(jar[PENDING_COOKIE]);
      const session = signIn(email);
      return json(res, 200, { remaining: referee.remaining(email), next: '/settings' }, {
        'set-cookie': [setCookie(SESSION_COOKIE, session), clearCookie(PENDING_COOKIE)],
      });
    }
    if (path === '/__api/confirm-codes') {
      const email = sessions.get(jar[SESSION_COOKIE] ?? '');
      if (!email) return json(res, 401, { errno: 110, message: 'Invalid token' });
      if (!referee.confirmNewSet(email, body.code ?? '')) return json(res, 400, { errno: 1056, message: 'Incorrect backup authentication code' });
      return json(res, 200, { next: '/settings?updated=codes' });
    }
    json(res, 404, { errno: 999, message: 'Not found' });
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'https://accounts.firefox.com');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const jar = cookies(req);
    const signedIn = sessions.get(jar[SESSION_COOKIE] ?? '');
    const waiting = pending.get(jar[PENDING_COOKIE] ?? '');

    if (req.method === 'POST') return api(req, res, path);
    if (path === '/__replica/session') {
      const email = url.searchParams.get('email') ?? '';
      if (!referee.has(email)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('no such account');
      return redirect(res, localPath(url.searchParams.get('next')), { 'set-cookie': setCookie(SESSION_COOKIE, signIn(referee.account(email).email)) });
    }
    if (path === '/__referee/state') {
      const email = url.searchParams.get('email') ?? '';
      return json(res, 200, referee.has(email) ? referee.state(email) : null);
    }
    if (path === '/favicon.ico') return res.writeHead(204).end();
    if (path === '/signin' || path === '/') return view(req, res, '/signin', signinView());
    if (path === '/signin_totp_code' || path === '/signin_recovery_code') {
      if (!waiting) return view(req, res, '/signin', signinView());
      return view(req, res, path, path === '/signin_totp_code' ? totpView() : recoveryView());
    }
    if (!signedIn) return view(req, res, '/signin', signinView());
    if (path === '/settings') {
      const notice = url.searchParams.get('updated') === 'codes' ? 'Backup authentication codes updated' : '';
      return view(req, res, `/settings${url.search}`, settingsView({ email: signedIn, notice }));
    }
    if (path === '/settings/two_step_authentication/replace_codes') {
      const t = jar[SESSION_COOKIE];
      if (url.searchParams.get('step') === 'confirm' && proposals.has(t)) return view(req, res, `${path}?step=confirm`, confirmCodesView());
      const codes = referee.proposeNewSet(signedIn);
      proposals.set(t, codes);
      return view(req, res, path, replaceCodesView({ email: signedIn, codes }));
    }
    res.writeHead(404, HEADERS).end(layout({ title: TITLE, view: '<h1>Page not found</h1>' }));
  }

  return {
    referee,
    handle: (req, res) => {
      handle(req, res).catch((error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`500: ${String(error)}\n`);
      });
    },
  };
}
