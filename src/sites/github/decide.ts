// GitHub adapter, step 2 of 2: decisions over the plain records collect.ts gathered.

/** GitHub logins: 1–39 letters, digits or single hyphens, not starting or ending with one. */
export function loginFrom(text: string): string | undefined {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(text) ? text : undefined;
}




