// What the always-on content script knows of each page-reading site: its origins, and which of
// its URLs could show a 2FA step or backup codes. Only this much runs on every page of the site;
// the adapter itself (detectors, strings, inline UI) is loaded into a tab's top frame when a URL
// could show something (src/content/watch.ts). A test keeps this list in step with ADAPTERS.
import type { SiteInfo } from './types';
import { github, isCandidate as githubCandidate } from './github/site';
import { gitlab, isCandidate as gitlabCandidate } from './gitlab/site';
import { google, isCandidate as googleCandidate } from './google/site';
import { isCandidate as mozillaCandidate, mozilla } from './mozilla/site';
import { isCandidate as protonCandidate, proton } from './proton/site';
import { isCandidate as xCandidate, x } from './x/site';

export interface WatchedSite {
  site: SiteInfo;
  /** The same answer as the site adapter's isCandidate. */
  isCandidate(url: URL): boolean;
}

export const WATCHED: readonly WatchedSite[] = [
  { site: x, isCandidate: xCandidate },
  { site: github, isCandidate: githubCandidate },
  { site: google, isCandidate: googleCandidate },
  { site: gitlab, isCandidate: gitlabCandidate },
  { site: proton, isCandidate: protonCandidate },
  { site: mozilla, isCandidate: mozillaCandidate },
];

/** The watched site that owns this exact origin. `origin` must come from the browser. */
export function watchedForOrigin(origin: string): WatchedSite | undefined {
  return WATCHED.find((w) => w.site.origins.includes(origin));
}

/** The manifest's content script: the sites read from install on. */
export function watchedMatches(): string[] {
  return WATCHED.filter((w) => w.site.access !== 'on-request').flatMap((w) => w.site.matches);
}

/** The sites whose watcher is registered at runtime, once the person granted their origins. */
export function watchedOnRequest(): WatchedSite[] {
  return WATCHED.filter((w) => w.site.access === 'on-request');
}
