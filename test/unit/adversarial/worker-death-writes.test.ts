// The worker killed at EVERY write of an import, a restore, a capture, a fill, a passphrase change,
// a lock, a status change, a deletion and a reconcile (not only between steps:
// test/unit/background/worker-death.test.ts does that). After each death a revived worker is built
// from storage alone, and:
//   - nothing is half-imported: the vault holds the state before the operation or the state after
//     it (the few steps between two writes that are legal on their own are named per scenario);
//   - the history tells the truth: every code has the codes-added event of its batch, every such
//     event has exactly its codes, and each code's newest status event names its status;
//   - the person's retry (the popup or page sends the same request again) ends in the same vault
//     as an undisturbed run: no code lost, none doubled, none offered twice;
//   - the lock state, the key in storage.session and which passphrase opens the vault are part of
//     "the state": a passphrase change is old-or-new, never neither, and a lock is all or nothing.
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { Code, VaultEvent } from '../../../src/vault/types';
import { reconcileAll } from '../../../src/background/reservations';
import { FakeTabs, LOGIN, PASS, X_CODES, contentSender, makeRig, type Rig } from '../background/rig';
import { mortalKv, useMortality, type Mortality } from './mortal';

const mortality = useMortality();

const CODE_PAGE = 'https://x.com/settings/account/login_verification/backup_code';
const NEW = 'lantern otter quietly sings';
/** Twelve more X codes, distinct from X_CODES. */
const MORE = Array.from({ length: 12 }, (_, i) => `${'klmnopqrstuv'[i]}${String(i).padStart(3, '0')}x7y7z7${'abcdefghijkl'[i]}q`.slice(0, 12));

function world(m: Mortality, clock = { now: Date.UTC(2026, 10, 22, 9) }) {
  return { factory: new IDBFactory(), session: mortalKv(m, 'session'), local: mortalKv(m, 'local'), tabs: new FakeTabs(), clock };
}
type World = ReturnType<typeof world>;

/**
 * The same storage, a new worker: memory gone, storage kept. Time moves on across a restart (the
 * log's ids sort by time, and a new worker's id counter starts again).
 */
function revive(w: World): Rig {
  w.clock.now += 1_000;
  return makeRig(w);
}

interface State {
  /** What the (revived) worker says. */
  lock: 'unlocked' | 'locked' | 'no-vault';
  /** vaultKey in storage.session. */
  key: boolean;
  /** Which passphrase opens the vault after a browser restart. */
  passphrase: string;
  accounts: Array<{ label: string; codes: Array<Pick<Code, 'value' | 'seq' | 'status' | 'source'>> }>;
  events: string[];
  captures: number;
}

/**
 * A worker over the same IndexedDB after a browser restart (storage.session and the throttle
 * counter empty), unlocked with whichever passphrase opens the vault: reads the vault whether or
 * not `rig` is locked, and tells which passphrase works.
 */
async function reader(rig: Rig): Promise<{ reader: Rig; passphrase: string }> {
  const works: string[] = [];
  let opened: Rig | undefined;
  for (const [name, passphrase] of [['old', PASS], ['new', NEW]] as const) {
    const probe = makeRig({ factory: rig.factory, clock: { now: rig.clock.now } });
    if ((await probe.send('vault/unlock', { passphrase })).ok) {
      works.push(name);
      opened ??= probe;
    }
  }
  if (!opened) throw new Error('neither passphrase opens the vault');
  return { reader: opened, passphrase: works.join('+') };
}

async function state(rig: Rig): Promise<State> {
  const lock = await rig.deps.session.state();
  const { reader: opened, passphrase } = await reader(rig);
  const vault = await opened.deps.session.unlocked();
  const accounts = vault
    .allAccounts()
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((a) => ({
      label: a.label,
      codes: vault.codesOf(a.id).map(({ value, seq, status, source }) => ({ value, seq, status, source })),
    }));
  const { events } = await vault.store.loadEvents();
  const captures = ((rig.session.data.get('pendingCaptures') as unknown[] | undefined) ?? []).length;
  return { lock, key: rig.session.data.has('vaultKey'), passphrase, accounts, events: events.map((e) => e.kind).sort(), captures };
}

