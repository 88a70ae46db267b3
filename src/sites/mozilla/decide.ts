// Mozilla account adapter, step 2 of 2: decisions over the plain records collect.ts gathered.
import { mozillaEmailFromFileName } from './import';

/** The account's e-mail address from the Download link's file name, when it looks like one. */
export function emailFrom(downloadName: string): string | undefined {
  const email = mozillaEmailFromFileName(downloadName);
  return email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}
