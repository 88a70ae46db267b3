// Composition: every handler of the protocol, built from injected deps. The one file that imports
// handlers/ (test/unit/background/imports.test.ts keeps it so). The browser glue
// (main.ts) supplies real ports; tests supply fakes.
import type { BackgroundDeps } from './deps';
import type { Handlers } from './router';
import { CaptureBox } from './captures';
import { AwaitedLoads } from './load-verdicts';
import { vaultHandlers } from './handlers/vault';
import { accountHandlers } from './handlers/accounts';
import { captureHandlers } from './handlers/captures';
import { fillHandlers } from './handlers/fill';
import { contentHandlers } from './handlers/content';
import { backupHandlers } from './handlers/backup';
import { clipboardHandlers } from './handlers/clipboard';
import { siteHandlers } from './handlers/sites';
import { syncHandlers } from './handlers/sync';
import { autoFillHandlers } from './handlers/auto-fill';

export function createHandlers(deps: BackgroundDeps): { handlers: Handlers; captures: CaptureBox; loads: AwaitedLoads } {
  const captures = new CaptureBox(deps.sessionStore, deps.now, deps.wakeAt);
  const loads = new AwaitedLoads(deps.now);
  const handlers: Handlers = {
    ...vaultHandlers(deps),
    ...accountHandlers(deps),
    ...captureHandlers(deps, captures),
    ...fillHandlers(deps),
    ...contentHandlers(deps, captures, loads),
    ...backupHandlers(deps),
    ...clipboardHandlers(),
    ...siteHandlers(),
    ...syncHandlers(deps),
    ...autoFillHandlers(deps),
  };
  return { handlers, captures, loads };
}
