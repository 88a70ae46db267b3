// Fills started from the popup ("Fill on this tab"): the same pipeline as the chip (../fills.ts).
import type { BackgroundDeps } from '../deps';
import { activeTabStep, fillTab } from '../fills';
import type { Handlers } from '../router';

export function fillHandlers(deps: BackgroundDeps) {
  return {
    'fill/active-tab-step': () => activeTabStep(deps),
    'fill/active-tab': async ({ accountId, codeId }) => {
      const choice: { accountId?: string; codeId?: string } = {};
      if (accountId) choice.accountId = accountId;
      if (codeId) choice.codeId = codeId;
      return fillTab(deps, await deps.tabs.active(), choice);
    },
  } satisfies Partial<Handlers>;
}
