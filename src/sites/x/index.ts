// X: the one site whose pages Sparekey reads. Its record and URL detectors (site.ts, all the
// always-on watcher loads), its page detectors (adapter.ts over collect/decide/strings) and its
// code format. X hands out no file to import: its codes are captured on its backup-code page.
import type { Site } from '../site';
import { xAdapter } from './adapter';
import { xFormat } from './format';
import { x } from './site';

export { x, xAdapter };

export const xSite = {
  info: x,
  format: xFormat,
  formatWords: 'formatX',
  adapter: xAdapter,
} as const satisfies Site;
