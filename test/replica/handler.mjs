// The X replica's server side: one (req, res) handler that serves X's single-page app shell at
// X's real paths, the JSON endpoints the pages call, and a neutral 404 for everything else.
// Plug it into the e2e harness's HTTPS server (test/e2e/harness/server.ts) or any node:http server.
//
// What it models (issue 4, "What X's real pages look like"; X login API captures cited in
// strings.mjs):
// - /i/flow/login (also /login → redirect) is ONE page for the whole login; the steps come from
//   POST /1.1/onboarding/task.json, X's "onboarding task" API: each answer carries a flow_token and
//   the next subtasks (LoginJsInstrumentationSubtask → LoginEnterUserIdentifierSSO →
//   [LoginEnterAlternateIdentifierSubtask] → LoginEnterPassword → LoginTwoFactorAuthChallenge
//   (+ LoginTwoFactorAuthChooseMethod) | LoginAcid → LoginSuccessSubtask). The page renders them
//   without changing the URL. Real X calls https://api.x.com/1.1/…; the replica answers the same
//   paths on the page's own origin (and under /i/api/1.1/…), so one mapped host is enough.
// - A wrong code answers 400 {"errors":[{"code":399,"message":"Incorrect. Please try again."}]}.
// - /settings/account/login_verification and …/backup_code, with GET/POST
//   /1.1/account/backup_code.json → {"codes":["…"]} (GET: the current code; POST: a new one).
// - /home, the timeline shell the login ends on.
// The same pages are served whatever the Host header says (x.com, twitter.com,
// mobile.twitter.com, or a lookalike such as x.com.evil.test), so tests can check that identical
// DOM on a lookalike origin gets nothing from Sparekey.
//
// Test-only endpoints (never linked from the pages): /__replica/session?handle=…&next=… signs a
// browser in without the login flow; /__replica/logout; /__referee/state?handle=… shows what the
// referee knows.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createReferee, handleKey } from './referee.mjs';
import { pickLanguage, stringsFor } from './strings.mjs';

export const MAIN_JS_PATH = '/responsive-web/client-web/main.js';
/** The page strings live in a per-language script, as X's i18n bundles do (not inline in the page). */
const I18N_PREFIX = '/responsive-web/client-web/i18n/';

/** Paths the single-page app renders; which of them need a signed-in session. */
const APP_ROUTES = new Map([
  ['/', { auth: false }],
  ['/i/flow/login', { auth: false }],
  ['/home', { auth: true }],
  ['/settings/account/login_verification', { auth: true }],
  ['/settings/account/login_verification/backup_code', { auth: true }],
]);

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/**
 * @param {{
 *   referee?: ReturnType<typeof createReferee>,
 *   seed?: string,
 *   latencyMs?: number,
 *   stepDelayMs?: number,
 *   toastMs?: number,
 *   log?: (line: string) => void,
 * }} [options]
 */
