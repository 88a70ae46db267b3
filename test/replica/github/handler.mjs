// The GitHub replica's server side: one (req, res) handler serving GitHub's sign-in, 2FA steps,
// recovery-codes page and a dashboard at GitHub's real paths, with the referee (referee.mjs) as
// the judge of every recovery code. Plug it into the e2e harness's HTTPS server
// (test/e2e/harness/server.ts), which maps github.com to it. Served whatever the Host header says,
// so a lookalike origin shows the same DOM (and must get nothing from Sparekey).
//
// Routes:
//   GET  /login                      sign-in form → POST /session
//   POST /session                    password checked → 302 /sessions/two-factor/app
//   GET  /sessions/two-factor/app    authenticator step (#app_totp, auto-submits) → POST /sessions/two-factor
//   GET  /sessions/two-factor/recovery  recovery step (#recovery_code) → POST /sessions/two-factor/recovery
//   POST /sessions/two-factor[/recovery]  accepted → 302 return_to or /; refused → the same form again
//                                    (200, same URL) with a .flash-error
//   GET  /                           dashboard (signed in), else the sign-in form
//   GET  /settings/auth/recovery-codes   the 16 codes (signed in), POST → a new set
//   GET  /settings/auth/recovery-codes/download   github-recovery-codes.txt
// Test-only: /__replica/session?login=…&next=… signs a browser in; /__referee/state?login=….
import { randomBytes } from 'node:crypto';
import { createReferee } from './referee.mjs';
import { appPage, dashboardPage, loginPage, recoveryCodesPage, recoveryPage } from './pages.mjs';

/** GitHub's answer to a refused recovery code (the replica's wording: GitHub's exact flash is not public). */
export const REJECTED_FLASH = 'Recovery code authentication failed.';
const SESSION_COOKIE = 'user_session';
const PENDING_COOKIE = 'gh_two_factor';

const HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function readForm(req) {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 100_000) req.destroy();
    });
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(body))));
  });
}

/** A path inside the site, or '/'. */
function localPath(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** @param {{ referee?: ReturnType<typeof createReferee>, seed?: string }} [options] */
export function createGithubReplica(options = {}) {
  const referee = options.referee ?? createReferee(options.seed ? { seed: options.seed } : {});
  /** token → login, for signed-in browsers and for logins waiting at the 2FA step */
  const sessions = new Map();
  const pending = new Map();

  const token = () => randomBytes(16).toString('hex');
  const setCookie = (name, value) => `${name}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax`;
  const clearCookie = (name) => `${name}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`;

  function signIn(login) {
    const t = token();
    sessions.set(t, login);
    return { name: SESSION_COOKIE, value: t };
  }

  function send(res, status, html, extra = {}) {
    res.writeHead(status, { ...HEADERS, ...extra }).end(html);
  }

  function redirect(res, location, extra = {}) {
    res.writeHead(302, { location, 'cache-control': 'no-store', ...extra }).end();
  }

  async function twoFactorPost(req, res, url, recovery) {
    const form = await readForm(req);
    const login = pending.get(cookies(req)[PENDING_COOKIE] ?? '');
    if (!login) return redirect(res, '/login');
    const returnTo = localPath(form.return_to || url.searchParams.get('return_to'));
    const account = referee.account(login);
    const typed = recovery ? (form.recovery_code ?? '') : (form.app_otp ?? '');
    const ok = !recovery && typed === account.appCode ? true : referee.useRecoveryCode(login, typed);
    if (ok) {
      pending.delete(cookies(req)[PENDING_COOKIE]);
      const session = signIn(login);
      return redirect(res, returnTo, { 'set-cookie': [setCookie(SESSION_COOKIE, session.value), clearCookie(PENDING_COOKIE)] });
    }
    const again = { returnTo: returnTo === '/' ? '' : returnTo, error: REJECTED_FLASH };
    send(res, 200, recovery ? recoveryPage(again) : appPage({ ...again, error: 'Two-factor authentication failed.' }));
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'https://github.com');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const signedIn = sessions.get(cookies(req)[SESSION_COOKIE] ?? '');
    const returnTo = url.searchParams.get('return_to') ?? '';

    if (req.method === 'POST') {
      if (path === '/session') {
        const form = await readForm(req);
        if (!referee.has(form.login ?? '') || !referee.checkPassword(form.login, form.password ?? ''))
          return send(res, 200, loginPage({ returnTo: form.return_to ?? '', error: 'Incorrect username or password.' }));
        const t = token();
        pending.set(t, referee.account(form.login).login);
        const next = form.return_to ? `?return_to=${encodeURIComponent(localPath(form.return_to))}` : '';
        return redirect(res, `/sessions/two-factor/app${next}`, { 'set-cookie': setCookie(PENDING_COOKIE, t) });
      }
      if (path === '/sessions/two-factor') return twoFactorPost(req, res, url, false);
      if (path === '/sessions/two-factor/recovery') return twoFactorPost(req, res, url, true);
      if (path === '/settings/auth/recovery-codes' && signedIn) {
        await readForm(req);
        referee.regenerate(signedIn);
        return redirect(res, '/settings/auth/recovery-codes');
      }
      return send(res, 404, '<!DOCTYPE html><title>Page not found · GitHub</title><h1>404</h1>');
    }

    if (path === '/__replica/session') {
      const login = url.searchParams.get('login') ?? '';
      if (!referee.has(login)) return send(res, 404, 'no such account');
      const session = signIn(referee.account(login).login);
      return redirect(res, localPath(url.searchParams.get('next')), { 'set-cookie': setCookie(SESSION_COOKIE, session.value) });
    }
    if (path === '/__referee/state') {
      const login = url.searchParams.get('login') ?? '';
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(referee.has(login) ? referee.state(login) : null));
    }
    if (path === '/login') return send(res, 200, loginPage({ returnTo }));
    if (path === '/sessions/two-factor/app' || path === '/sessions/two-factor/recovery') {
      const login = pending.get(cookies(req)[PENDING_COOKIE] ?? '');
      if (!login) return redirect(res, '/login');
      const account = referee.account(login);
      return send(res, 200, path.endsWith('/app') ? appPage({ returnTo, inPageSwap: account.inPageSwap }) : recoveryPage({ returnTo }));
    }
    if (path === '/settings/auth/recovery-codes/download' && signedIn)
      return res
        .writeHead(200, { 'content-type': 'text/plain', 'content-disposition': 'attachment; filename="github-recovery-codes.txt"' })
        .end(`${referee.activeCodes(signedIn).join('\r\n')}\r\n`);
    if (path === '/settings/auth/recovery-codes') {
      if (!signedIn) return redirect(res, `/login?return_to=${encodeURIComponent(path)}`);
      return send(res, 200, recoveryCodesPage({ login: signedIn, codes: referee.activeCodes(signedIn) }));
    }
    if (path === '/') return signedIn ? send(res, 200, dashboardPage({ login: signedIn })) : send(res, 200, loginPage({}));
    if (path === '/favicon.ico') return res.writeHead(204).end();
    if (signedIn && path.startsWith('/settings')) return send(res, 200, dashboardPage({ login: signedIn }));
    send(res, 404, '<!DOCTYPE html><title>Page not found · GitHub</title><h1>404</h1>');
  }

  return {
    referee,
    signIn,
    handle: (req, res) => {
      handle(req, res).catch((error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`500: ${String(error)}\n`);
      });
    },
  };
}
