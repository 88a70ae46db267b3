// The Proton replica's server side: one (req, res) handler serving the account app's login, a
// signed-in dashboard and the account-password settings with the 2FA set-up modal at Proton's real
// paths, with the referee (referee.mjs) as the judge of every recovery code. The e2e harness's
// HTTPS server (test/e2e/harness/server.ts) maps account.proton.me to it. Served whatever the Host
// header says, so a lookalike origin shows the same DOM (and must get nothing from Sparekey).
//
// Views (GET renders the whole document; with `x-replica-view: 1` only the view, for pages.mjs's
// in-page navigation; `x-replica-path` says where a view request ended up):
//   /login                          username and password, then (same document) the 2FA form
//   /u/0/mail/dashboard             signed in (else /login)
//   /u/0/mail/account-password      the two-factor section; its toggle opens EnableTOTPModal
// Fragments the page's script swaps in: /__view/2fa, /__view/2fa-fields?type=…, /__view/setup?step=…
// API (JSON; Proton's /auth and /settings calls, reduced):
//   POST /__api/auth {username, password}   → {next: '2fa'} (or signed in without 2FA)
//   POST /__api/auth/2fa {code}             → {next: /u/0/mail/dashboard} or 422 {Code, Error}
//   POST /__api/2fa/setup {code}            → {TwoFactorRecoveryCodes} (EnableTOTPModal's setupTotp)
//   POST /__api/2fa/disable                 → {}
// Test-only: /__replica/session?username=…&next=… signs a browser in; /__referee/state?username=….
import { randomBytes } from 'node:crypto';
import { createReferee } from './referee.mjs';
import { dashboardView, layout, loginView, settingsView, setupModal, totpFields, twoFactorView } from './pages.mjs';

/** The words of a refused code: handleTotp's fallback (loginActions.ts), which the replica's API sends as Proton's would. */
export const INVALID_CODE = 'Incorrect login credentials. Please try again.';
const SESSION_COOKIE = 'AUTH-replica';
const PENDING_COOKIE = 'AUTH-replica-2fa';
const HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
const TITLE = 'Proton Account';
const HOME = '/u/0/mail/dashboard';
const SETTINGS = '/u/0/mail/account-password';

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

const localPath = (value) => (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : HOME);

/** @param {{ referee?: ReturnType<typeof createReferee>, seed?: string, setSize?: number }} [options] */
export function createProtonReplica(options = {}) {
  const referee = options.referee ?? createReferee({ ...(options.seed ? { seed: options.seed } : {}), ...(options.setSize ? { setSize: options.setSize } : {}) });
  /** token → username, for signed-in browsers and for logins waiting at the 2FA step */
  const sessions = new Map();
  const pending = new Map();
  const token = () => randomBytes(16).toString('hex');
  const setCookie = (name, value) => `${name}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax`;
  const clearCookie = (name) => `${name}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`;

  function signIn(username) {
    const t = token();
    sessions.set(t, username);
    return t;
  }

  const json = (res, status, body, extra = {}) => res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra }).end(JSON.stringify(body));
  const redirect = (res, location, extra = {}) => res.writeHead(302, { location, 'cache-control': 'no-store', ...extra }).end();
  const fragment = (res, html) => res.writeHead(200, HEADERS).end(html);

  /** A view: the whole document, or only the view for an in-page navigation; `path` is where it belongs. */
  function view(req, res, path, html, extra = {}) {
    if (req.headers['x-replica-view'] === '1') return res.writeHead(200, { ...HEADERS, 'x-replica-path': path, ...extra }).end(html);
    if (req.url !== path) return redirect(res, path, extra);
    res.writeHead(200, { ...HEADERS, ...extra }).end(layout({ title: TITLE, view: html }));
  }

  async function api(req, res, path) {
    const body = await readJson(req);
    const jar = cookies(req);
    if (path === '/__api/auth') {
      const username = String(body.username ?? '');
      if (!referee.has(username) || !referee.checkPassword(username, String(body.password ?? '')))
        return json(res, 422, { Code: 8002, Error: 'Incorrect login credentials. Please try again.' });
      const name = referee.account(username).username;
      if (!referee.twoFactor(name)) return json(res, 200, { next: HOME }, { 'set-cookie': setCookie(SESSION_COOKIE, signIn(name)) });
      const t = token();
      pending.set(t, name);
      return json(res, 200, { next: '2fa' }, { 'set-cookie': setCookie(PENDING_COOKIE, t) });
    }
    if (path === '/__api/auth/2fa') {
      const username = pending.get(jar[PENDING_COOKIE] ?? '');
      if (!username) return json(res, 401, { Code: 10013, Error: 'Invalid refresh token' });
      const code = String(body.code ?? '');
      // Proton's auth2FA takes the authenticator's code or a recovery code in the same field.
      const ok = referee.checkTotp(username, code) || referee.useRecoveryCode(username, code);
      if (!ok) return json(res, 422, { Code: 8002, Error: INVALID_CODE });
      pending.delete(jar[PENDING_COOKIE]);
      return json(res, 200, { next: HOME }, { 'set-cookie': [setCookie(SESSION_COOKIE, signIn(username)), clearCookie(PENDING_COOKIE)] });
    }
    const username = sessions.get(jar[SESSION_COOKIE] ?? '');
    if (!username) return json(res, 401, { Code: 10013, Error: 'Invalid access token' });
    if (path === '/__api/2fa/setup') {
      const codes = referee.enable(username, String(body.code ?? ''));
      if (!codes) return json(res, 422, { Code: 12060, Error: 'Incorrect code' });
      return json(res, 200, { TwoFactorRecoveryCodes: codes });
    }
    if (path === '/__api/2fa/disable') {
      referee.disable(username);
      return json(res, 200, {});
    }
    json(res, 404, { Code: 2501, Error: 'Not found' });
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'https://account.proton.me');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const jar = cookies(req);
    const signedIn = sessions.get(jar[SESSION_COOKIE] ?? '');

    if (req.method === 'POST') return api(req, res, path);
    if (path === '/__replica/session') {
      const username = url.searchParams.get('username') ?? '';
      if (!referee.has(username)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('no such account');
      return redirect(res, localPath(url.searchParams.get('next')), { 'set-cookie': setCookie(SESSION_COOKIE, signIn(referee.account(username).username)) });
    }
    if (path === '/__referee/state') {
      const username = url.searchParams.get('username') ?? '';
      return json(res, 200, referee.has(username) ? referee.state(username) : null);
    }
    if (path === '/favicon.ico') return res.writeHead(204).end();
    if (path === '/__view/2fa') return fragment(res, twoFactorView('totp'));
    if (path === '/__view/2fa-fields') return fragment(res, totpFields(url.searchParams.get('type') === 'recovery-code' ? 'recovery-code' : 'totp'));
    if (path === '/login' || path === '/') return view(req, res, `/login${url.search}`, loginView());
    if (!signedIn) return view(req, res, '/login', loginView());
    if (path === '/__view/setup') {
      const step = url.searchParams.get('step') ?? 'info';
      return fragment(res, setupModal({ step, codes: step === 'codes' ? referee.activeCodes(signedIn) : [] }));
    }
    if (path === HOME) return view(req, res, HOME, dashboardView({ username: signedIn }));
    if (path === SETTINGS) return view(req, res, SETTINGS, settingsView({ username: signedIn, twoFactor: referee.twoFactor(signedIn) }));
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
