// What every page-reading adapter judges the same way after a submit: where the site may send the
// person (its own local paths only), which alerts are new, and whether the tab landed on a success path.

/** A path inside the site (no scheme, no "//host"), or undefined: a redirect target we may trust. */
export function localPath(value: string | null): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return undefined;
  try {
    return new URL(value, 'https://site.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** The alerts that are new since the baseline (a new element, or the same one with new words). */
export function newAlerts(baseline: ReadonlyMap<Element, string>, now: ReadonlyMap<Element, string>): string[] {
  const fresh: string[] = [];
  for (const [el, text] of now) if (text && baseline.get(el) !== text) fresh.push(text);
  return fresh;
}

export function samePath(a: string, b: string): boolean {
  const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  return strip(a) === strip(b);
}

/** Where a right code lands: the site's home, and the local page the login was started from. */
export function successPaths(url: URL, home: string, returnParam: string): string[] {
  const paths = [home];
  const after = localPath(url.searchParams.get(returnParam));
  if (after && after !== home) paths.push(after);
  return paths;
}
