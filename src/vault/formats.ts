// Placeholder replaced by the vault core work: code formats per site (pattern, normalise, display).
export type FormatId = 'x' | 'github' | 'generic';
