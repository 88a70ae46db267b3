// WXT builds every extension page and an ES-module background in one Vite build, so the popup's
// script came in four files (its own, two chunks shared with the background and the offscreen
// page, and WXT's plugin loader), each one more request and module to link before the first
// render. Built alone, the popup is one file; it repeats the few modules it shares, which cost
// nothing at run time.
import type { EntrypointGroup } from 'wxt';

export function popupAlone(groups: EntrypointGroup[]): void {
  for (const [i, group] of groups.entries()) {
    if (!Array.isArray(group)) continue;
    const popup = group.find((entry) => entry.type === 'popup');
    if (!popup || group.length === 1) continue;
    groups.splice(i, 1, group.filter((entry) => entry !== popup), [popup]);
    return;
  }
}
