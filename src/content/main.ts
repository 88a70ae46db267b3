import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function startContent(_ctx: ContentScriptContext): void {
  document.documentElement.dataset.sparekey = 'present';
}
