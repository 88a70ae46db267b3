// The X replica's referee (test/replica/referee.mjs) is the independent model the e2e tests check
// Sparekey against, so its rules get their own tests: X's help text says up to five active backup
// codes, use them in the order generated, using one out of order invalidates every earlier one,
// each code works once. The replica server's login API is tested here too, at the HTTP level,
// because that is where the referee's verdict becomes X's 399 answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplica, type Replica } from '../replica/handler.mjs';
import { createReferee, formatCode, type Referee } from '../replica/referee.mjs';
import { property } from './property';

function refereeWith(codes: number, seed = 'unit'): Referee {
  let clock = 1_000;
  const referee = createReferee({ seed, now: () => (clock += 10) });
  referee.createAccount({ handle: '@Alice', password: 'pw', codes });
  return referee;
}

function statuses(referee: Referee, handle = 'alice'): string[] {
  return referee.state(handle).codes.map((c) => c.status);
}

describe('referee: X backup-code rules', () => {
  it('derives the same twelve lowercase alphanumeric codes from the same seed, and others from another seed or handle', () => {
    const a = refereeWith(3);
    const b = refereeWith(3);
    const codes = a.state('alice').codes.map((c) => c.code);
    expect(codes).toEqual(b.state('alice').codes.map((c) => c.code));
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{12}$/);
    expect(new Set(codes).size).toBe(3);
    expect(refereeWith(1, 'other').state('alice').codes[0]?.code).not.toBe(codes[0]);
    const c = createReferee({ seed: 'unit' });
    c.createAccount({ handle: 'bob', password: 'pw', codes: 1 });
    expect(c.state('bob').codes[0]?.code).not.toBe(codes[0]);
  });

  it('shows a code as three groups of four separated by spaces', () => {
    expect(formatCode('abcd1234efgh')).toBe('abcd 1234 efgh');
    const referee = refereeWith(1);
    const [first] = referee.state('alice').codes;
    expect(first?.display).toBe(formatCode(first?.code ?? ''));
  });

  it('keeps at most five codes active: a sixth invalidates the oldest, a seventh the next', () => {
    const referee = refereeWith(5);
    expect(referee.state('alice').active).toHaveLength(5);
    referee.generate('alice');
    expect(statuses(referee)).toEqual(['invalidated', 'active', 'active', 'active', 'active', 'active']);
    expect(referee.state('alice').codes[0]?.invalidatedBecause).toBe('limit');
    referee.generate('alice');
    expect(statuses(referee)).toEqual(['invalidated', 'invalidated', 'active', 'active', 'active', 'active', 'active']);
    expect(referee.state('alice').active).toHaveLength(5);
  });

  it('accepts a code once and rejects it as used the second time', () => {
    const referee = refereeWith(2);
    const first = referee.state('alice').codes[0]!.code;
    expect(referee.verify('alice', first)).toEqual({ ok: true, seq: 1 });
    expect(referee.verify('alice', first)).toEqual({ ok: false, reason: 'used', seq: 1 });
    expect(statuses(referee)).toEqual(['used', 'active']);
  });

  it('invalidates every earlier unused code when a later one is used, and leaves later codes active', () => {
    const referee = refereeWith(5);
    const codes = referee.state('alice').codes.map((c) => c.code);
    expect(referee.verify('alice', codes[0]!).ok).toBe(true);
    expect(referee.verify('alice', codes[3]!)).toEqual({ ok: true, seq: 4 });
    expect(statuses(referee)).toEqual(['used', 'invalidated', 'invalidated', 'used', 'active']);
    expect(referee.state('alice').codes[1]?.invalidatedBecause).toBe('out-of-order:4');
    expect(referee.verify('alice', codes[1]!)).toEqual({ ok: false, reason: 'invalidated', seq: 2 });
    expect(referee.verify('alice', codes[4]!)).toEqual({ ok: true, seq: 5 });
  });

  it('rejects a code it never generated, and one generated for another account', () => {
    const referee = refereeWith(1);
    referee.createAccount({ handle: 'bob', password: 'pw', codes: 1 });
    expect(referee.verify('alice', 'zzzzzzzzzzzz')).toEqual({ ok: false, reason: 'wrong' });
    expect(referee.verify('alice', referee.state('bob').codes[0]!.code)).toEqual({ ok: false, reason: 'wrong' });
    expect(referee.verify('nobody', 'zzzzzzzzzzzz')).toEqual({ ok: false, reason: 'no-account' });
    expect(statuses(referee)).toEqual(['active']);
  });

  it('ignores spaces and case in a typed code, as X shows codes in groups', () => {
    const referee = refereeWith(1);
    const code = referee.state('alice').codes[0]!.code;
    expect(referee.verify('alice', ` ${formatCode(code).toUpperCase()} `).ok).toBe(true);
  });

  it('records uses in order with the clock time and origin, and every attempt including rejected ones', () => {
    const referee = refereeWith(3);
    const codes = referee.state('alice').codes.map((c) => c.code);
    referee.verify('alice', 'nope', { origin: 'https://x.com' });
    referee.verify('alice', codes[1]!, { origin: 'https://x.com' });
    referee.verify('alice', codes[2]!, { origin: 'https://twitter.com' });
    const state = referee.state('alice');
    expect(state.uses.map((u) => [u.seq, u.origin])).toEqual([
      [2, 'https://x.com'],
      [3, 'https://twitter.com'],
    ]);
    expect(state.uses[0]!.at).toBeLessThan(state.uses[1]!.at);
    expect(state.codes[1]?.usedAt).toBe(state.uses[0]!.at);
    expect(state.attempts.map((a) => [a.ok, a.reason])).toEqual([
      [false, 'wrong'],
      [true, undefined],
      [true, undefined],
    ]);
  });

  it('hands out copies of its state, so a test cannot change the rules by accident', () => {
    const referee = refereeWith(1);
    const state = referee.state('alice');
    state.codes[0]!.status = 'used';
    state.uses.push({ seq: 1, code: 'x', at: 0 });
    expect(statuses(referee)).toEqual(['active']);
    expect(referee.state('alice').uses).toEqual([]);
  });

  it('forgets every account on reset and then generates the same codes again', () => {
    const referee = refereeWith(2);
    const before = referee.state('alice').codes.map((c) => c.code);
    referee.reset();
    expect(referee.hasAccount('alice')).toBe(false);
    expect(() => referee.generate('alice')).toThrow(/no account @alice/);
    referee.createAccount({ handle: 'alice', password: 'pw', codes: 2 });
    expect(referee.state('alice').codes.map((c) => c.code)).toEqual(before);
  });

  it('finds an account by @handle, handle in any case, or e-mail, and rejects bad specs', () => {
    const referee = refereeWith(0);
    expect(referee.findAccount('@ALICE')?.handle).toBe('Alice');
    expect(referee.findAccount('alice@example.test')?.handle).toBe('Alice');
    expect(referee.findAccount('bob')).toBeUndefined();
    expect(() => referee.createAccount({ handle: 'x', password: '' })).toThrow(/password/);
    expect(() => referee.createAccount({ handle: 'x', password: 'pw', mode: 'sms' as never })).toThrow(/mode/);
    expect(referee.updateAccount('alice', { mode: 'app' }).mode).toBe('app');
  });

  property('never has more than five active codes, never revives a code, and accepts uses in increasing order (random sequences)', 200, (runs) => {
    const op = fc.oneof(
      fc.constant({ kind: 'generate' as const }),
      fc.record({ kind: fc.constant('verify' as const), pick: fc.nat(20) }),
      fc.constant({ kind: 'wrong' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const referee = refereeWith(0);
        let previous: string[] = [];
        for (const o of ops) {
          if (o.kind === 'generate') referee.generate('alice');
          else if (o.kind === 'wrong') expect(referee.verify('alice', '000000000000').ok).toBe(false);
          else {
            const codes = referee.state('alice').codes;
            const target = codes[o.pick % Math.max(1, codes.length)];
            if (target) {
              const before = target.status;
              const verdict = referee.verify('alice', target.code);
              expect(verdict.ok).toBe(before === 'active');
            }
          }
          const state = referee.state('alice');
          expect(state.active.length).toBeLessThanOrEqual(5);
          state.codes.forEach((c, i) => {
            const was = previous[i];
            if (was && was !== 'active') expect(c.status).toBe(was);
          });
          previous = state.codes.map((c) => c.status);
          const seqs = state.uses.map((u) => u.seq);
          expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
          expect(new Set(seqs).size).toBe(seqs.length);
        }
      }),
      runs,
    );
  });
});

