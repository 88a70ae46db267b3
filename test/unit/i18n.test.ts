// The English messages are complete: every key the popup asks for exists, every message is used,
// and each is well-formed for both browsers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './helpers';

const UI = path.resolve('src/ui');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

const text = sources(UI)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('popup messages (public/_locales/en/messages.json)', () => {
  it('has every key the popup passes to t()', () => {
    const asked = [...text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(100);
    expect(asked.filter((k) => !(k in MESSAGES))).toEqual([]);
  });

  it('has no message the popup never uses', () => {
    const unused = Object.keys(MESSAGES).filter((k) => !text.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });

  it('uses keys and placeholders both browsers accept', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      const named = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
      expect(Object.keys(entry.placeholders ?? {}).sort(), key).toEqual([...new Set(named)].sort());
      const contents = Object.values(entry.placeholders ?? {}).map((p) => p.content).sort();
      expect(contents, key).toEqual(contents.map((_, i) => `$${i + 1}`));
    }
  });
});
