import type { Policy, SiteId } from '../vault/types';
import type { CodeFormat, FormatId } from '../vault/formats/format';

/** What a site adapter declares. Detectors (added per site) are pure functions of (document, url). */
export interface SiteInfo {
  id: SiteId;
  name: string;
  /** Exact origins (scheme://host) where this site's pages live. Never a pattern. */
  origins: readonly string[];
  /** Content-script match patterns; must cover exactly `origins`. */
  matches: readonly string[];
  policy: Policy;
  format: FormatId;
  /** Where a person generates new backup codes. */
  backupCodesUrl: string;
  /**
   * What the site's own pages can show, for sites whose codes are captured there: at most
   * `perScreen` codes at once, and `kept` valid at a time. A capture is capped at these.
   */
  capture?: { perScreen: number; kept: number };
  /**
   * How Sparekey gets host access to `matches`. Absent: the manifest asks for it at install (X
   * only). 'on-request': the origins are optional_host_permissions, asked for by a person's click
   * in the popup when they add codes for the site, and the content script is registered for them
   * then (src/background/site-access.ts); without the grant Sparekey never reads the site's pages.
   */
  access?: 'on-request';
  /**
   * Browsers that keep every extension off these origins whatever it is granted (Firefox:
   * extensions.webextensions.restrictedDomains lists accounts.firefox.com). There the site is
   * vault-only: never asked for, never offered in the popup, its codes still imported and filled by hand.
   */
  closedIn?: readonly BrowserFamily[];
  /**
   * The login's one code field takes the authenticator's code as well as a backup code (GitLab's
   * #user_otp_attempt), so its step is never `backup` and auto-fill can never apply: the popup
   * offers no auto-fill choice for the site. Its codes are offered in the chip and filled on a click.
   */
  sharedCodeField?: true;
}

export type BrowserFamily = 'chrome' | 'firefox';

// ---- detector records ------------------------------------------------------------------------
// "Collect, then decide": detectors read the DOM once into these plain records; the content script
// acts on the records only. Element references are there so the content script can fill, click
// and anchor its UI; every decision is already made.

/**
 * What kind of code the site asks for. `email` is a code sent by e-mail (never a backup code);
 * `unknown` means a code step we could not classify: offer, but never auto-submit.
 */
export type StepMode = import('../messages/protocol').ChallengeMode;

/** The 2FA step: where the code goes and how to submit it. */
export interface Challenge {
  mode: StepMode;
  input: HTMLInputElement;
  /** The site's Next/Verify control; null when none was found. */
  submit: HTMLElement | null;
  /** The dialog (or form) holding the step: the UI anchors to it. */
  container: Element;
  /** The link to switch to another verification method (to reach backup codes from app mode). */
  switchMethod: HTMLElement | null;
}

/** The "choose a verification method" screen. */
export interface MethodChoice {
  /** The radio that selects backup codes; null when no label was recognised. */
  backup: HTMLInputElement | null;
  submit: HTMLElement | null;
  container: Element;
}

/** A page that shows backup codes. */
export interface CodeScreen {
  /** Normalised code values, in the order shown. */
  codes: string[];
  /** The account's handle as the site writes it, without '@'; undefined when not found. */
  handle?: string;
  /** The element showing the (first) code: the UI anchors to it. */
  anchor: Element;
  container: Element;
}

/** Visible messages (toasts, alerts) at one moment, so later ones can be told apart. */
export interface OutcomeBaseline {
  /** Each alert element with the text it showed. */
  alerts: ReadonlyMap<Element, string>;
  /** Paths the site goes to when the code was accepted. */
  successPaths: readonly string[];
}

/**
 * After a submit: `accepted` (the flow ended where a successful login goes), `rejected` (a new
 * error appeared and the step stayed), `left` (the step went away to somewhere that is not a
 * success: we cannot tell), `pending` (nothing yet).
 */
export type OutcomeVerdict = 'accepted' | 'rejected' | 'left' | 'pending';

/** One site's pure detectors over (document, url). No side effects, no state. */
export interface SiteAdapter {
  site: SiteInfo;
  /** The site's code format (the registry's formatById(site.format)), for normalising values. */
  format: CodeFormat;
  /**
   * Cheap pre-check run on every batch of DOM changes: could this URL show anything we detect?
   * False means the content script does nothing more for this batch.
   */
  isCandidate(url: URL): boolean;
  detectChallenge(doc: Document, url: URL): Challenge | null;
  detectMethodChoice(doc: Document, url: URL): MethodChoice | null;
  detectCodeScreen(doc: Document, url: URL): CodeScreen | null;
  /** The account identifier the person typed earlier in the login flow, when visible now. */
  detectLoginHint(doc: Document, url: URL): string | null;
  /** Taken at submit time; detectOutcome compares against it. */
  outcomeBaseline(doc: Document, url: URL): OutcomeBaseline;
  detectOutcome(doc: Document, url: URL, baseline: OutcomeBaseline): OutcomeVerdict;
  /**
   * For a site that answers the 2FA form with a new document (GitHub): the verdict from the URL
   * the tab lands on after the submit, with the baseline's success paths. Its presence tells the
   * content script not to call the page's unloading "unknown": the background judges the next
   * load instead (src/background/load-verdicts.ts). Sites whose step stays in one document (X)
   * have none.
   */
  verdictAfterLoad?(url: URL, successPaths: readonly string[]): OutcomeVerdict;
}
