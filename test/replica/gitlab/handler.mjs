// The GitLab replica's server side: one (req, res) handler serving GitLab's sign-in (password,
// e-mail verification and 2FA steps, all at /users/sign_in), the 2FA settings and the pages that
// show a new set of recovery codes, at gitlab.com's real paths, with the referee (referee.mjs) as
// the judge of every code. Plug it into the e2e harness's HTTPS server (test/e2e/harness/server.ts),
// which maps gitlab.com to it. Served whatever the Host header says, so a lookalike origin shows
// the same DOM (and must get nothing from Sparekey).
//
// Routes:
//   GET  /users/sign_in                 the password step
//   POST /users/sign_in                 user[login]+user[password] → 200, the e-mail verification step
//                                       (when the account has one) or the 2FA step, same URL;
//                                       user[verification_token] → 200, the 2FA step;
//                                       user[otp_attempt] → taken: 302 to the stored location or /;
//                                       refused: 200, the 2FA form again with "Invalid two-factor code."
//   GET  /, /dashboard/*, /-/profile/*  signed in: the page; else the location is stored and 302 /users/sign_in
//   GET  /-/profile/two_factor_auth     2FA settings (never lists codes)
//   POST /-/profile/two_factor_auth     enable with the authenticator's pin → 200, the 10 codes
//   POST /-/profile/two_factor_auth/codes   regenerate → 200, the 10 new codes
// Test-only: /__replica/session?login=…&next=… signs a browser in, /__replica/sign_out?next=… out;
// /__referee/state?login=….
import { randomBytes } from 'node:crypto';
import { createReferee } from './referee.mjs';
import { codesPage, dashboardPage, emailVerificationPage, signInPage, twoFactorPage, twoFactorSettingsPage } from './pages.mjs';

/** GitLab's answer to a refused code (AuthenticatesWithTwoFactor: flash.now[:alert] = _('Invalid two-factor code.')). */
export const REJECTED_FLASH = 'Invalid two-factor code.';
/** GitLab's answer to a wrong password (SessionsController). */
export const WRONG_PASSWORD = 'Invalid login or password.';
/** The e-mail verification component's refusal (sessions/new/constants.js I18N_EMAIL_INVALID_CODE wording is the replica's). */
export const WRONG_EMAIL_CODE = 'The code is incorrect. Enter it again, or send a new code.';

