// The shipped locale files: what browsers read, nothing translators alone need.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shipLocales, shippedMessages } from '../../../src/build/ship-locales';

const LOCALES = new URL('../../../public/_locales/', import.meta.url);
const locales = readdirSync(LOCALES);

describe('shippedMessages', () => {
  it("keeps each message and its placeholders' content, and drops descriptions and examples", () => {
    const source = JSON.stringify({
      saved: { message: 'Saved $COUNT$ codes', description: 'For translators', placeholders: { count: { content: '$1', example: '10' } } },
      lock: { message: 'Lock', description: 'A button' },
    });
    expect(JSON.parse(shippedMessages(source))).toEqual({
      saved: { message: 'Saved $COUNT$ codes', placeholders: { count: { content: '$1' } } },
      lock: { message: 'Lock' },
    });
  });

  it.each(locales)('gives %s every message and placeholder the browser reads, unchanged, and nothing else', (locale) => {
    const source = readFileSync(new URL(`${locale}/messages.json`, LOCALES), 'utf8');
    const before = JSON.parse(source) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
    const after = JSON.parse(shippedMessages(source)) as typeof before;
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [key, m] of Object.entries(before)) {
      expect(after[key]!.message).toBe(m.message);
      expect(after[key]!.placeholders).toEqual(
        m.placeholders && Object.fromEntries(Object.entries(m.placeholders).map(([name, p]) => [name, { content: p.content }])),
      );
    }
    expect(shippedMessages(source)).not.toMatch(/"(description|example)"/);
  });
});

describe('shipLocales', () => {
  it('rewrites the locale files only, from their source', () => {
    const files: Parameters<typeof shipLocales>[0] = [
      { absoluteSrc: '/p/_locales/de/messages.json', relativeDest: '_locales/de/messages.json' },
      { absoluteSrc: '/p/icon/16.png', relativeDest: 'icon/16.png' },
      { absoluteSrc: '/p/_locales/messages.json.txt', relativeDest: '_locales/messages.json.txt' },
    ];
    const read = (path: string) => {
      expect(path).toBe('/p/_locales/de/messages.json');
      return JSON.stringify({ lock: { message: 'Sperren', description: 'Button' } });
    };
    shipLocales(files, read);
    expect(files).toEqual([
      { relativeDest: '_locales/de/messages.json', contents: '{"lock":{"message":"Sperren"}}' },
      { absoluteSrc: '/p/icon/16.png', relativeDest: 'icon/16.png' },
      { absoluteSrc: '/p/_locales/messages.json.txt', relativeDest: '_locales/messages.json.txt' },
    ]);
  });
});
