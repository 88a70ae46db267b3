// Every string a person sees is in public/_locales/en/messages.json: the popup, the background's
// replies and menu item, the inline UI on sites and the manifest. These checks keep it so: every
// key asked for exists, every message is used and described, placeholders are ones both browsers
// accept and in the order msg() passes them, and the places that once held English literals
// (Refusal, err(), error objects, the inline panels, the manifest) can't take one again.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './i18n-en';
import { pluralBase as basedOn } from './locale-check';

const pluralBase = (key: string) => basedOn(key, MESSAGES);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

const read = (file: string) => readFileSync(file, 'utf8');
const FILES = [...sources(path.resolve('src')), ...sources(path.resolve('entrypoints'))].map((file) => ({
  file: path.relative(process.cwd(), file),
  text: read(file),
}));
const CONFIG = read(path.resolve('wxt.config.ts'));
const POPUP_HTML = read(path.resolve('entrypoints/popup/index.html'));
const ALL = [...FILES.map((f) => f.text), CONFIG, POPUP_HTML].join('\n');
const under = (dir: string) => FILES.filter((f) => f.file.startsWith(dir));

/** Keys passed by name to t(), msg() or browser.i18n.getMessage(), and named in the manifest. */
function askedKeys(text: string): string[] {
  const called = [...text.matchAll(/\b(?:t|msg|getMessage)\(\s*'([A-Za-z0-9_@]+)'/g)].map((m) => m[1]!);
  const manifest = [...text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!);
  return [...called, ...manifest].filter((k) => !k.startsWith('@@'));
}

/** `new Refusal(code, <literal>` and `err(code, <literal>`: English that bypasses messages.json. */
function literalRefusals(text: string): string[] {
  return [...text.matchAll(/\b(?:new Refusal|err)\(\s*'[^']*',\s*(['"`][^\n]*)/g)].map((m) => m[0]);
}

/** Error objects and panel text written out by hand: `message: '…'`, `textContent = '…'`, … */
function literalText(text: string): string[] {
  const patterns = [
    /\bmessage:\s*['"`][^\n]*/g,
    /\.textContent\s*=\s*['"`][^\n]*/g,
    /setAttribute\(\s*'(?:aria-label|title|placeholder)',\s*['"`][^\n]*/g,
    /\b(?:label|title|status|hint):\s*['"`][A-Z][^\n]*/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[0]));
}

describe('messages.json (English)', () => {
  it('has every key the code and the manifest ask for', () => {
    const asked = askedKeys(ALL);
    // Sanity: the popup alone asks for well over a hundred.
    expect(asked.length).toBeGreaterThan(200);
    // A plural message is asked for by its base name and stored in forms (saveCodes → saveCodes_other).
    expect([...new Set(asked.filter((k) => !(k in MESSAGES) && !(`${k}_other` in MESSAGES)))]).toEqual([]);
  });

  it('has no message nothing uses', () => {
    // A plural form is used when its base is: msg('saveCodes', { count }) asks for saveCodes_one and saveCodes_other.
    const asked = (k: string) => ALL.includes(`'${pluralBase(k) ?? k}'`) || ALL.includes(`__MSG_${k}__`);
    const unused = Object.keys(MESSAGES).filter((k) => !asked(k));
    expect(unused).toEqual([]);
  });

  it('describes every message for translators', () => {
    const bare = Object.entries(MESSAGES).filter(([, e]) => !e.description?.trim());
    expect(bare.map(([k]) => k)).toEqual([]);
  });

  it('uses keys and placeholders both browsers accept, numbered in the order msg() passes them', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      const named = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {});
      // A plural form other than `other` may leave its count unsaid ("Save this backup code?"),
      // but declares it, so every form numbers its placeholders alike.
      const unsaid = pluralBase(key) && !key.endsWith('_other') ? ['count'] : [];
      expect([...declared].sort(), key).toEqual([...new Set([...named, ...unsaid.filter((n) => declared.includes(n))])].sort());
      // msg() hands the values over sorted by placeholder name: $1 is the first name, and so on.
      const byName = [...declared].sort().map((name) => entry.placeholders![name]!.content);
      expect(byName, key).toEqual(byName.map((_, i) => `$${i + 1}`));
    }
  });

  it('stores each plural message in exactly English\'s forms (one, other), each counting with $COUNT$', () => {
    const bases = [...new Set(Object.keys(MESSAGES).map(pluralBase).filter((b): b is string => b !== null))];
    // Sanity: the counts of codes, seconds and records are plural messages.
    expect(bases).toEqual(expect.arrayContaining(['saveCodes', 'leftOf', 'errorThrottled', 'damaged', 'inlineUseCode']));
    const forms = Object.keys(MESSAGES).filter((k) => pluralBase(k) !== null);
    expect(forms.sort()).toEqual(bases.flatMap((b) => [`${b}_one`, `${b}_other`]).sort());
    for (const key of forms) expect(Object.keys(MESSAGES[key]!.placeholders ?? {}), key).toContain('count');
  });

  it('names a placeholder `count` only in plural messages: msg() picks the form by it', () => {
    const plain = Object.entries(MESSAGES).filter(([k, e]) => pluralBase(k) === null && e.placeholders && 'count' in e.placeholders);
    expect(plain.map(([k]) => k)).toEqual([]);
  });

  it('names its own folder in messagesLocale, which msg() picks plural rules and formats by', () => {
    expect(MESSAGES.messagesLocale!.message).toBe('en');
  });

  it('fits the manifest: a name and description the stores accept', () => {
    expect(MESSAGES.appName!.message.length).toBeLessThanOrEqual(75);
    expect(MESSAGES.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('no person-facing English outside messages.json', () => {
  it('finds what it looks for (the checks below can fail)', () => {
    expect(literalRefusals(`throw new Refusal('not-found', 'No such account.');`)).toHaveLength(1);
    expect(literalRefusals(`return err('invalid', \`Refused: \${reason}.\`);`)).toHaveLength(1);
    expect(literalRefusals(`throw new Refusal('not-found', msg('bgNoSuchAccount'));`)).toEqual([]);
    expect(literalText(`return { code: 'internal', message: 'It broke.' };`)).toHaveLength(1);
    expect(literalText(`brand.textContent = 'Sparekey';`)).toHaveLength(1);
    expect(literalText(`box.setAttribute('aria-label', 'Sparekey');`)).toHaveLength(1);
    expect(literalText(`buttons.push({ label: 'Unlock Sparekey' });`)).toHaveLength(1);
    expect(literalText(`p.textContent = view.message;`)).toEqual([]);
  });

  it('words every refusal and error reply with msg()', () => {
    const found = FILES.flatMap(({ file, text }) => literalRefusals(text).map((m) => `${file}: ${m}`));
    expect(found).toEqual([]);
  });

  it('writes no error message or inline text by hand (background, messaging, page runtime)', () => {
    const files = [...under('src/background'), ...under('src/messages'), ...under('src/content')];
    const found = files.flatMap(({ file, text }) => literalText(text).map((m) => `${file}: ${m}`));
    expect(found).toEqual([]);
  });

  it('makes a Localized only in msg(): nothing else may pass English off as translated', () => {
    const casts = FILES.filter(({ text }) => /\bas Localized\b/.test(text)).map((f) => f.file);
    expect(casts).toEqual(['src/i18n/index.ts']);
  });

  it('names the extension, describes it and its command, titles its button through __MSG_ keys', () => {
    const values = [...CONFIG.matchAll(/\b(name|description|default_title):\s*('[^']*')/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(values.length).toBeGreaterThanOrEqual(3);
    // The button's title is the popup's (WXT reads it from the page's manifest.title meta).
    const title = POPUP_HTML.match(/<meta name="manifest\.title" content="([^"]*)"/)?.[1];
    values.push(`title: '${title}'`);
    expect(values.filter((v) => !/: '__MSG_[A-Za-z0-9_]+__'$/.test(v))).toEqual([]);
  });

  it('lets the popup name formats and import kinds by id, not by the vault\'s English labels', () => {
    const popup = under('src/ui');
    expect(popup.filter(({ text }) => /IMPORT_PARSERS\[[^\]]*\]\.label|format\.label/.test(text)).map((f) => f.file)).toEqual([]);
  });
});
