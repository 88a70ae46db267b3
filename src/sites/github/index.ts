// GitHub: its record and URL detectors (site.ts), its page detectors (adapter.ts over
// collect/decide), its code format, and the file it hands out (github-recovery-codes.txt).
// Sparekey reads github.com only after the person allowed it (access 'on-request').
import type { Site } from '../site';
import { githubAdapter } from './adapter';
import { githubFormat } from './format';
import { githubImport } from './import';
import { github } from './site';

export { github, githubAdapter };

export const githubSite = {
  info: github,
  format: githubFormat,
  formatWords: 'formatGithub',
  download: { parser: githubImport, words: 'importKindGithub' },
  adapter: githubAdapter,
} as const satisfies Site;
