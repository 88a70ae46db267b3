// Talking to the extension's background from one of its own pages (the popup), as the popup does:
// runtime.sendMessage({ type, body }) and the protocol's Result back. For journeys that set the
// vault up without clicking through the popup.
import type { TestPage } from './types';

/** The background's Result for one message, whatever it is (never throws on a refusal). */
export async function sendFromPage(page: TestPage, type: string, body: unknown = {}): Promise<unknown> {
  return page.evaluate(
    (t: string, b: unknown) => {
      type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = g.browser ?? g.chrome;
      if (!api) throw new Error('no extension API in this page: is it an extension page?');
      return api.runtime.sendMessage({ type: t, body: b });
    },
    type,
    body,
  );
}

/** Like sendFromPage, but the value of an ok Result, else an error naming the refusal. */
export async function callFromPage<T>(page: TestPage, type: string, body: unknown = {}): Promise<T> {
  const reply = (await sendFromPage(page, type, body)) as { ok?: boolean; value?: T; error?: { code: string; message: string } } | undefined;
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error ? `${reply.error.code}: ${reply.error.message}` : JSON.stringify(reply)}`);
  return reply.value as T;
}