// ---------------------------------------------------------------------------- the server

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: () => any;
}

describe('replica server: pages and X login API', () => {
  let replica: Replica;
  let server: http.Server;
  let port = 0;

  function request(method: string, path: string, opts: { host?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Reply> {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method, path, headers: { host: opts.host ?? 'x.com', ...(payload ? { 'content-type': 'application/json' } : {}), ...opts.headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Drives the onboarding API up to (and including) the answer after the password. */
  async function loginUntilAfterPassword(handle: string, lang = 'en') {
    const headers = { 'x-twitter-client-language': lang };
    let r = await request('POST', '/1.1/onboarding/task.json?flow_name=login', { headers, body: { input_flow_data: {} } });
    expect(r.json().subtasks[0].subtask_id).toBe('LoginJsInstrumentationSubtask');
    r = await request('POST', '/1.1/onboarding/task.json', { headers, body: { flow_token: r.json().flow_token, subtask_inputs: [{ subtask_id: 'LoginJsInstrumentationSubtask', js_instrumentation: { response: '{}', link: 'next_link' } }] } });
    expect(r.json().subtasks[0].subtask_id).toBe('LoginEnterUserIdentifierSSO');
    r = await request('POST', '/1.1/onboarding/task.json', {
      headers,
      body: { flow_token: r.json().flow_token, subtask_inputs: [{ subtask_id: 'LoginEnterUserIdentifierSSO', settings_list: { setting_responses: [{ key: 'user_identifier', response_data: { text_data: { result: handle } } }], link: 'next_link' } }] },
    });
    if (r.json().subtasks[0].subtask_id === 'LoginEnterAlternateIdentifierSubtask') return r;
    expect(r.json().subtasks[0].subtask_id).toBe('LoginEnterPassword');
    const account = replica.referee.account(handle)!;
    return request('POST', '/1.1/onboarding/task.json', { headers, body: { flow_token: r.json().flow_token, subtask_inputs: [{ subtask_id: 'LoginEnterPassword', enter_password: { password: account.password, link: 'next_link' } }] } });
  }

  function enterText(token: string, subtaskId: string, text: string) {
    return request('POST', '/1.1/onboarding/task.json', { body: { flow_token: token, subtask_inputs: [{ subtask_id: subtaskId, enter_text: { text, link: 'next_link' } }] } });
  }

  beforeAll(async () => {
    replica = createReplica({ seed: 'unit-server', latencyMs: 0 });
    server = http.createServer(replica.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves the same login page at x.com, twitter.com, mobile.twitter.com and a lookalike host', async () => {
    const pages = await Promise.all(['x.com', 'twitter.com', 'mobile.twitter.com', 'x.com.evil.test'].map((host) => request('GET', '/i/flow/login', { host })));
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain('<div id="react-root"');
    }
    expect(new Set(pages.map((p) => p.body)).size).toBe(1);
  });

  it('redirects /login to /i/flow/login keeping the query, and answers unknown paths with a neutral 404', async () => {
    const login = await request('GET', '/login?input_flow_data=%7B%7D');
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/i/flow/login?input_flow_data=%7B%7D');
    const missing = await request('GET', '/i/flow/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body).not.toMatch(/react-root|ocfEnterText|X/);
  });

  it('sends a signed-out visitor of the settings pages to the login flow, and serves them with a session', async () => {
    replica.referee.createAccount({ handle: 'settings_user', password: 'pw', codes: 1 });
    const out = await request('GET', '/settings/account/login_verification/backup_code');
    expect(out.status).toBe(302);
    expect(out.headers.location).toBe('/i/flow/login?redirect_after_login=%2Fsettings%2Faccount%2Flogin_verification%2Fbackup_code');
    const cookie = replica.signIn('settings_user');
    const page = await request('GET', '/settings/account/login_verification/backup_code', { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('"handle":"settings_user"');
  });

  it('shows the current code and generates a new one through /1.1/account/backup_code.json', async () => {
    replica.referee.createAccount({ handle: 'codes_user', password: 'pw', codes: 2 });
    const { name, value } = replica.signIn('codes_user');
    const headers = { cookie: `${name}=${value}` };
    const before = replica.referee.state('codes_user').codes;
    const current = await request('GET', '/1.1/account/backup_code.json', { headers });
    expect(current.json()).toEqual({ codes: [before[1]!.code] });
    const fresh = await request('POST', '/i/api/1.1/account/backup_code.json', { headers });
    const after = replica.referee.state('codes_user').codes;
    expect(after).toHaveLength(3);
    expect(fresh.json()).toEqual({ codes: [after[2]!.code] });
    expect((await request('GET', '/1.1/account/backup_code.json')).status).toBe(401);
  });

  it("answers a wrong backup code with X's 399 error, keeps the flow, and accepts the right code once", async () => {
    replica.referee.createAccount({ handle: 'flow_user', password: 'correct horse', mode: 'backup', codes: 2 });
    const challenge = await loginUntilAfterPassword('flow_user');
    const subtasks = challenge.json().subtasks;
    expect(subtasks.map((s: { subtask_id: string }) => s.subtask_id)).toEqual(['LoginTwoFactorAuthChallenge', 'LoginTwoFactorAuthChooseMethod']);
    expect(subtasks[0].enter_text.header.primary_text.text).toBe('Enter your backup code');
    expect(subtasks[0].enter_text.header.secondary_text.text).toBe('Enter your backup code below.');
    expect(subtasks[0].enter_text.hint_text).toBe('Enter code');
    expect(subtasks[0].enter_text.detail_text.text).toBe('Choose a different verification method\n\nContact X Support');
    const token = challenge.json().flow_token;

    const wrong = await enterText(token, 'LoginTwoFactorAuthChallenge', 'aaaa bbbb cccc');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toBe('{"errors":[{"code":399,"message":"Incorrect. Please try again."}]}');

    const codes = replica.referee.state('flow_user').codes;
    const right = await enterText(token, 'LoginTwoFactorAuthChallenge', formatCode(codes[1]!.code));
    expect(right.status).toBe(200);
    expect(right.json().subtasks[0].subtask_id).toBe('LoginSuccessSubtask');
    expect(right.headers['set-cookie']?.[0]).toMatch(/^auth_token=[0-9a-f]{40}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(replica.referee.state('flow_user').codes.map((c) => c.status)).toEqual(['invalidated', 'used']);

    const again = await enterText(token, 'LoginTwoFactorAuthChallenge', codes[1]!.code);
    expect(again.status).toBe(400);
  });

  it('lets an app-mode account switch to backup codes through the choice screen, matching by label not value', async () => {
    replica.referee.createAccount({ handle: 'app_user', password: 'pw', mode: 'app', codes: 1, choiceIds: { app: '4', backup: '11' } });
    const challenge = await loginUntilAfterPassword('app_user');
    const [twoFa, choose] = challenge.json().subtasks;
    expect(twoFa.enter_text.header.primary_text.text).toBe('Enter your verification code');
    expect(twoFa.enter_text.header.secondary_text.text).toBe('Use your code generator app to generate a code and enter it below.');
    expect(choose.choice_selection.choices).toEqual([
      { id: '4', text: { text: 'Use a code generator app', entities: [] } },
      { id: '11', text: { text: 'Use a backup code', entities: [] } },
    ]);
    const switched = await request('POST', '/1.1/onboarding/task.json', {
      body: { flow_token: challenge.json().flow_token, subtask_inputs: [{ subtask_id: 'LoginTwoFactorAuthChooseMethod', choice_selection: { link: 'next_link', selected_choices: ['11'] } }] },
    });
    expect(switched.json().subtasks[0].enter_text.header.primary_text.text).toBe('Enter your backup code');
    const code = replica.referee.state('app_user').codes[0]!.code;
    expect((await enterText(switched.json().flow_token, 'LoginTwoFactorAuthChallenge', code)).status).toBe(200);
  });

  it('asks for the e-mailed code (LoginAcid) instead of 2FA when the account is set to, and inserts the unusual-activity check', async () => {
    replica.referee.createAccount({ handle: 'mail_user', password: 'pw', mode: 'email' });
    const acid = await loginUntilAfterPassword('mail_user');
    expect(acid.json().subtasks[0].subtask_id).toBe('LoginAcid');
    expect(acid.json().subtasks[0].enter_text.header.primary_text.text).toBe('Check your email');

    replica.referee.createAccount({ handle: 'odd_user', password: 'pw', unusualActivity: true });
    const check = await loginUntilAfterPassword('odd_user');
    expect(check.json().subtasks[0].subtask_id).toBe('LoginEnterAlternateIdentifierSubtask');
    expect(check.json().subtasks[0].enter_text.header.primary_text.text).toBe('Enter your phone number or username');
    const password = await enterText(check.json().flow_token, 'LoginEnterAlternateIdentifierSubtask', 'odd_user');
    expect(password.json().subtasks[0].subtask_id).toBe('LoginEnterPassword');
  });

  it('localizes the login steps from the x-twitter-client-language header', async () => {
    replica.referee.createAccount({ handle: 'lang_user', password: 'pw', mode: 'backup', codes: 1 });
    const es = await loginUntilAfterPassword('lang_user', 'es');
    expect(es.json().subtasks[0].enter_text.header.primary_text.text).toBe('Introduce tu código de respaldo');
    const ja = await loginUntilAfterPassword('lang_user', 'ja');
    expect(ja.json().subtasks[0].enter_text.header.primary_text.text).toBe('バックアップコードを入力');
    const wrong = await enterText(es.json().flow_token, 'LoginTwoFactorAuthChallenge', 'nope');
    expect(wrong.json().errors[0].code).toBe(399);
  });

  it('refuses a stale flow token and a subtask the flow did not offer', async () => {
    replica.referee.createAccount({ handle: 'stale_user', password: 'pw', codes: 1 });
    const first = await request('POST', '/1.1/onboarding/task.json?flow_name=login', { body: {} });
    const token = first.json().flow_token;
    await request('POST', '/1.1/onboarding/task.json', { body: { flow_token: token, subtask_inputs: [{ subtask_id: 'LoginJsInstrumentationSubtask', js_instrumentation: { response: '{}', link: 'next_link' } }] } });
    const stale = await request('POST', '/1.1/onboarding/task.json', { body: { flow_token: token, subtask_inputs: [{ subtask_id: 'LoginJsInstrumentationSubtask' }] } });
    expect(stale.status).toBe(400);
    expect(stale.json().errors[0].code).toBe(366);
    const skip = await loginUntilAfterPassword('stale_user');
    const bogus = await enterText(skip.json().flow_token, 'LoginAcid', '123');
    expect(bogus.status).toBe(400);
    expect(bogus.json().errors[0].code).toBe(366);
  });
});
