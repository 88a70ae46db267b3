// Where the content script really is: the origin the browser gave this document.

/**
 * The origin this document really has, or null when it is opaque. location.origin reads the URL:
 * a page x.com serves with a CSP `sandbox` header (how sites host untrusted HTML on their own
 * host) has x.com's URL but an opaque origin, and is not X's page (issue 7, item 2).
 */
export function documentOrigin(win: { origin: string; location: { origin: string } }): string | null {
  const origin = win.origin;
  return origin !== 'null' && origin === win.location.origin ? origin : null;
}
