// Reading an imported file: size guard, BOM, numbered lines, and the one way to fail.
import { VaultError } from '../errors';
import { splitLines } from '../formats/scan';

/** Backup-code files are a few hundred bytes; anything this big is something else. */
export const MAX_IMPORT_CHARS = 100_000;

export interface Line {
  /** 1-based, for messages. */
  number: number;
  text: string;
}

export function fail(message: string, line?: number): never {
  throw new VaultError('invalid-format', message, line === undefined ? {} : { line });
}

/** Non-empty lines, trimmed, with their numbers. */
export function readLines(text: string, label: string): Line[] {
  if (text.length > MAX_IMPORT_CHARS) fail(`This file is too large to be ${label}.`);
  return splitLines(text.replace(/^\uFEFF/u, ''))
    .map((raw, i) => ({ number: i + 1, text: raw.trim() }))
    .filter((l) => l.text !== '');
}

export function requireCodes(codes: readonly unknown[], label: string): void {
  if (codes.length === 0) fail(`This file holds no ${label}.`);
}

/** Strips "1. ", "- ", "* ", "• " in front of a list item. */
export function stripListMarker(line: string): string {
  return line.replace(/^(?:[-*•·–]|\(?\d{1,3}[.)])\s+/u, '');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/u;

/** The first e-mail address among the words of `text` ("(sam@example.com)" included). */
export function findEmail(text: string): string | undefined {
  if (!text.includes('@')) return undefined;
  // Word by word with an anchored pattern: an unanchored one backtracks quadratically.
  for (const word of text.split(/[\s()<>,;:"[\]]+/u)) {
    const candidate = word.replace(/[.!?]+$/u, '');
    if (EMAIL.test(candidate)) return candidate;
  }
  return undefined;
}
