// GitLab adapter, step 2 of 2: decisions over the plain records collect.ts gathered.

/**
 * GitLab usernames (app/models/namespace.rb, Gitlab::PathRegex.namespace_format_regex): letters,
 * digits, `_`, `.` and `-`, starting with a letter, digit or `_`, not ending in `.`, `.git` or
 * `.atom`; at most 255 characters.
 */
export function usernameFrom(text: string): string | undefined {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/.test(text)) return undefined;
  return /(?:\.|\.git|\.atom)$/i.test(text) ? undefined : text;
}