export function createReplica(options = {}) {
  const referee = options.referee ?? createReferee(options.seed ? { seed: options.seed } : {});
  // X's API answers in a few hundred ms; a little latency keeps the page's loading states honest.
  const latencyMs = options.latencyMs ?? 120;
  const stepDelayMs = options.stepDelayMs ?? 60;
  const toastMs = options.toastMs ?? 6000;
  const log = options.log ?? (() => {});

  /** flow id → flow state */
  const flows = new Map();
  /** session token → handle key */
  const sessions = new Map();
  let flowCounter = 0;

  const assets = {
    shell: readFileSync(new URL('./public/shell.html', import.meta.url), 'utf8'),
    mainJs: readFileSync(new URL('./public/main.js', import.meta.url), 'utf8'),
  };

  // ---------------------------------------------------------------- sessions

  function newSession(handle) {
    const token = randomBytes(20).toString('hex');
    sessions.set(token, handleKey(handle));
    return token;
  }

  function sessionOf(req) {
    const token = parseCookies(req).auth_token;
    if (!token) return undefined;
    const key = sessions.get(token);
    return key && referee.hasAccount(key) ? referee.account(key) : undefined;
  }

  function sessionCookieHeader(token, req) {
    // Secure only over TLS: the fixture saver serves plain http on a loopback port.
    const secure = isTls(req) ? '; Secure' : '';
    return `auth_token=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`;
  }

  // ---------------------------------------------------------------- the login flow

  function tokenFor(flow) {
    return `g;${flow.id}:-${flow.createdAt}:${flow.nonce}:${flow.step}`;
  }

  function reply(flow, subtasks) {
    flow.step += 1;
    flow.expected = subtasks.map((s) => s.subtask_id);
    flow.token = tokenFor(flow);
    return { status: 200, body: { flow_token: flow.token, status: 'success', subtasks } };
  }

  function error(code, message, status = 400) {
    return { status, body: { errors: [{ code, message }] } };
  }

  function link(label, extra = {}) {
    return { link_type: 'task', link_id: 'next_link', ...(label ? { label } : {}), ...extra };
  }

  function richText(text, entities = []) {
    return { text, entities };
  }

  function identifierSubtask(S) {
    const footer = S.noAccount;
    const at = footer.lastIndexOf(S.signUp);
    return {
      subtask_id: 'LoginEnterUserIdentifierSSO',
      settings_list: {
        settings: [
          button('google_sso_button', S.signInWithGoogle, 'brand', 'EnterIdGoogleSSOSubtask'),
          button('apple_sso_button', S.signInWithApple, 'brand', 'EnterIdAppleSSOSubtask'),
          { value_type: 'separator', value_identifier: 'separator', value_data: { separator: { label: richText(S.or) } } },
          {
            value_type: 'text_field',
            value_identifier: 'user_identifier',
            value_data: { text_field: { content_type: 'text', hint_text: S.identifierHint } },
          },
          {
            value_type: 'button',
            value_identifier: 'next_button',
            value_data: { button: { navigation_link: link(S.next), style: 'primary', preferred_size: 'normal' } },
          },
          button('forgot_password', S.forgotPassword, 'secondary', 'RedirectToPasswordReset'),
        ],
        detail_text: richText(footer, at >= 0 ? [signupEntity(at, at + S.signUp.length)] : []),
        style: 'step',
        header: { primary_text: richText(S.signInTitle) },
        navigation_style: 'hide',
        horizontal_style: 'compact',
      },
      subtask_back_navigation: 'cancel_flow',
    };
  }

  function button(id, label, style, subtaskId) {
    return {
      value_type: 'button',
      value_identifier: id,
      value_data: {
        button: {
          navigation_link: { link_type: 'subtask', link_id: id, label, subtask_id: subtaskId },
          style,
          preferred_size: 'normal',
        },
      },
    };
  }

  function signupEntity(from, to) {
    return {
      from_index: from,
      to_index: to,
      navigation_link: { link_type: 'deep_link_and_abort', link_id: 'signup_deep_link', url: 'https://x.com/i/flow/signup' },
    };
  }

  function alternateIdentifierSubtask(S) {
    return {
      subtask_id: 'LoginEnterAlternateIdentifierSubtask',
      enter_text: {
        header: { primary_text: richText(S.unusualTitle), secondary_text: richText(S.unusualBody) },
        hint_text: S.unusualHint,
        multiline: false,
        auto_capitalization_type: 'none',
        auto_correction_enabled: false,
        keyboard_type: 'text',
        next_link: link(S.next),
      },
      subtask_back_navigation: 'cancel_flow',
    };
  }

  function passwordSubtask(S, account, typed) {
    return {
      subtask_id: 'LoginEnterPassword',
      enter_password: {
        primary_text: richText(S.passwordTitle),
        next_link: link(S.logIn),
        hint: S.passwordHint,
        username: typed,
        user_identifier_display_type: 'username',
        username_hint: S.usernameHint,
        reveal_password_label: S.revealPassword,
        skip_password_validation: true,
        os_content_type: 'password',
        footer: {
          style: 'fixed',
          footnote_text: richText(S.noAccount, [signupEntity(S.noAccount.lastIndexOf(S.signUp), S.noAccount.lastIndexOf(S.signUp) + S.signUp.length)]),
        },
        password_field: {
          content_type: 'password',
          hint_text: S.passwordHint,
          detail_text: richText(S.forgotPassword, [
            {
              from_index: 0,
              to_index: S.forgotPassword.length,
              navigation_link: { link_type: 'subtask', link_id: 'forget_password', label: S.forgotPassword, subtask_id: 'RedirectToPasswordReset' },
            },
          ]),
        },
      },
      subtask_back_navigation: 'cancel_flow',
    };
  }

  function twoFactorSubtasks(S, account, mode) {
    const detail = `${S.chooseMethod}\n\n${S.contactSupport}`;
    const supportFrom = S.chooseMethod.length + 2;
    const title = mode === 'app' ? S.twoFactorAppTitle : S.twoFactorBackupTitle;
    const body = mode === 'app' ? S.twoFactorAppBody : S.twoFactorBackupBody;
    return [
      {
        subtask_id: 'LoginTwoFactorAuthChallenge',
        enter_text: {
          header: {
            primary_text: richText(title),
            secondary_text: richText(body),
            user: userRecord(account),
          },
          detail_text: richText(detail, [
            {
              from_index: 0,
              to_index: S.chooseMethod.length,
              navigation_link: {
                link_type: 'subtask',
                link_id: 'choose_different_method',
                label: 'choose_methods_link',
                subtask_id: 'LoginTwoFactorAuthChooseMethod',
              },
            },
            {
              from_index: supportFrom,
              to_index: supportFrom + S.contactSupport.length,
              navigation_link: {
                link_type: 'chromeless_web_link',
                link_id: 'login_issues_link',
                url: 'https://help.twitter.com/forms/account-access/regain-access',
              },
            },
          ]),
          hint_text: S.enterCode,
          multiline: false,
          auto_capitalization_type: 'none',
          auto_correction_enabled: false,
          keyboard_type: 'number',
          next_link: link(S.next),
        },
        subtask_back_navigation: 'cancel_flow',
        // Not an X field: tells the replica's page to draw the older <div role="button"> Next.
        ...(account.legacyNextButton ? { replica_variant: { next_button: 'div' } } : {}),
      },
      {
        subtask_id: 'LoginTwoFactorAuthChooseMethod',
        choice_selection: {
          selection_type: 'single_select',
          choices: [
            { id: account.choiceIds.app, text: richText(S.choiceApp) },
            { id: account.choiceIds.backup, text: richText(S.choiceBackup) },
          ],
          primary_text: richText(S.chooseMethod),
          next_link: link(S.next),
          style: 'default',
          sections: [],
        },
        subtask_back_navigation: 'cancel_flow',
      },
    ];
  }

  function acidSubtask(S, account) {
    return {
      subtask_id: 'LoginAcid',
      enter_text: {
        header: {
          primary_text: richText(S.emailTitle),
          secondary_text: richText(S.emailBody.replace('{email}', maskEmail(account.email))),
          user: userRecord(account),
        },
        detail_text: richText(S.didntReceiveEmail, [
          {
            from_index: 0,
            to_index: S.didntReceiveEmail.length,
            navigation_link: { link_type: 'subtask', link_id: 'resend_email', subtask_id: 'LoginAcidResend' },
          },
        ]),
        // The e-mailed-code step is the same component as the 2FA step (issue 4): same input,
        // same label; only the heading tells them apart. The replica keeps them identical on
        // purpose, so the adapter cannot lean on anything else.
        hint_text: S.enterCode,
        multiline: false,
        auto_capitalization_type: 'none',
        auto_correction_enabled: false,
        keyboard_type: 'number',
        next_link: link(S.next),
      },
      subtask_back_navigation: 'cancel_flow',
      ...(account.legacyNextButton ? { replica_variant: { next_button: 'div' } } : {}),
    };
  }

  function userRecord(account) {
    return { id_str: idOf(account.handle), name: account.displayName, screen_name: account.handle };
  }

  function successSubtask(account) {
    return {
      subtask_id: 'LoginSuccessSubtask',
      open_account: { user: userRecord(account), next_link: link(undefined), attribution_event: 'login' },
    };
  }

  function afterIdentity(flow, S, account) {
    return reply(flow, [passwordSubtask(S, account, flow.typedIdentifier)]);
  }

  function afterPassword(flow, S, account) {
    flow.mode = account.mode;
    if (account.mode === 'none') return succeed(flow, account);
    if (account.mode === 'email') return reply(flow, [acidSubtask(S, account)]);
    return reply(flow, twoFactorSubtasks(S, account, account.mode));
  }

  function succeed(flow, account) {
    flow.done = true;
    const result = reply(flow, [successSubtask(account)]);
    result.setCookie = newSession(account.handle);
    return result;
  }

  /** One POST to /1.1/onboarding/task.json. Returns { status, body, setCookie? }. */
  function onboarding(query, body, lang, origin) {
    const S = stringsFor(lang);
    if (!body || typeof body !== 'object') return error(0, 'Bad request');
    if (!body.flow_token) {
      if (query.get('flow_name') !== 'login') return error(0, 'Only flow_name=login is modelled by the replica');
      flowCounter += 1;
      const flow = {
        id: `${Date.now()}${String(flowCounter).padStart(4, '0')}`,
        createdAt: Date.now(),
        nonce: randomBytes(12).toString('base64url'),
        step: -1,
        expected: [],
        token: '',
        handle: null,
        typedIdentifier: '',
        mode: null,
        done: false,
      };
      flows.set(flow.id, flow);
      return reply(flow, [
        {
          subtask_id: 'LoginJsInstrumentationSubtask',
          js_instrumentation: { url: '/i/js_inst?c_name=ui_metrics', timeout_ms: 2000, next_link: link(undefined) },
        },
      ]);
    }
    const id = /^g;(\d+):/.exec(String(body.flow_token))?.[1];
    const flow = id ? flows.get(id) : undefined;
    if (!flow || flow.token !== body.flow_token || flow.done) return error(366, 'flow_token is invalid or expired');
    const input = Array.isArray(body.subtask_inputs) ? body.subtask_inputs[0] : undefined;
    if (!input || !flow.expected.includes(input.subtask_id)) {
      return error(366, `Expected one of ${flow.expected.join(', ')}`);
    }
    const account = flow.handle ? referee.account(flow.handle) : undefined;

    switch (input.subtask_id) {
      case 'LoginJsInstrumentationSubtask':
        return reply(flow, [identifierSubtask(S)]);

      case 'LoginEnterUserIdentifierSSO': {
        const typed = String(
          input.settings_list?.setting_responses?.find((r) => r.key === 'user_identifier')?.response_data?.text_data?.result ?? '',
        ).trim();
        const found = referee.findAccount(typed);
        if (!found) return error(399, S.accountNotFound);
        flow.handle = handleKey(found.handle);
        flow.typedIdentifier = typed;
        if (found.unusualActivity) return reply(flow, [alternateIdentifierSubtask(S)]);
        return afterIdentity(flow, S, found);
      }

      case 'LoginEnterAlternateIdentifierSubtask': {
        const typed = String(input.enter_text?.text ?? '').trim();
        const match = referee.findAccount(typed);
        if (!account || !match || handleKey(match.handle) !== handleKey(account.handle)) return error(399, S.incorrect);
        return afterIdentity(flow, S, account);
      }

      case 'LoginEnterPassword': {
        if (!account) return error(366, 'flow has no account');
        if (String(input.enter_password?.password ?? '') !== account.password) return error(399, S.wrongPassword);
        return afterPassword(flow, S, account);
      }

      case 'LoginTwoFactorAuthChooseMethod': {
        if (!account) return error(366, 'flow has no account');
        const chosen = String(input.choice_selection?.selected_choices?.[0] ?? '');
        const mode = chosen === account.choiceIds.backup ? 'backup' : chosen === account.choiceIds.app ? 'app' : null;
        if (!mode) return error(399, S.incorrect);
        flow.mode = mode;
        return reply(flow, twoFactorSubtasks(S, account, mode));
      }

      case 'LoginTwoFactorAuthChallenge': {
        if (!account) return error(366, 'flow has no account');
        const typed = String(input.enter_text?.text ?? '');
        if (flow.mode === 'backup') {
          const verdict = referee.verify(account.handle, typed, { origin });
          log(`[replica] backup code for @${account.handle}: ${verdict.ok ? 'accepted' : `rejected (${verdict.reason})`}`);
          if (!verdict.ok) return error(399, S.incorrect);
          return succeed(flow, account);
        }
        const ok = typed.replace(/\s+/g, '') === account.appCode;
        referee.recordAttempt(account.handle, { kind: 'app', ok, origin });
        if (!ok) return error(399, S.incorrect);
        return succeed(flow, account);
      }

      case 'LoginAcid': {
        if (!account) return error(366, 'flow has no account');
        const ok = String(input.enter_text?.text ?? '').trim().toLowerCase() === account.emailCode;
        referee.recordAttempt(account.handle, { kind: 'email', ok, origin });
        if (!ok) return error(399, S.incorrect);
        return succeed(flow, account);
      }

      default:
        return error(366, `Unknown subtask ${input.subtask_id}`);
    }
  }

  // ---------------------------------------------------------------- HTTP

  function send(res, status, headers, body) {
    res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
    res.end(body);
  }

  function sendJson(res, status, value, extraHeaders = {}) {
    send(res, status, { 'content-type': 'application/json; charset=utf-8', ...extraHeaders }, JSON.stringify(value));
  }

  function notFound(res) {
    // Neutral on purpose: nothing in it looks like X, so no detector can fire on a 404.
    send(res, 404, { 'content-type': 'text/html; charset=utf-8' }, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><p>Not found</p></body></html>\n');
  }

  function redirect(res, location, headers = {}) {
    send(res, 302, { location, ...headers }, '');
  }

  function languageOf(req, url) {
    const fromQuery = url.searchParams.get('lang');
    if (fromQuery) return { lang: pickLanguage(fromQuery), setCookie: true };
    const fromCookie = parseCookies(req).lang;
    if (fromCookie) return { lang: pickLanguage(fromCookie), setCookie: false };
    return { lang: 'en', setCookie: false };
  }

  function renderShell(lang, session) {
    const state = {
      lang,
      session: session ? { handle: session.handle, name: session.displayName, id_str: idOf(session.handle) } : null,
      config: { stepDelayMs, toastMs },
    };
    const json = JSON.stringify(state).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    return assets.shell
      .replaceAll('{{LANG}}', lang)
      .replace('{{INITIAL_STATE}}', json)
      .replace('{{I18N_JS}}', `${I18N_PREFIX}${lang}.js`)
      .replace('{{MAIN_JS}}', MAIN_JS_PATH);
  }

  async function handleAsync(req, res) {
    const host = String(req.headers.host ?? 'x.com');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const method = (req.method ?? 'GET').toUpperCase();
    let path = url.pathname;
    if (path.startsWith('/i/api/1.1/')) path = path.slice('/i/api'.length);

    // ---- API
    if (path === '/1.1/onboarding/task.json') {
      if (method !== 'POST') return sendJson(res, 405, { errors: [{ code: 0, message: 'POST only' }] });
      const body = await readJson(req);
      const lang = pickLanguage(req.headers['x-twitter-client-language'] ?? parseCookies(req).lang);
      const result = onboarding(url.searchParams, body, lang, originOf(req));
      await sleep(latencyMs);
      const headers = result.setCookie ? { 'set-cookie': sessionCookieHeader(result.setCookie, req) } : {};
      return sendJson(res, result.status, result.body, headers);
    }
    if (path === '/1.1/account/backup_code.json') {
      const session = sessionOf(req);
      await sleep(latencyMs);
      if (!session) return sendJson(res, 401, { errors: [{ code: 32, message: 'Could not authenticate you.' }] });
      if (method === 'GET') return sendJson(res, 200, { codes: [referee.currentOrGenerate(session.handle)] });
      if (method === 'POST') {
        const code = referee.generate(session.handle);
        log(`[replica] generated backup code #${referee.state(session.handle).codes.length} for @${session.handle}`);
        return sendJson(res, 200, { codes: [code] });
      }
      return sendJson(res, 405, { errors: [{ code: 0, message: 'GET or POST' }] });
    }

    // ---- test-only controls
    if (path === '/__replica/session') {
      const handle = url.searchParams.get('handle') ?? '';
      if (!referee.hasAccount(handle)) return sendJson(res, 404, { error: `no account @${handleKey(handle)}` });
      const next = safeLocalPath(url.searchParams.get('next')) ?? '/home';
      return redirect(res, next, { 'set-cookie': sessionCookieHeader(newSession(handle), req) });
    }
    if (path === '/__replica/logout') {
      const token = parseCookies(req).auth_token;
      if (token) sessions.delete(token);
      return redirect(res, '/', { 'set-cookie': 'auth_token=; Path=/; Max-Age=0' });
    }
    if (path === '/__referee/state') {
      const handle = url.searchParams.get('handle') ?? '';
      if (!referee.hasAccount(handle)) return sendJson(res, 404, { error: `no account @${handleKey(handle)}` });
      return sendJson(res, 200, referee.state(handle));
    }

    // ---- assets
    if (path === MAIN_JS_PATH && (method === 'GET' || method === 'HEAD')) {
      return send(res, 200, { 'content-type': 'text/javascript; charset=utf-8' }, method === 'HEAD' ? '' : assets.mainJs);
    }
    if (path.startsWith(I18N_PREFIX) && path.endsWith('.js') && (method === 'GET' || method === 'HEAD')) {
      const lang = path.slice(I18N_PREFIX.length, -3);
      if (pickLanguage(lang) !== lang) return notFound(res);
      const js = `self.__replicaI18n=${JSON.stringify(stringsFor(lang))};\n`;
      return send(res, 200, { 'content-type': 'text/javascript; charset=utf-8' }, method === 'HEAD' ? '' : js);
    }
    if (path === '/favicon.ico' || path === '/i/js_inst') return send(res, 204, {}, '');

    // ---- pages
    if (method !== 'GET' && method !== 'HEAD') return notFound(res);
    if (path === '/login' || path === '/i/flow/login/') return redirect(res, `/i/flow/login${url.search}`);
    const route = APP_ROUTES.get(path);
    if (!route) return notFound(res);
    const session = sessionOf(req);
    if (route.auth && !session) {
      return redirect(res, `/i/flow/login?redirect_after_login=${encodeURIComponent(path)}`);
    }
    if (path === '/' && session) return redirect(res, '/home');
    const { lang, setCookie } = languageOf(req, url);
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (setCookie) headers['set-cookie'] = `lang=${lang}; Path=/; SameSite=Lax${isTls(req) ? '; Secure' : ''}`;
    return send(res, 200, headers, method === 'HEAD' ? '' : renderShell(lang, session));
  }

  function handle(req, res) {
    handleAsync(req, res).catch((err) => {
      log(`[replica] handler error: ${err && err.stack ? err.stack : err}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('500: replica error\n');
    });
  }

  return {
    handle,
    referee,
    /** A session cookie for handle, for context.addCookies / page.setCookie: { name, value }. */
    signIn(handle) {
      if (!referee.hasAccount(handle)) throw new Error(`no account @${handleKey(handle)}`);
      return { name: 'auth_token', value: newSession(handle) };
    },
    /** Forgets sessions and login flows (the referee is reset separately: replica.referee.reset()). */
    reset() {
      sessions.clear();
      flows.clear();
    },
  };
}

// ---------------------------------------------------------------- helpers

function parseCookies(req) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function isTls(req) {
  return Boolean(req.socket && /** @type {any} */ (req.socket).encrypted);
}

function originOf(req) {
  const host = String(req.headers.host ?? '').toLowerCase();
  return `${isTls(req) ? 'https' : 'http'}://${host}`;
}

function safeLocalPath(value) {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return undefined;
  return value;
}

function maskEmail(email) {
  const [user = '', domain = ''] = String(email).split('@');
  const [name = '', ...rest] = domain.split('.');
  const mask = (s) => (s.length <= 2 ? s : `${s.slice(0, 2)}${'*'.repeat(Math.max(1, s.length - 2))}`);
  return `${mask(user)}@${mask(name)}${rest.length ? `.${rest.map((r) => '*'.repeat(r.length)).join('.')}` : ''}`;
}

/** A stable numeric id per handle, shaped like X's snowflake ids. */
function idOf(handle) {
  let h = 1469598103934665603n;
  for (const ch of handleKey(handle)) h = ((h ^ BigInt(ch.codePointAt(0) ?? 0)) * 1099511628211n) & 0xffffffffffffffffn;
  return String(1000000000000000000n + (h % 800000000000000000n));
}

function sleep(ms) {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function readJson(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 1_000_000) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        resolve(null);
      }
    });
    req.on('error', () => resolve(null));
  });
}
