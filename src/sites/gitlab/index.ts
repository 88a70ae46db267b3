// GitLab: its record and URL detectors (site.ts), its page detectors (adapter.ts over
// collect/decide), its code format, and the file it hands out (gitlab-recovery-codes.txt).
// Sparekey reads gitlab.com only after the person allowed it (access 'on-request').
import type { Site } from '../site';
import { gitlabAdapter } from './adapter';
import { gitlabFormat } from './format';
import { gitlabImport } from './import';
import { gitlab } from './site';

export { gitlab, gitlabAdapter };

export const gitlabSite = {
  info: gitlab,
  format: gitlabFormat,
  formatWords: 'formatGitlab',
  download: { parser: gitlabImport, words: 'importKindGitlab' },
  adapter: gitlabAdapter,
} as const satisfies Site;
