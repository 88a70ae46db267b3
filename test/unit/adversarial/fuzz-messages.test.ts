// Every runtime message is untrusted input (a compromised renderer can send anything), so every
// body validator gets 10,000 generated bodies — a valid body mutated field by field, and junk —
// and the router gets 10,000 generated (message, sender) pairs.
//   - A validator either refuses with InvalidMessage naming the field ("body.x must be …") or
//     returns a fresh plain object holding only the body's own declared fields, unchanged, that
//     it accepts again as it is. Nothing reaches Object.prototype.
//   - The router always answers a Result with a protocol error code, never throws, and runs a
//     handler only for our own extension page (page messages) or our content script in a tab's
//     top frame on one of X's exact origins still shown by the tab (content messages).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, OFFSCREEN_TARGET, STEP_MODES, type MessageName, type PageMessageName } from '../../../src/messages/protocol';
import { OFFSCREEN_SCHEMA, PAGE_REPLIES, PAGE_SCHEMAS, SCHEMAS } from '../../../src/messages/schemas';
import { InvalidMessage, type Check } from '../../../src/messages/validate';
import { createRouter, type Handlers } from '../../../src/background/router';
import type { SenderLike } from '../../../src/background/sender';
import { SITES } from '../../../src/sites/index';
import { SELF } from '../background/rig';
import { edits, mutate, odd, polluted, type Json } from './mutate';
import { property } from '../property';

const RUNS = 10_000;

/** One valid body per message, as the popup and the content script send them. */
const VALID: { [N in MessageName]: Json } = {
  'vault/status': {},
  'vault/create': { passphrase: 'mauve tractor quietly bends', confirm: 'mauve tractor quietly bends' },
  'vault/unlock': { passphrase: 'mauve tractor quietly bends' },
  'vault/lock': {},
  'vault/change-passphrase': { current: 'a', next: 'b c d e', confirm: 'b c d e' },
  'settings/set': { autoLockMinutes: 15, autoSubmit: false, clipboardClearSeconds: 30 },
  'sync/status': {},
  'sync/set': { on: true, passphrase: 'mauve tractor quietly bends' },
  'autofill/get': {},
  'autofill/set': { site: 'x', on: true, trusted: true },
  'accounts/list': {},
  'accounts/get': { accountId: 'acc-1', reveal: ['code-1', 'code-2'] },
  'accounts/add': { site: 'x', label: '@alice' },
  'accounts/rename': { accountId: 'acc-1', label: '@alice2' },
  'accounts/delete': { accountId: 'acc-1', confirmLabel: '@alice' },
  'codes/add': { accountId: 'acc-1', values: ['aaaa1111bbbb', 'cccc 2222 dddd'], source: 'paste' },
  'codes/preview': { accountId: 'acc-1', values: ['aaaa1111bbbb', 'cccc 2222 dddd'] },
  'codes/set-status': { accountId: 'acc-1', codeId: 'code-1', status: 'used' },
  'history/list': { accountId: 'acc-1', limit: 50 },
  'captures/list': {},
  'captures/save': { captureId: 'cap-1', revision: 1 },
  'captures/dismiss': { captureId: 'cap-1' },
  'fill/active-tab': { accountId: 'acc-1', codeId: 'code-1' },
  'fill/active-tab-step': {},
  'backup/export': { passphrase: 'p', own: true, confirm: 'p' },
  'backup/restore': { text: '{"format":"sparekey-backup"}', passphrase: 'p' },
  'clipboard/clear-after': { seconds: 30 },
  'sites/access': {},
  'content/load-runtime': {},
  'content/prompt-seen': { mode: 'backup', accountHint: '@alice' },
  'content/request-fill': { trusted: true, accountHint: '@alice', accountId: 'acc-1' },
  'content/report-outcome': { reservationId: 'res-1', outcome: 'accepted' },
  'content/submitted': { reservationId: 'res-1', successPaths: ['/', '/settings/profile'] },
  'content/codes-seen': { codes: ['aaaa 1111 bbbb'], handle: '@alice' },
  'content/codes-save': { captureId: 'cap-1', revision: 1, trusted: true },
  'content/codes-dismiss': { captureId: 'cap-1', trusted: true },
  'content/open-popup': { trusted: true },
  'content/auto-fill': { mode: 'backup', accountHint: '@alice' },
  'content/undo-fill': { reservationId: 'res-1', trusted: true },
};
const NAMES = Object.keys(VALID) as MessageName[];