/** Where the log and the codes disagree; [] when the history tells the truth. */
async function lies(rig: Rig): Promise<string[]> {
  const vault = await (await reader(rig)).reader.deps.session.unlocked();
  const { events, errors } = await vault.store.loadEvents();
  const problems = errors.map((e) => `unreadable ${e.where}`);
  const codes = vault.allAccounts().flatMap((a) => vault.codesOf(a.id));
  // A deleted account's history stays in the log after its codes are gone: not a lie.
  const deleted = new Set(events.filter((e) => e.kind === 'account-deleted').map((e) => e.accountId));
  const added = events.filter((e) => e.kind === 'codes-added' && !deleted.has(e.accountId));
  for (const e of added) {
    const inBatch = codes.filter((c) => c.batch === e.detail?.batch && c.accountId === e.accountId).length;
    if (inBatch !== e.detail?.added) problems.push(`batch ${String(e.detail?.batch)} says ${String(e.detail?.added)} added, the vault holds ${inBatch}`);
  }
  for (const c of codes) {
    if (!added.some((e) => e.detail?.batch === c.batch && e.accountId === c.accountId)) problems.push(`code #${c.seq} has no codes-added event`);
    const newest = events.find((e: VaultEvent) => e.kind === 'code-status-changed' && e.codeId === c.id);
    const logged = newest ? newest.detail?.to : 'unused';
    if (logged !== c.status) problems.push(`code #${c.seq} is ${c.status}, the log says ${String(logged)}`);
  }
  const ids = new Set(codes.map((c) => c.id));
  for (const e of events) if (e.codeId !== undefined && !ids.has(e.codeId) && !deleted.has(e.accountId)) problems.push(`${e.kind} about a code the vault lacks`);
  return problems;
}

interface Scenario {
  name: string;
  /** Builds the vault the operation starts from (its writes are not counted). */
  setup(rig: Rig): Promise<Record<string, string>>;
  /** The operation: one request, as the popup or the content script sends it. */
  op(rig: Rig, ctx: Record<string, string>): Promise<unknown>;
  /** A state between "before" and "after" that is legal on its own, if any. */
  between?(s: State, before: State, after: State): boolean;
}

async function vaultWithAlice(rig: Rig, values = X_CODES.slice(0, 2)) {
  await rig.ok('vault/create', { passphrase: PASS, confirm: PASS });
  const alice = await rig.ok('accounts/add', { site: 'x', label: '@alice' });
  if (values.length) await rig.ok('codes/add', { accountId: alice.id, values, source: 'paste' });
  return alice.id;
}

/** A backup file of another browser's vault: @alice (overlapping ours) and @bob. Made once. */
let backupText: Promise<string> | undefined;
function backup(): Promise<string> {
  return (backupText ??= (async () => {
    mortality.disarm();
    const other = makeRig({ clock: { now: Date.UTC(2026, 10, 1) } });
    const aliceId = await vaultWithAlice(other, [X_CODES[0]!, X_CODES[2]!, X_CODES[3]!]);
    const first = (await other.ok('accounts/get', { accountId: aliceId })).codes[0]!;
    await other.ok('codes/set-status', { accountId: aliceId, codeId: first.id, status: 'used' });
    const bob = await other.ok('accounts/add', { site: 'x', label: '@bob' });
    await other.ok('codes/add', { accountId: bob.id, values: MORE.slice(0, 4), source: 'import' });
    return (await other.ok('backup/export', { passphrase: PASS, own: false })).text;
  })());
}

const tab1 = contentSender(1, LOGIN);
const capturePage = contentSender(3, CODE_PAGE);

/** The states a and b, equal but for the listed fields. */
function sameBut(a: State, b: State, ...fields: Array<keyof State>): boolean {
  const strip = (x: State) => JSON.stringify({ ...x, ...Object.fromEntries(fields.map((f) => [f, null])) });
  return strip(a) === strip(b);
}

