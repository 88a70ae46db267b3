// Where "Fill on this tab" can work: only the page in the active tab knows whether it shows a 2FA
// step right now, so the background asks its top frame (fill/active-tab-step, page/state). The
// popup never sees the page, only the origin the answer names.
import type { Send } from './api';

/** The active tab's origin when it is at a site's 2FA step now, else undefined. */
export async function fillableTabOrigin(send: Send): Promise<string | undefined> {
  const reply = await send('fill/active-tab-step', {});
  return reply.ok ? (reply.value.origin ?? undefined) : undefined;
}