/** The background's messages to a page runtime, as it sends them. */
const PAGE_VALID: { [N in PageMessageName]: Json } = {
  'page/refresh': {},
  'page/state': {},
  'page/fill': { value: 'aaaa1111bbbb', reservationId: 'res-1', accountId: 'acc-1', seq: 3, autoSubmit: false },
};
/** The page runtime's answers the background reads (page/refresh's answer is nothing, and read as nothing). */
const PAGE_REPLY_VALID: { [N in Exclude<PageMessageName, 'page/refresh'>]: Json } = {
  'page/state': { challenge: 'app', accountHint: '@alice' },
  'page/fill': { filled: true },
};
/** The background's one message to Chrome's offscreen document. */
const OFFSCREEN_VALID: Json = { target: OFFSCREEN_TARGET, type: 'clear-after', delayMs: 30_000 };

type AnyCheck = (v: unknown, path: string) => unknown;
/** Every validator a receiver runs, each with one valid input. */
const VALIDATORS: Array<[string, AnyCheck, Json]> = [
  ...NAMES.map((n): [string, AnyCheck, Json] => [n, SCHEMAS[n] as AnyCheck, VALID[n]]),
  ...(Object.keys(PAGE_VALID) as PageMessageName[]).map((n): [string, AnyCheck, Json] => [n, PAGE_SCHEMAS[n] as AnyCheck, PAGE_VALID[n]]),
  ...(Object.keys(PAGE_REPLY_VALID) as (keyof typeof PAGE_REPLY_VALID)[]).map((n): [string, AnyCheck, Json] => [`${n} answer`, PAGE_REPLIES[n] as AnyCheck, PAGE_REPLY_VALID[n]]),
  ['offscreen clear-after', OFFSCREEN_SCHEMA as Check<unknown>, OFFSCREEN_VALID],
];

/** Boundary values the validators' limits sit next to. */
const edge: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(0, 1, 480, 481, 600, 601, 10_000, 10_001, -0.5, 1.5, 'true', true, 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(200), 'x'.repeat(201)),
  fc.constantFrom<Json>('x'.repeat(1_024), 'x'.repeat(1_025), [], Array(20).fill('aaaa1111bbbb'), Array(21).fill('aaaa1111bbbb')),
  fc.constantFrom<Json>(...STEP_MODES, 'used', 'unused', 'rejected', 'invalidated', 'reserved', 'paste', 'import', 'evil'),
);

/** A body for `name`: its valid body mutated (with odd or edge values), or anything. */
function bodyFor(name: MessageName): fc.Arbitrary<unknown> {
  return mutated(VALID[name]);
}

function mutated(valid: Json): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: edits.map((e) => mutate(valid, e)) },
    { weight: 2, arbitrary: fc.tuple(fc.nat(), edge).map(([pick, value]) => mutate(valid, [[pick, { kind: 'set', value }]])) },
    { weight: 1, arbitrary: fc.constant(valid) },
    { weight: 1, arbitrary: odd },
    // Messages arrive JSON-serialised (Chrome) or structured-cloned (Firefox): odd objects included.
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }) },
  );
}