const SCENARIOS: Scenario[] = [
  {
    name: 'codes/add: a file import of ten codes that invalidates older ones (X keeps five)',
    setup: async (rig) => ({ accountId: await vaultWithAlice(rig) }),
    op: (rig, { accountId }) => rig.send('codes/add', { accountId: accountId!, values: MORE.slice(0, 10), source: 'import' }),
  },
  {
    name: 'backup/restore: merging a two-account file into a vault that shares one account',
    setup: async (rig) => {
      await vaultWithAlice(rig);
      return { text: await backup() };
    },
    op: (rig, { text }) => rig.send('backup/restore', { text: text!, passphrase: PASS }),
  },
  {
    name: 'content/codes-save: saving a capture for a handle the vault does not know yet',
    setup: async (rig) => {
      await vaultWithAlice(rig);
      rig.tabs.urls.set(3, CODE_PAGE);
      const seen = await rig.ok('content/codes-seen', { codes: [MORE[10]!], handle: '@carol' }, capturePage);
      return { captureId: seen.captureId!, revision: String(seen.preview!.revision) };
    },
    op: (rig, { captureId, revision }) => rig.send('content/codes-save', { captureId: captureId!, revision: Number(revision), trusted: true }, capturePage),
    // The account is created in its own write before its codes; and the saved capture is
    // forgotten in storage.session after the vault committed it.
    between: (s, before, after) =>
      (s.captures === 1 && JSON.stringify(s.accounts) === JSON.stringify([...before.accounts, { label: '@carol', codes: [] }].sort((a, b) => a.label.localeCompare(b.label)))) ||
      (s.captures === 1 && JSON.stringify(s.accounts) === JSON.stringify(after.accounts)),
  },
  {
    name: 'captures/save: saving a capture from the popup into an existing account',
    setup: async (rig) => {
      await vaultWithAlice(rig);
      rig.tabs.urls.set(3, CODE_PAGE);
      const seen = await rig.ok('content/codes-seen', { codes: [MORE[11]!], handle: '@alice' }, capturePage);
      return { captureId: seen.captureId!, revision: String(seen.preview!.revision) };
    },
    op: (rig, { captureId, revision }) => rig.send('captures/save', { captureId: captureId!, revision: Number(revision) }),
    between: (s, _before, after) => s.captures === 1 && JSON.stringify(s.accounts) === JSON.stringify(after.accounts),
  },
  {
    name: 'content/request-fill: reserving the next code for the login tab',
    setup: async (rig) => {
      await vaultWithAlice(rig);
      rig.tabs.urls.set(1, LOGIN);
      return {};
    },
    op: (rig) => rig.send('content/request-fill', { trusted: true }, tab1),
  },
  {
    name: 'content/report-outcome: X accepted the filled code',
    setup: async (rig) => {
      await vaultWithAlice(rig);
      rig.tabs.urls.set(1, LOGIN);
      const grant = await rig.ok('content/request-fill', { trusted: true }, tab1);
      return { reservationId: grant.reservationId };
    },
    op: (rig, { reservationId }) => rig.send('content/report-outcome', { reservationId: reservationId!, outcome: 'accepted' }, tab1),
  },
  {
    name: 'fill/active-tab: a popup fill that reaches no code field (reserve, then give back)',
    setup: async (rig) => {
      await vaultWithAlice(rig);
      rig.tabs.urls.set(1, LOGIN);
      rig.tabs.activeTab = 1;
      rig.tabs.fillWorks = false;
      return {};
    },
    op: (rig) => rig.send('fill/active-tab', {}),
    // Reserved for the tab, not yet given back: held, not lost (the same tab gets it again).
    between: (s, before) =>
      JSON.stringify(s.accounts) ===
      JSON.stringify(before.accounts.map((a) => ({ ...a, codes: a.codes.map((c) => (c.seq === 1 ? { ...c, status: 'reserved' } : c)) }))),
  },
  {
    // Before the header's one put commits only the old passphrase opens the vault, after it only
    // the new one; the key itself never changes, so the revived worker stays unlocked throughout
    // and every record stays readable. The retry after success is refused (the current
    // passphrase is now the new one) and changes nothing.
    name: 'vault/change-passphrase: re-wrapping the vault key under a new passphrase',
    setup: async (rig) => {
      await vaultWithAlice(rig, X_CODES.slice(0, 3));
      // Two wrong tries first, so the change also clears the shared wrong-passphrase counter.
      await rig.send('vault/change-passphrase', { current: 'not it', next: NEW, confirm: NEW });
      await rig.send('vault/change-passphrase', { current: 'not it either', next: NEW, confirm: NEW });
      return {};
    },
    op: (rig) => rig.send('vault/change-passphrase', { current: PASS, next: NEW, confirm: NEW }),
  },
  {
    // A capture seen while unlocked goes with the key. Its removal comes first, so the one state
    // in between is "still unlocked, capture gone", never "locked with the codes still pending".
    name: 'vault/lock: forgetting the key and the pending captures made while unlocked',
    setup: async (rig) => {
      await vaultWithAlice(rig);
      rig.tabs.urls.set(3, CODE_PAGE);
      await rig.ok('content/codes-seen', { codes: [MORE[9]!], handle: '@alice' }, capturePage);
      return {};
    },
    op: (rig) => rig.send('vault/lock', {}),
    between: (s, before) => s.lock === 'unlocked' && s.key && s.captures === 0 && sameBut(s, before, 'captures'),
  },
  {
    name: 'codes/set-status: marking #2 used by hand, which invalidates #1 (X)',
    setup: async (rig) => {
      const accountId = await vaultWithAlice(rig, X_CODES.slice(0, 3));
      const second = (await rig.ok('accounts/get', { accountId })).codes[1]!;
      return { accountId, codeId: second.id };
    },
    op: (rig, { accountId, codeId }) => rig.send('codes/set-status', { accountId: accountId!, codeId: codeId!, status: 'used' }),
  },
  {
    name: 'accounts/delete: deleting an account with its codes, another account untouched',
    setup: async (rig) => {
      const accountId = await vaultWithAlice(rig, X_CODES.slice(0, 3));
      const bob = await rig.ok('accounts/add', { site: 'x', label: '@bob' });
      await rig.ok('codes/add', { accountId: bob.id, values: MORE.slice(0, 2), source: 'paste' });
      return { accountId };
    },
    op: (rig, { accountId }) => rig.send('accounts/delete', { accountId: accountId!, confirmLabel: '@alice' }),
  },
  {
    // What a revived worker runs first (main.ts: restore, then reconcileAll): the login tab went
    // to a host whose URL the browser withholds, so its reservation becomes unconfirmed.
    name: 'reconcile: a reserved code whose tab left the site becomes unconfirmed',
    setup: async (rig) => {
      await vaultWithAlice(rig);
      rig.tabs.urls.set(1, LOGIN);
      await rig.ok('content/request-fill', { trusted: true }, tab1);
      rig.tabs.urls.delete(1);
      return {};
    },
    op: async (rig) => {
      try {
        await rig.deps.session.restore();
        return { ok: true, settled: await reconcileAll(rig.deps) };
      } catch (e) {
        return { ok: false, error: { code: String(e) } };
      }
    },
  },
];

