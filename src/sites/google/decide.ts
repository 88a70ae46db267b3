// Google adapter, step 2 of 2: decisions over the plain records collect.ts gathered.

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The email in a text ("Google Account: Sam (sam@example.com)"), or undefined. */
export function emailIn(text: string): string | undefined {
  return EMAIL.exec(text)?.[0];
}



/**
 * The sign-in's continue URL, when it stays on accounts.google.com: its path, else undefined. A
 * continue elsewhere is judged by its origin (adapter.ts: myaccount.google.com is a success).
 */
export function localContinue(value: string | null, origin: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, origin);
    return url.origin === origin ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

