// The messages.json files under public/_locales carry, for translators, a description of every
// message and an example of every placeholder. Browsers read only `message` and a placeholder's
// `content`, so the build ships those alone, without indentation: English shrinks from 13.0 to
// 7.8 KB compressed, and every install carries it. The files in public/ stay as translators edit them.
const LOCALE_FILE = /^_locales\/[^/]+\/messages\.json$/;

interface SourceMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** One messages.json as the browser needs it: each message's text and its placeholders' content. */
export function shippedMessages(source: string): string {
  const messages = JSON.parse(source) as Record<string, SourceMessage>;
  const shipped = Object.fromEntries(
    Object.entries(messages).map(([key, { message, placeholders }]) => [
      key,
      placeholders
        ? { message, placeholders: Object.fromEntries(Object.entries(placeholders).map(([name, p]) => [name, { content: p.content }])) }
        : { message },
    ]),
  );
  return JSON.stringify(shipped);
}

type PublicFile = { relativeDest: string } & ({ absoluteSrc: string } | { contents: string });

/** WXT's build:publicAssets hook: every locale file is written as shippedMessages makes it. */
export function shipLocales(files: PublicFile[], read: (path: string) => string): void {
  for (const [i, file] of files.entries()) {
    if (!LOCALE_FILE.test(file.relativeDest.replaceAll('\\', '/'))) continue;
    const source = 'contents' in file ? file.contents : read(file.absoluteSrc);
    files[i] = { relativeDest: file.relativeDest, contents: shippedMessages(source) };
  }
}
