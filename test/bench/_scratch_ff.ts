import { launchBrowser } from '../e2e/harness/index';
import { startServer } from '../e2e/harness/server';
import { busyPage, BUSY } from './busy';
import { buildDir } from './lib';
export async function go() {
  const server = await startServer({ handler: (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(busyPage()); } });
  const b = await launchBrowser('firefox', { server, extensionDir: buildDir('firefox', 'production') });
  const run = async (p: any, url: string) => { await p.goto(url); await new Promise((r) => setTimeout(r, 300)); return p.evaluate((t: number, q: number, k: number) => (window as any).__busy(t, q, k), BUSY.insertions, BUSY.perTask, BUSY.keep); };
  const p = await b.openPage('about:blank');
  const runMO = async (url: string, mo: boolean) => { await p.goto(url); await new Promise((r) => setTimeout(r, 300)); return p.evaluate((t: number, q: number, k: number, mo: boolean) => { if (mo) new MutationObserver(() => {}).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'disabled', 'aria-disabled', 'aria-hidden', 'role', 'data-testid', 'href'] }); return (window as any).__busy(t, q, k); }, BUSY.insertions, BUSY.perTask, BUSY.keep, mo); };
  for (let i = 0; i < 6; i++) {
    const a = await runMO('https://x.com/__bench/busy', false);
    const b0 = await runMO('https://www.x.com/__bench/busy', false);
    const b1 = await runMO('https://www.x.com/__bench/busy', true);
    console.log('A(cs)', a.taskMs.toFixed(0), ' B', b0.taskMs.toFixed(0), ' B+mainworldMO', b1.taskMs.toFixed(0));
  }
  await b.close(); await server.close();
}
