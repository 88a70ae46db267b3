// The Google replica's server side: one (req, res) handler serving both of Google's origins Sparekey
// reads, told apart by the Host header — the sign-in and its challenges on accounts.google.com, the
// home and backup-codes pages on myaccount.google.com — with the referee (referee.mjs) as the judge
// of every backup code. Plug it into the e2e harness's HTTPS server, which maps both hosts to it.
// Any other host (a lookalike) gets the accounts.google.com pages, so the same DOM shows there.
//
// Routes on accounts.google.com:
//   GET  /v3/signin/identifier?continue=…   email and password → POST → 302 to the account's first challenge
//   GET  /v3/signin/challenge/totp|ipp/verify|bc?continue=…   a code challenge (#totpPin, #idvPin, #backupCodePin)
//   POST the same path (JSON {code})  → {ok:true, next: continue} (the page navigates) or {ok:false}
//        (the page shows its inline error and stays)
//   GET  /v3/signin/challenge/selection     "Try another way": links to each challenge
// Routes on myaccount.google.com (signed in, else 302 to the sign-in with continue):
//   GET  /                                  home
//   GET  /two-step-verification/backup-codes   the 10 codes; POST → a new set
// Test-only, on both: /__replica/session?email=…&next=… signs a browser in; /__referee/state?email=….
import { randomBytes } from 'node:crypto';
import { createReferee } from './referee.mjs';
import { backupCodesPage, challengePage, CHALLENGE_PATHS, homePage, identifierPage, selectionPage } from './pages.mjs';

export const ACCOUNTS = 'https://accounts.google.com';
export const MYACCOUNT = 'https://myaccount.google.com';
const SESSION_COOKIE = 'SID';
const PENDING_COOKIE = 'replica_signin';

const HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 100_000) req.destroy();
    });
    req.on('end', () => resolve(body));
  });
}

/** A continue URL on one of Google's two origins here, else myaccount.google.com's home (Google's default). */
function continueOf(value) {
  try {
    const url = new URL(value ?? '', MYACCOUNT);
    return [ACCOUNTS, MYACCOUNT].includes(url.origin) ? url.href : `${MYACCOUNT}/`;
  } catch {
    return `${MYACCOUNT}/`;
  }
}

/** @param {{ referee?: ReturnType<typeof createReferee>, seed?: string }} [options] */
export function createGoogleReplica(options = {}) {
  const referee = options.referee ?? createReferee(options.seed ? { seed: options.seed } : {});
  /** token → email, for signed-in browsers and for sign-ins waiting at a challenge */
  const sessions = new Map();
  const pending = new Map();

  const token = () => randomBytes(16).toString('hex');
  // The session cookie is Google-wide (both origins see it); the pending sign-in is the sign-in's own.
  const sessionCookie = (value) => `${SESSION_COOKIE}=${value}; Domain=google.com; Path=/; Secure; HttpOnly; SameSite=Lax`;
  const pendingCookie = (value) => `${PENDING_COOKIE}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax`;

  function signIn(email) {
    const t = token();
    sessions.set(t, referee.account(email).email);
    return { name: SESSION_COOKIE, value: t, domain: 'google.com' };
  }

  const send = (res, status, html, extra = {}) => res.writeHead(status, { ...HEADERS, ...extra }).end(html);
  const json = (res, value) => res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value));
  const redirect = (res, location, extra = {}) => res.writeHead(302, { location, 'cache-control': 'no-store', ...extra }).end();
  const notFound = (res) => send(res, 404, '<!DOCTYPE html><title>Error 404 (Not Found)</title><p>404. That’s an error.</p>');

  async function accounts(req, res, url, path) {
    const pendingEmail = pending.get(cookies(req)[PENDING_COOKIE] ?? '');
    const continueUrl = continueOf(url.searchParams.get('continue'));
    const query = `?continue=${encodeURIComponent(continueUrl)}`;
    if (req.method === 'POST' && path === '/v3/signin/identifier') {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const next = continueOf(form.continue);
      if (!referee.has(form.identifier ?? '') || !referee.checkPassword(form.identifier, form.Passwd ?? ''))
        return send(res, 200, identifierPage({ continueUrl: next, error: 'Wrong password. Try again or click Forgot password to reset it.' }));
      const t = token();
      pending.set(t, referee.account(form.identifier).email);
      const first = referee.account(form.identifier).first;
      return redirect(res, `${CHALLENGE_PATHS[first]}?continue=${encodeURIComponent(next)}`, { 'set-cookie': pendingCookie(t) });
    }
    const kind = Object.keys(CHALLENGE_PATHS).find((k) => CHALLENGE_PATHS[k] === path);
    if (kind && req.method === 'POST') {
      if (!pendingEmail) return json(res, { ok: false });
      const { code = '' } = JSON.parse((await readBody(req)) || '{}');
      const account = referee.account(pendingEmail);
      const ok = kind === 'bc' ? referee.useBackupCode(pendingEmail, code) : code.replace(/\s/g, '') === (kind === 'totp' ? account.appCode : account.smsCode);
      if (!ok) return json(res, { ok: false });
      pending.delete(cookies(req)[PENDING_COOKIE]);
      const session = signIn(pendingEmail);
      res.setHeader('set-cookie', [sessionCookie(session.value), `${PENDING_COOKIE}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`]);
      return json(res, { ok: true, next: continueUrl });
    }
    if (req.method !== 'GET') return notFound(res);
    if (path === '/v3/signin/identifier') return send(res, 200, identifierPage({ continueUrl }));
    if (kind || path === '/v3/signin/challenge/selection') {
      if (!pendingEmail) return redirect(res, `/v3/signin/identifier${query}`);
      return send(res, 200, kind ? challengePage({ kind, email: pendingEmail, continueUrl }) : selectionPage({ email: pendingEmail, continueUrl }));
    }
    if (path === '/') return redirect(res, `/v3/signin/identifier${query}`);
    return notFound(res);
  }

  async function myaccount(req, res, url, path, signedIn) {
    if (!signedIn) return redirect(res, `${ACCOUNTS}/v3/signin/identifier?continue=${encodeURIComponent(`${MYACCOUNT}${url.pathname}`)}`);
    const account = referee.account(signedIn);
    if (path === '/two-step-verification/backup-codes') {
      if (req.method === 'POST') {
        await readBody(req);
        referee.regenerate(signedIn);
        return redirect(res, '/two-step-verification/backup-codes');
      }
      return send(res, 200, backupCodesPage({ name: account.name, email: account.email, codes: referee.activeCodes(signedIn) }));
    }
    if (path === '/' && req.method === 'GET') return send(res, 200, homePage({ name: account.name, email: account.email }));
    return notFound(res);
  }

  async function handle(req, res) {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host || 'accounts.google.com'}`);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const signedIn = sessions.get(cookies(req)[SESSION_COOKIE] ?? '');

    if (path === '/__replica/session') {
      const email = url.searchParams.get('email') ?? '';
      if (!referee.has(email)) return send(res, 404, 'no such account');
      const session = signIn(email);
      return redirect(res, continueOf(url.searchParams.get('next')), { 'set-cookie': sessionCookie(session.value) });
    }
    if (path === '/__referee/state') {
      const email = url.searchParams.get('email') ?? '';
      return json(res, referee.has(email) ? referee.state(email) : null);
    }
    if (path === '/favicon.ico') return res.writeHead(204).end();
    if (host === 'myaccount.google.com') return myaccount(req, res, url, path, signedIn);
    return accounts(req, res, url, path);
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