/** Runs `scenario` once undisturbed: the number of writes it makes and the vault before and after. */
async function reference(scenario: Scenario) {
  mortality.disarm();
  const w = world(mortality);
  const rig = makeRig(w);
  const ctx = await scenario.setup(rig);
  const before = await state(rig);
  mortality.arm(Number.POSITIVE_INFINITY);
  const reply = (await scenario.op(rig, ctx)) as { ok: boolean };
  const writes = mortality.steps;
  const log = [...mortality.log];
  mortality.disarm();
  const after = await state(revive(w));
  // A second, identical request in the undisturbed vault: what a retry after success leaves.
  const afterLies = await lies(revive(w));
  const again = revive(w);
  await scenario.op(again, ctx);
  return { writes, log, before, after, afterLies, afterAgain: await state(revive(w)), afterAgainLies: await lies(revive(w)), okReply: reply.ok };
}

// A hang guard, not a speed budget: the largest scenarios replay some twenty deaths, each with a
// revived worker and two probing unlocks (about 10 s on a loaded 2-core machine, 30 s and more
// when it is saturated). A test that times out stops at its next death (the signal), so it never
// arms the file's shared Mortality under the test that runs after it.
const SCENARIO_TIMEOUT_MS = 180_000;

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('a worker killed at each write of %s', (_name, scenario) => {
  it('leaves the state before or after, a truthful log, and a retry that ends as an undisturbed run', { timeout: SCENARIO_TIMEOUT_MS }, async ({ signal }) => {
    const ref = await reference(scenario);
    expect(ref.writes).toBeGreaterThan(0);
    const problems: string[] = [];
    const outcomes = { before: 0, after: 0, between: 0 };
    // k = writes + 1: the worker dies after its last write committed, before anyone saw the reply.
    for (let k = 1; k <= ref.writes + 1; k++) {
      signal.throwIfAborted();
      mortality.disarm();
      const w = world(mortality);
      const doomed = makeRig(w);
      const ctx = await scenario.setup(doomed);
      mortality.arm(k);
      const reply = (await scenario.op(doomed, ctx)) as { ok: boolean; error?: { code: string } };
      const last = k > ref.writes;
      const where = last ? 'killed after its last write' : `killed at write ${k} of ${ref.writes} (${mortality.log[k - 1]})`;
      if (!last && !mortality.dead) problems.push(`${where}: the worker never reached that write`);
      if (!last && reply.ok) problems.push(`${where}: answered ok although it died`);
      if (last && reply.ok !== ref.okReply) problems.push(`${where}: a different reply than the undisturbed run`);
      mortality.disarm();

      const revived = revive(w);
      const now = await state(revived);
      const same = (a: State, b: State) => JSON.stringify(a) === JSON.stringify(b);
      if (same(now, ref.before)) outcomes.before++;
      else if (same(now, ref.after)) outcomes.after++;
      else if (scenario.between?.(now, ref.before, ref.after)) outcomes.between++;
      else problems.push(`${where}: half-done: ${JSON.stringify(now)}`);
      // Only what an undisturbed run would show too (see `lies` on restored foreign log entries).
      for (const lie of await lies(revived)) if (!ref.afterLies.includes(lie)) problems.push(`${where}: ${lie}`);

      // The person (or the page) tries again on the revived worker.
      await scenario.op(revived, ctx);
      const final = await state(revive(w));
      const expected = same(now, ref.before) ? ref.after : ref.afterAgain;
      if (JSON.stringify(final.accounts) !== JSON.stringify(expected.accounts))
        problems.push(`${where}: after the retry ${JSON.stringify(final.accounts)}`);
      if (final.lock !== expected.lock || final.key !== expected.key || final.passphrase !== expected.passphrase)
        problems.push(`${where}: after the retry ${final.lock}, key ${String(final.key)}, passphrase ${final.passphrase}`);
      if (final.captures !== 0) problems.push(`${where}: a capture is still pending after the retry`);
      for (const lie of await lies(revive(w)))
        if (!ref.afterLies.includes(lie) && !ref.afterAgainLies.includes(lie)) problems.push(`${where}, after the retry: ${lie}`);
    }
    expect(problems).toEqual([]);
    expect(outcomes.before).toBeGreaterThan(0);
    expect(outcomes.after).toBeGreaterThan(0);
    console.log(`[worker death] ${scenario.name}: ${ref.writes} writes (${[...new Set(ref.log)].join(', ')}) → ${JSON.stringify(outcomes)}`);
  });
});