/** "body.x must be …", "body.values[3] must be …" (a key may be any text, even empty). */
const PATH_MESSAGE = /^body(?:[.[].*)? must be \S/su;

function deepEqualJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe.each(VALIDATORS)('the %s validator', (_name, check, valid) => {

  property(`accepts its valid body as it is and refuses or cleans ${RUNS.toLocaleString('en')} generated bodies`, RUNS, (runs) => {
    expect(check(structuredClone(valid), 'body')).toEqual(valid);
    const counts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(mutated(valid), (body) => {
        let out: unknown;
        try {
          out = check(body, 'body');
        } catch (e) {
          if (!(e instanceof InvalidMessage)) throw e;
          if (!PATH_MESSAGE.test(e.message)) throw new Error(`unclear refusal: ${e.message}`);
          counts.refused++;
          return;
        }
        counts.accepted++;
        if (typeof out !== 'object' || out === null || Object.getPrototypeOf(out) !== Object.prototype) throw new Error('not a plain object');
        if (out === body) throw new Error('returned the caller’s object instead of a copy');
        const input = body as Record<string, unknown>;
        for (const [k, v] of Object.entries(out)) {
          if (!Object.hasOwn(input, k)) throw new Error(`invented field ${k}`);
          if (!deepEqualJson(v, input[k])) throw new Error(`changed field ${k}`);
          if (v === undefined || typeof v === 'function') throw new Error(`field ${k} is ${typeof v}`);
        }
        if (!deepEqualJson(check(out, 'body'), out)) throw new Error('not accepted again as it is');
        if (polluted()) throw new Error('Object.prototype polluted');
      }),
      runs,
    );
    expect(counts.refused).toBeGreaterThan(runs.numRuns / 10);
    if (Object.keys(valid as object).length > 0) expect(counts.accepted).toBeGreaterThan(runs.numRuns / 20);
  });
});

/** Malformed examples the receivers of page/* and the offscreen message must refuse, each for one reason. */
describe('messages to a page runtime and to the offscreen document', () => {
  const fill = PAGE_VALID['page/fill'] as Record<string, Json>;
  const refuses = (check: AnyCheck, value: unknown) => expect(() => check(value, 'body'), JSON.stringify(value)).toThrow(InvalidMessage);

  it('page/fill is refused without a code, with an over-long one, a stray or missing field, a seq that is no count, or an auto-submit that is not a boolean', () => {
    const check = PAGE_SCHEMAS['page/fill'] as AnyCheck;
    for (const bad of [
      { ...fill, value: '' },
      { ...fill, value: 'a'.repeat(129) },
      { ...fill, reservationId: '' },
      { ...fill, accountId: 7 },
      { ...fill, seq: 1.5 },
      { ...fill, seq: '3' },
      { ...fill, autoSubmit: 'yes' },
      { ...fill, extra: 1 },
      Object.fromEntries(Object.entries(fill).filter(([k]) => k !== 'autoSubmit')),
      null,
      [fill],
      'page/fill',
    ])
      refuses(check, bad);
  });

  it('page/state and page/refresh carry an empty body, nothing else', () => {
    for (const name of ['page/state', 'page/refresh'] as const) {
      for (const bad of [{ challenge: 'app' }, null, [], 'x']) refuses(PAGE_SCHEMAS[name] as AnyCheck, bad);
    }
  });

  it('a page runtime\'s answers are refused when they name no step kind, carry an over-long hint, or say "filled" with anything but a boolean', () => {
    for (const bad of [{ challenge: 'sms' }, { accountHint: '@a' }, { challenge: 'app', accountHint: 'x'.repeat(201) }, { challenge: 'app', extra: true }, undefined])
      refuses(PAGE_REPLIES['page/state'] as AnyCheck, bad);
    for (const bad of [{ filled: 'true' }, { filled: 1 }, {}, undefined]) refuses(PAGE_REPLIES['page/fill'] as AnyCheck, bad);
  });

  it('the offscreen message is refused when it names another target or job, or a delay that is no whole number of ms up to 10 minutes', () => {
    const ok = OFFSCREEN_VALID as Record<string, Json>;
    for (const bad of [
      { ...ok, target: 'someone-else' },
      { ...ok, type: 'clear-now' },
      { ...ok, delayMs: -1 },
      { ...ok, delayMs: 600_001 },
      { ...ok, delayMs: 1.5 },
      { ...ok, delayMs: '30000' },
      { ...ok, body: {} },
      { type: 'vault/unlock', body: { passphrase: 'p' } },
    ])
      refuses(OFFSCREEN_SCHEMA as AnyCheck, bad);
  });
});

