import type { Settings } from '../messages/protocol';

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  autoSubmit: false,
  clipboardClearSeconds: 30,
};

/** Settings are not secret: they live in storage.local so they apply while locked too. */
export function mergeSettings(stored: unknown, patch: Partial<Settings> = {}): Settings {
  const base = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === 'object') {
    const s = stored as Partial<Settings>;
    if (Number.isInteger(s.autoLockMinutes) && s.autoLockMinutes! >= 1 && s.autoLockMinutes! <= 480)
      base.autoLockMinutes = s.autoLockMinutes!;
    if (typeof s.autoSubmit === 'boolean') base.autoSubmit = s.autoSubmit;
    if (Number.isInteger(s.clipboardClearSeconds) && s.clipboardClearSeconds! >= 0)
      base.clipboardClearSeconds = Math.min(s.clipboardClearSeconds!, 600);
  }
  return { ...base, ...patch };
}