const SESSION_COOKIE = '_gitlab_session';
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
export function createGitlabReplica(options = {}) {
  const referee = options.referee ?? createReferee(options.seed ? { seed: options.seed } : {});
  /**
   * One server-side session per browser, as Rails keeps it: the signed-in user, the user between
   * sign-in steps (otp_user_id; `step` says which form is up) and the stored location.
   */
  const sessions = new Map();

  const token = () => randomBytes(16).toString('hex');
  const setCookie = (value) => `${SESSION_COOKIE}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax`;

  function sessionOf(req, res) {
    const t = cookies(req)[SESSION_COOKIE];
    if (t && sessions.has(t)) return sessions.get(t);
    const fresh = { id: token(), user: '', pending: '', step: '', storedLocation: '' };
    sessions.set(fresh.id, fresh);
    res.setHeader('set-cookie', setCookie(fresh.id));
    return fresh;
  }

  function send(res, status, html) {
    res.writeHead(status, HEADERS).end(html);
  }

  function redirect(res, location) {
    res.writeHead(302, { location, 'cache-control': 'no-store' }).end();
  }

  function signIn(session, login) {
    session.user = referee.account(login).login;
    session.pending = '';
    session.step = '';
    const to = session.storedLocation || '/';
    session.storedLocation = '';
    return to;
  }

  /** After the password (or the e-mailed code): the next step's form, at the same URL. */
  function nextStep(res, session, login) {
    const account = referee.account(login);
    if (session.step === 'password' && account.emailCode) {
      session.step = 'email';
      return send(res, 200, emailVerificationPage({ username: account.login, email: 's***@e***.com' }));
    }
    if (!account.enabled) return redirect(res, signIn(session, login));
    session.step = 'otp';
    return send(res, 200, twoFactorPage({ webauthn: account.webauthn }));
  }

  async function signInPost(req, res, session) {
    const form = await readForm(req);
    if ('user[otp_attempt]' in form && session.pending && session.step === 'otp') {
      const account = referee.account(session.pending);
      if (referee.useOtpAttempt(account.login, form['user[otp_attempt]'] ?? '')) return redirect(res, signIn(session, account.login));
      return send(res, 200, twoFactorPage({ webauthn: account.webauthn, error: REJECTED_FLASH }));
    }
    if ('user[verification_token]' in form && session.pending && session.step === 'email') {
      const account = referee.account(session.pending);
      if ((form['user[verification_token]'] ?? '').trim() !== account.emailCode)
        return send(res, 200, emailVerificationPage({ username: account.login, email: 's***@e***.com', error: WRONG_EMAIL_CODE }));
      session.step = 'email-done';
      return nextStep(res, session, account.login);
    }
    const login = form['user[login]'] ?? '';
    if (!referee.has(login) || !referee.checkPassword(login, form['user[password]'] ?? '')) return send(res, 200, signInPage({ error: WRONG_PASSWORD }));
    session.pending = referee.account(login).login;
    session.step = 'password';
    return nextStep(res, session, login);
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'https://gitlab.com');
    const path = url.pathname.replace(/\/+$/, '') || '/';

    if (path === '/__replica/session') {
      const login = url.searchParams.get('login') ?? '';
      if (!referee.has(login)) return send(res, 404, 'no such account');
      const session = sessionOf(req, res);
      signIn(session, login);
      return redirect(res, localPath(url.searchParams.get('next')));
    }
    if (path === '/__replica/sign_out') {
      const session = sessionOf(req, res);
      Object.assign(session, { user: '', pending: '', step: '', storedLocation: '' });
      return redirect(res, localPath(url.searchParams.get('next')));
    }
    if (path === '/__referee/state') {
      const login = url.searchParams.get('login') ?? '';
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(referee.has(login) ? referee.state(login) : null));
    }
    if (path === '/favicon.ico') return res.writeHead(204).end();

    const session = sessionOf(req, res);
    if (path === '/users/sign_in') {
      if (req.method === 'POST') return signInPost(req, res, session);
      if (session.user) return redirect(res, '/');
      return send(res, 200, signInPage({}));
    }
    const signedIn = session.user;
    const known = path === '/' || path.startsWith('/dashboard') || path.startsWith('/-/profile');
    if (!known) return send(res, 404, '<!DOCTYPE html><title>Not Found · GitLab</title><h1>404</h1>');
    if (!signedIn) {
      // Devise's authenticate_user!: remember where the person was going, then the sign-in.
      if (req.method === 'GET') session.storedLocation = path + url.search;
      return redirect(res, '/users/sign_in');
    }

    if (req.method === 'POST') {
      const form = await readForm(req);
      const account = referee.account(signedIn);
      if (path === '/-/profile/two_factor_auth/codes') {
        if (form.current_password !== account.password) return redirect(res, '/-/profile/two_factor_auth');
        return send(res, 200, codesPage({ username: account.login, codes: referee.regenerate(account.login) }));
      }
      if (path === '/-/profile/two_factor_auth') {
        if (!referee.enable(account.login, (form.pin_code ?? '').trim()))
          return send(res, 200, twoFactorSettingsPage({ username: account.login, enabled: account.enabled, error: 'Invalid pin code.' }));
        return send(res, 200, codesPage({ username: account.login, codes: referee.activeCodes(account.login) }));
      }
      return send(res, 404, '<!DOCTYPE html><title>Not Found · GitLab</title><h1>404</h1>');
    }
    if (path === '/-/profile/two_factor_auth')
      return send(res, 200, twoFactorSettingsPage({ username: signedIn, enabled: referee.account(signedIn).enabled }));
    return send(res, 200, dashboardPage({ username: signedIn, path }));
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