// ---- the router -----------------------------------------------------------------------------------

const X_ORIGINS = ['https://x.com', 'https://twitter.com', 'https://mobile.twitter.com'];
const LOGIN = 'https://x.com/i/flow/login';
const POPUP_URL = `${SELF.origin}/popup.html`;

const KNOWN_SENDERS: Record<string, SenderLike> = {
  popup: { id: SELF.id, url: POPUP_URL },
  'popup in a tab': { id: SELF.id, url: POPUP_URL, frameId: 0, tab: { id: 5, url: POPUP_URL } },
  'popup framed by a page': { id: SELF.id, url: POPUP_URL, frameId: 3, tab: { id: 5, url: 'https://evil.test/' } },
  'content on x.com': { id: SELF.id, url: LOGIN, origin: 'https://x.com', frameId: 0, tab: { id: 1, url: LOGIN } },
  'content in a frame on x.com': { id: SELF.id, url: LOGIN, frameId: 2, tab: { id: 1, url: LOGIN } },
  'content on a lookalike': { id: SELF.id, url: 'https://x.com.evil.test/i/flow/login', frameId: 0, tab: { id: 1, url: 'https://x.com.evil.test/i/flow/login' } },
  'content on http://x.com': { id: SELF.id, url: 'http://x.com/i/flow/login', frameId: 0, tab: { id: 1, url: 'http://x.com/i/flow/login' } },
  'content whose tab moved on': { id: SELF.id, url: LOGIN, frameId: 0, tab: { id: 1, url: 'https://evil.test/' } },
  'content whose origin disagrees': { id: SELF.id, url: LOGIN, origin: 'https://evil.test', frameId: 0, tab: { id: 1, url: LOGIN } },
  'another extension': { id: 'attacker-extension', url: 'chrome-extension://attacker-extension/page.html' },
  'another extension claiming our page': { id: 'attacker-extension', url: POPUP_URL },
  'a web page': { url: 'https://x.com/', frameId: 0, tab: { id: 1, url: 'https://x.com/' } },
  'a data: frame': { id: SELF.id, url: 'data:text/html,hi', frameId: 0, tab: { id: 1, url: LOGIN } },
  'about:blank': { id: SELF.id, url: 'about:blank', frameId: 0, tab: { id: 1, url: LOGIN } },
  'no tab id': { id: SELF.id, url: LOGIN, frameId: 0, tab: { url: LOGIN } },
  'a negative tab id': { id: SELF.id, url: LOGIN, frameId: 0, tab: { id: -1, url: LOGIN } },
};

const url = fc.oneof(
  fc.constantFrom(POPUP_URL, LOGIN, 'https://twitter.com/home', 'https://x.com.evil.test/', 'https://evil.test/', 'chrome-extension://other/popup.html', `${SELF.origin}.evil.test/`, 'javascript:alert(1)', 'blob:https://x.com/1', 'https://X.COM/', 'https://x.com:8443/', 'https://user@x.com/'),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.string({ maxLength: 30 }),
);
const generatedSender: fc.Arbitrary<SenderLike> = fc.record(
  {
    id: fc.oneof(fc.constant(SELF.id), fc.string({ maxLength: 20 })),
    url,
    origin: fc.oneof(fc.constantFrom(...X_ORIGINS, SELF.origin, 'null'), fc.string({ maxLength: 10 })),
    frameId: fc.oneof(fc.constant(0), fc.integer({ min: -1, max: 5 })),
    tab: fc.record({ id: fc.oneof(fc.constant(1), fc.integer({ min: -2, max: 3 })), url }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const sender = fc.oneof(fc.constantFrom(...Object.values(KNOWN_SENDERS)), generatedSender);
/** Half the time the sender that message's direction wants, so bodies are judged too. */
const rightSender = (name: unknown) => fc.constant(String(name).startsWith('content/') ? KNOWN_SENDERS['content on x.com']! : KNOWN_SENDERS.popup!);

const message: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NAMES).chain((name) => bodyFor(name).map((body) => ({ type: name, body }))) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'page/fill', 'page/refresh', 'vault/wipe', ''), body: odd }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

