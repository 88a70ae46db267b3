// The background's one entry point for runtime messages: shape check, sender check, dispatch,
// and typed errors. No handler runs before the sender is accepted for that message's direction.

import { msg } from '../i18n';
import {
  err,
  isContentMessage,
  ok,
  type MessageName,
  type Req,
  type Res,
  type Result,
} from '../messages/protocol';
import { SCHEMAS } from '../messages/schemas';
import type { SiteInfo } from '../sites/types';
import { checkContentSender, checkPageSender, originOf, type Self, type SenderLike } from './sender';
import { toProtocolError } from './errors';

export interface ContentCaller {
  kind: 'content';
  origin: string;
  tabId: number;
  site: SiteInfo;
}
export interface PageCaller {
  kind: 'page';
}
export type Caller<N extends MessageName> = N extends `content/${string}` ? ContentCaller : PageCaller;

export type Handlers = {
  [N in MessageName]: (body: Req<N>, caller: Caller<N>) => Promise<Res<N>>;
};

export interface RouterOptions {
  self: Self;
  sites: readonly SiteInfo[];
  handlers: Handlers;
  /**
   * The site record for a content script on an origin no adapter lists (sender.ts): another site's
   * origin, and only while the person grants it (main.ts: permissions.contains). Undefined: refused.
   */
  other?: (origin: string) => Promise<SiteInfo | undefined>;
  /** Called for every accepted message (e.g. to push back the auto-lock). */
  onAccepted?: (name: MessageName) => void;
}

export function createRouter({ self, sites, handlers, other, onAccepted }: RouterOptions) {
  return async function route(message: unknown, sender: SenderLike): Promise<Result<unknown>> {
    if (typeof message !== 'object' || message === null) return err('invalid', msg('bgNotAMessage'));
    const { type, body } = message as { type?: unknown; body?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(SCHEMAS, type))
      return err('invalid', msg('bgUnknownMessage'));
    const name = type as MessageName;
    // Asked before the (synchronous) check, and only for an origin no site lists.
    const origin = isContentMessage(name) && other ? originOf(sender.url) : undefined;
    const otherSite = origin && !sites.some((s) => s.origins.includes(origin)) ? await other?.(origin) : undefined;
    const verdict = isContentMessage(name)
      ? checkContentSender(sender, self, sites, (o) => (o === origin ? otherSite : undefined))
      : checkPageSender(sender, self);
    if (!verdict.ok) return err('not-allowed', msg('bgSenderRefused', { reason: verdict.reason }));
    let parsed: unknown;
    try {
      parsed = SCHEMAS[name](body ?? {}, 'body');
    } catch (e) {
      return err('invalid', msg('bgMalformedRequest', { detail: e instanceof Error ? e.message : typeof e }));
    }
    onAccepted?.(name);
    try {
      const caller =
        verdict.kind === 'content'
          ? { kind: 'content', origin: verdict.origin, tabId: verdict.tabId, site: verdict.site }
          : { kind: 'page' };
      const handler = handlers[name] as (b: unknown, c: unknown) => Promise<unknown>;
      return ok(await handler(parsed, caller));
    } catch (e) {
      return { ok: false, error: toProtocolError(e) };
    }
  };
}
