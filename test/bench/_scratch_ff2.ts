import { launchBrowser } from '../e2e/harness/index';
import { startServer } from '../e2e/harness/server';
import { busyPage, BUSY } from './busy';
import { buildDir } from './lib';
export async function go() {
  const server = await startServer({ handler: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(busyPage()); } });
  const name = (process.env.BR ?? 'firefox') as 'firefox' | 'chromium';
  const proto = `/tmp/sk-proto/.output/bench/${name === 'firefox' ? 'firefox' : 'chrome'}-mv3`;
  for (const [label, dir] of [['current', buildDir(name, 'production')], ['prototype', proto]] as const) {
    const b = await launchBrowser(name, { server, extensionDir: dir });
    const p = await b.openPage('about:blank');
    const run = async (url: string) => { await p.goto(url); await new Promise((r) => setTimeout(r, 300)); return p.evaluate((t: number, q: number, k: number) => (window as any).__busy(t, q, k), BUSY.insertions, BUSY.perTask, BUSY.keep); };
    const A: number[] = [], B: number[] = [];
    await run('https://x.com/__bench/busy');
    for (let i = 0; i < 8; i++) { A.push((await run('https://x.com/__bench/busy')).taskMs); B.push((await run('https://www.x.com/__bench/busy')).taskMs); }
    const med = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;
    console.log(name, label, 'A', A.map((x) => x.toFixed(0)).join(' '), '| B', B.map((x) => x.toFixed(0)).join(' '), '| ratio of medians', (med(A) / med(B)).toFixed(3));
    await b.close();
  }
  await server.close();
}
