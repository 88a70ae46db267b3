// `npm run bench`: builds what is stale, measures, prints ONE JSON object on stdout and writes it
// to test/bench/results/. Progress goes to stderr. Exit code 1 only when a measurement could not
// be taken (the JSON's "errors" says which); a missed budget is a figure, not a failure.
//
//   npm run bench [-- --only unlock,scale,detection,busy,sizes,popup] [--browsers chromium,firefox]
//                 [--rebuild] [--quick] [--marks]
// --marks: detection runs the bench build and splits auto-fill's time into phases (its hook's marks).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserVersion, ensureBrowsers } from '../e2e/harness/browsers';
import { BROWSER_NAMES, REPO_ROOT, type BrowserName } from '../e2e/harness/config';
import { startServer, type RequestHandler } from '../e2e/harness/server';
import { createReplica } from '../replica/handler.mjs';
import { DEFAULT_KDF } from '../../src/crypto/kdf-params';
import { ensureBenchBuilds } from './builds';
import { BUSY_PATH, busy, busyPage } from './busy';
import { detection } from './detection';
import { BUDGETS, RESULTS_DIR, attempt, buildDir, log } from './lib';
import { popup } from './popup';
import { scale, SCALE } from './scale';
import { sizes } from './sizes';
import { unlock } from './unlock';

const SECTIONS = ['sizes', 'unlock', 'scale', 'detection', 'busy', 'popup'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value('--only')?.split(',') ?? [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  const browsers = (value('--browsers')?.split(',') ?? [...BROWSER_NAMES]) as BrowserName[];
  if (browsers.some((b) => !BROWSER_NAMES.includes(b))) throw new Error(`--browsers takes ${BROWSER_NAMES.join(',')}`);
  return { only: new Set(only as Section[]), browsers, rebuild: argv.includes('--rebuild'), quick: argv.includes('--quick'), marks: argv.includes('--marks') };
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const errors: string[] = [];
  const started = new Date();
  const n = args.quick
    ? { unlock: 3, open: 3, next: 500, offer: 200, rules: 500, reserveMarkUsed: 50, list: 10, detection: 5, busy: 3, popup: 5 }
    : { unlock: 7, open: 10, next: 2_000, offer: 500, rules: 2_000, reserveMarkUsed: 200, list: 50, detection: 25, busy: 10, popup: 15 };

  const binaries = ensureBrowsers();
  const built = ensureBenchBuilds(args.rebuild);

  const replica = createReplica({ latencyMs: 20, stepDelayMs: 20 });
  const handler: RequestHandler = (req, res) => {
    if (new URL(req.url ?? '/', 'https://x.com').pathname === BUSY_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(busyPage());
      return;
    }
    replica.handle(req, res);
  };
  const server = await startServer({ handler });

  const per = async <T>(section: Section, run: (b: BrowserName) => Promise<T>) => {
    if (!args.only.has(section)) return undefined;
    const out: Partial<Record<BrowserName, T | { error: string }>> = {};
    for (const b of args.browsers) {
      log(`${section} in ${b}…`);
      out[b] = await attempt(`${section} in ${b}`, errors, () => run(b));
    }
    return out;
  };

  let result: Record<string, unknown>;
  try {
    const sizeFigures = args.only.has('sizes')
      ? Object.fromEntries(await Promise.all(args.browsers.map(async (b) => [b, await attempt(`sizes of ${b}`, errors, async () => sizes(b))])))
      : undefined;
    const unlockFigures = await per('unlock', (b) => unlock(b, server, n.unlock));
    const scaleFigures = await per('scale', (b) =>
      scale(b, server, { open: n.open, next: n.next, offer: n.offer, rules: n.rules, reserveMarkUsed: n.reserveMarkUsed, list: n.list }),
    );
    const detectionFigures = await per('detection', (b) => 
      // --marks: the bench build, whose hook splits each automatic fill into its phases.
      detection(b, server, replica, n.detection, args.marks ? buildDir(b, 'bench') : undefined, args.marks),
    );
    const busyFigures = await per('busy', (b) => busy(b, server, n.busy));
    const popupFigures = await per('popup', (b) => popup(b, server, n.popup));
    const dirty = git('status', '--porcelain', '--', 'entrypoints', 'src', 'public', 'wxt.config.ts', 'package.json');
    result = {
      bench: 'sparekey',
      date: started.toISOString(),
      duration_s: Math.round((Date.now() - started.getTime()) / 1000),
      command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommitted_source_files: dirty ? dirty.split('\n').length : 0,
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', load_avg_1m: Number(os.loadavg()[0]!.toFixed(2)), node: process.version },
      browsers: Object.fromEntries(args.browsers.map((b) => [b, browserVersion(binaries[b])])),
      built_now: built,
      budgets: BUDGETS,
      ...(unlockFigures && { unlock_ms: { kdf_shipped: DEFAULT_KDF, ...unlockFigures } }),
      ...(scaleFigures && { vault_at_scale: { accounts: SCALE.accounts, codes: SCALE.accounts * SCALE.codesPerAccount, ...scaleFigures } }),
      ...(detectionFigures && { detection_ms: detectionFigures }),
      ...(busyFigures && { content_script_cost: busyFigures }),
      ...(sizeFigures && { sizes: sizeFigures }),
      ...(popupFigures && { popup_ms: popupFigures }),
      errors,
    };
  } finally {
    await server.close();
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = JSON.stringify(result, null, 2);
  const file = path.join(RESULTS_DIR, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${json}\n`);
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${json}\n`);
  process.stdout.write(`${json}\n`);
  log(`written to ${path.relative(REPO_ROOT, file)} (and latest.json)`);
  return errors.length > 0 ? 1 : 0;
}