function originOf(u: string | undefined): string | undefined {
  try {
    return u ? new URL(u).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The security rule, stated on its own: who may have a handler run for a message. */
function mayRun(name: string, s: SenderLike): boolean {
  if (s.id !== SELF.id) return false;
  if (name.startsWith('content/')) {
    const origin = originOf(s.url);
    return (
      s.frameId === 0 &&
      typeof s.tab?.id === 'number' &&
      s.tab.id >= 0 &&
      origin !== undefined &&
      X_ORIGINS.includes(origin) &&
      originOf(s.tab.url) === origin &&
      (s.origin === undefined || s.origin === origin)
    );
  }
  return (
    typeof s.url === 'string' &&
    s.url.startsWith(`${SELF.origin}/`) &&
    !(s.tab && (s.frameId ?? 0) !== 0) &&
    (s.tab?.url === undefined || s.tab.url.startsWith(`${SELF.origin}/`))
  );
}

describe('the router', () => {
  const calls: Array<{ name: string; body: unknown; caller: unknown }> = [];
  const handlers = Object.fromEntries(
    NAMES.map((name) => [name, async (body: unknown, caller: unknown) => (calls.push({ name, body, caller }), { handled: name })]),
  ) as unknown as Handlers;
  const route = createRouter({ self: SELF, sites: SITES, handlers });

  it('runs each handler for the right sender with a valid body', async () => {
    for (const name of NAMES) {
      const who = name.startsWith('content/') ? KNOWN_SENDERS['content on x.com']! : KNOWN_SENDERS.popup!;
      calls.length = 0;
      expect(await route({ type: name, body: VALID[name] }, who), name).toEqual({ ok: true, value: { handled: name } });
      expect(calls).toHaveLength(1);
    }
  });

  property(`answers ${RUNS.toLocaleString('en')} generated messages from generated senders with a Result, running handlers only for senders the rule allows`, RUNS, async (runs) => {
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(message.chain((m) => fc.tuple(fc.constant(m), fc.oneof(sender, rightSender((m as { type?: unknown } | null)?.type)))), async ([msg, from]) => {
        calls.length = 0;
        const reply = await route(msg, from);
        const key = reply.ok ? 'ok' : reply.error.code;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        if (!reply.ok && (!ERROR_CODES.includes(reply.error.code) || typeof reply.error.message !== 'string')) throw new Error(`bad error ${JSON.stringify(reply)}`);
        if (calls.length > 1) throw new Error('more than one handler ran');
        const call = calls[0];
        if (call) {
          if (!mayRun(call.name, from)) throw new Error(`${call.name} ran for ${JSON.stringify(from)}`);
          const body = (msg as { body?: unknown }).body ?? {};
          if (!deepEqualJson(call.body, (SCHEMAS[call.name as MessageName] as (v: unknown, p: string) => unknown)(body, 'body')))
            throw new Error('the handler got something other than the checked body');
          const caller = call.caller as { kind: string; origin?: string };
          if (call.name.startsWith('content/') && caller.origin !== originOf(from.url)) throw new Error('caller origin not the sender’s');
        }
        if (reply.ok !== (call !== undefined)) throw new Error('ok without a handler, or a handler without ok');
        if (polluted()) throw new Error('Object.prototype polluted');
      }),
      runs,
    );
    // Every kind of answer happened: accepted, refused for the sender, refused for the body.
    expect(outcomes.ok).toBeGreaterThan(runs.numRuns / 50);
    expect(outcomes['not-allowed']).toBeGreaterThan(runs.numRuns / 10);
    expect(outcomes.invalid).toBeGreaterThan(runs.numRuns / 10);
  });
});
