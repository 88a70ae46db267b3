// The generic detector as the page runtime uses every adapter: one per granted origin of another
// site's account (src/content/main.ts builds it only after the background said an account has this
// exact origin: content/load-runtime). It offers a code at a recovery step and never judges a fill:
// a site we know nothing about says "wrong code" and "welcome" in ways we cannot tell apart
// reliably, so its fills stay unconfirmed and the popup asks the person (DESIGN.md, "Outcome").
import { genericFormat } from '../../vault/formats';
import type { Challenge, OutcomeBaseline, OutcomeVerdict, SiteAdapter } from '../types';
import { otherSite } from './origin';
import { detectRecoveryStep } from './index';

export function genericAdapter(origin: string): SiteAdapter {
  const site = otherSite(origin);
  const here = (url: URL) => url.origin === origin;

  /** The recovery step: 'backup' or 'unknown' (the field also takes the app's code), never 'app' or 'email'. */
  function detectChallenge(doc: Document, url: URL): Challenge | null {
    const step = detectRecoveryStep(doc, url, site.origins);
    if (!step) return null;
    return { mode: step.mode, input: step.input, submit: step.submit, container: step.container, switchMethod: null };
  }

  function outcomeBaseline(): OutcomeBaseline {
    return { alerts: new Map(), successPaths: [] };
  }

  /** Pending while the step is there; once it is gone, 'left' (unconfirmed), never accepted or rejected. */
  function detectOutcome(doc: Document, url: URL): OutcomeVerdict {
    return here(url) && detectChallenge(doc, url) ? 'pending' : 'left';
  }

  return {
    site,
    format: genericFormat,
    // Every URL of a granted origin: a login step of an unknown site has no known path.
    isCandidate: here,
    detectChallenge,
    detectMethodChoice: () => null,
    // Codes are captured only on the pages of the sites Sparekey knows; here they are pasted.
    detectCodeScreen: () => null,
    detectLoginHint: () => null,
    outcomeBaseline,
    detectOutcome,
  };
}
